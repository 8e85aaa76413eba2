import { defineMutant } from '../types';

export default defineMutant({
  id: 'batch-put-object-body',
  description: 'A batch PUT body that is a single object, not an array, is applied as a batch of one',
  expected: ['BATCH-PUT-NOT-ARRAY'],
  hooks: {
    operations: {
      'batch-put': (ctx, next) =>
        ctx.body !== null && typeof ctx.body === 'object' && !Array.isArray(ctx.body) ? next({ ...ctx, body: [ctx.body] }) : next(ctx),
    },
  },
});
