import { defineMutant } from '../types';

export default defineMutant({
  id: 'limit-batch-bypass',
  description: 'The batch PUT does not check the limit: a batch takes a full zone past 3,500',
  expected: ['LIMIT-NEVER-EXCEEDED'],
  hooks: { operations: { 'batch-put': (ctx, next) => next({ ...ctx, limit: Number.MAX_SAFE_INTEGER }) } },
});
