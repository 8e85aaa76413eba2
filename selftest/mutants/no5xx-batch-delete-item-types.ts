import { defineMutant } from '../types';

export default defineMutant({
  id: 'no5xx-batch-delete-item-types',
  description: 'A batch DELETE item that is not a string (a number, null, an object) throws in the handler: 500 (decision 13: wrong types are never a 5xx)',
  expected: ['ENV-NO-5XX'],
  hooks: {
    operations: {
      'batch-delete': (ctx, next) => {
        if (Array.isArray(ctx.body) && ctx.body.some((item) => typeof item !== 'string')) throw new TypeError('item.trim is not a function');
        return next(ctx);
      },
    },
  },
});
