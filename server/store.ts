// In-memory mappings, one store per zone key. Zones never share a store (decision 12) unless a
// hook maps two zone ids to one key.
import type { Mapping, ZoneStore } from './types';

export function createZoneStore(): ZoneStore {
  // A Map keeps insertion order and set() on an existing key keeps its position: that is the
  // documented list order (creation order, a replace does not move a mapping).
  const mappings = new Map<string, Mapping>();
  return {
    get: (ip) => mappings.get(ip),
    set: (mapping) => void mappings.set(mapping.origin_ip, mapping),
    delete: (ip) => {
      const mapping = mappings.get(ip);
      mappings.delete(ip);
      return mapping;
    },
    size: () => mappings.size,
    list: () => [...mappings.values()],
    clear: () => mappings.clear(),
  };
}

/** Stores by key, created on first use. */
export function createZones(): (key: string) => ZoneStore {
  const zones = new Map<string, ZoneStore>();
  return (key) => {
    let store = zones.get(key);
    if (!store) zones.set(key, (store = createZoneStore()));
    return store;
  };
}
