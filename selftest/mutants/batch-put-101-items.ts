import { defineMutant } from '../types';

export default defineMutant({
  id: 'batch-put-101-items',
  description: 'A batch PUT of 101 items is accepted (openapi: maxItems 100)',
  expected: ['BATCH-PUT-MAX-ITEMS'],
  hooks: { operations: { 'batch-put': (ctx, next) => next({ ...ctx, maxBatch: ctx.maxBatch + 1 }) } },
});
