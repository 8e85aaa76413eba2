import { DEFAULT_REGIONS } from '../../server';
import { defineMutant } from '../types';

// The validator's table lacks the last region each vendor lists (a table older than supported_regions).
const missing = new Set(Object.entries(DEFAULT_REGIONS.vendors).map(([vendor, regions]) => `${vendor}/${regions.at(-1)!.name}`));

export default defineMutant({
  id: 'vendor-region-stale-table',
  description: 'PUT rejects the last region of each vendor that supported_regions lists (validation against a stale table)',
  expected: ['PUT-VENDOR-REGION-VALID'],
  hooks: { isSupported: (vendor, region, next) => !missing.has(`${vendor}/${region}`) && next(vendor, region) },
});
