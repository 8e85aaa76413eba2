import type { Middleware } from '../../server';
import { perZone, withStore } from '../helpers';
import { defineMutant } from '../types';

// The count the limit is checked against is a high-water mark: deletes never lower it.
const highWater = perZone(() => ({ count: 0 }));
const countedByHighWater: Middleware = (ctx, next) => {
  const mark = highWater(ctx.zoneId);
  mark.count = Math.max(mark.count, ctx.store.size());
  const reply = next(withStore(ctx, { size: () => Math.max(mark.count, ctx.store.size()) }));
  mark.count = Math.max(mark.count, ctx.store.size());
  return reply;
};

export default defineMutant({
  id: 'limit-not-freed',
  description: 'Deleting a mapping does not free room: the limit counts every mapping the zone ever held at once',
  expected: ['LIMIT-FREED-AFTER-DELETE'],
  hooks: { operations: { put: countedByHighWater, 'batch-put': countedByHighWater } },
});
