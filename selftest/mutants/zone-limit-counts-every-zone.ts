import type { Middleware } from '../../server';
import { withStore, zoneRegistry } from '../helpers';
import { defineMutant } from '../types';

const zones = zoneRegistry();

// The limit check reads the size of the store: here the mappings of every zone together.
const countAll: Middleware = (ctx, next) => next(withStore(ctx, { size: () => zones.all().reduce((n, s) => n + s.size(), 0) }));

export default defineMutant({
  id: 'zone-limit-counts-every-zone',
  description: "The 3,500 limit counts the mappings of every zone, so one zone's mappings use up another's room (decision 12)",
  expected: ['ZONE-ISOLATION'],
  hooks: { operations: { '*': zones.track, put: countAll, 'batch-put': countAll } },
});
