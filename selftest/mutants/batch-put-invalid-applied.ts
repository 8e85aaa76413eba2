import { defineMutant } from '../types';

export default defineMutant({
  id: 'batch-put-invalid-applied',
  description: 'The batch PUT skips vendor/region validation: invalid items are stored and listed as succeeded',
  expected: ['BATCH-PUT-PER-ITEM'],
  hooks: { operations: { 'batch-put': (ctx, next) => next({ ...ctx, isSupported: () => true }) } },
});
