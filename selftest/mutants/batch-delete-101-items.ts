import { defineMutant } from '../types';

export default defineMutant({
  id: 'batch-delete-101-items',
  description: 'A batch DELETE of 101 addresses is accepted (up to 100 per request)',
  expected: ['BATCH-DELETE-MAX-ITEMS'],
  hooks: { operations: { 'batch-delete': (ctx, next) => next({ ...ctx, maxBatch: ctx.maxBatch + 1 }) } },
});
