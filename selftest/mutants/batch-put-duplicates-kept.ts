import type { Mapping, ZoneStore } from '../../server';
import { perZone } from '../helpers';
import { defineMutant } from '../types';

// A table without a unique key: within one batch, an address already written by an earlier item
// gets a second row instead of replacing the first. Reads find the first row left; a delete removes
// one row at a time, so after one DELETE the address still has a mapping.
const extraRows = perZone(() => new Map<string, Mapping[]>());

function withDuplicateRows(base: ZoneStore, rows: Map<string, Mapping[]>, duplicating: boolean): ZoneStore {
  const written = new Set<string>();
  return {
    ...base,
    get: (ip) => base.get(ip) ?? rows.get(ip)?.[0],
    set: (m) => {
      if (duplicating && written.has(m.origin_ip)) rows.set(m.origin_ip, [...(rows.get(m.origin_ip) ?? []), m]);
      else base.set(m);
      written.add(m.origin_ip);
    },
    delete: (ip) => {
      const primary = base.delete(ip);
      if (primary) return primary;
      const list = rows.get(ip);
      const row = list?.shift();
      if (list && list.length === 0) rows.delete(ip);
      return row;
    },
    size: () => base.size() + [...rows.values()].reduce((n, l) => n + l.length, 0),
    list: () => [...base.list(), ...[...rows.values()].flat()],
    clear: () => {
      base.clear();
      rows.clear();
    },
  };
}

export default defineMutant({
  id: 'batch-put-duplicates-kept',
  description: 'Spellings of one address repeated in one batch PUT make two rows: after one DELETE the address still has a mapping',
  expected: ['BATCH-PUT-DUPLICATES'],
  hooks: {
    operations: {
      '*': (ctx, next) => next({ ...ctx, store: withDuplicateRows(ctx.store, extraRows(ctx.zoneId), ctx.operation === 'batch-put') }),
    },
  },
});
