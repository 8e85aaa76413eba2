import { Code, fail } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'no5xx-stray-body-on-list',
  description: 'A list request that carries a body is answered 500 (decision 13: a body meant for another operation is never a 5xx)',
  expected: ['ENV-NO-5XX'],
  hooks: {
    operations: {
      list: (ctx, next) => (Number(ctx.headers['content-length'] ?? 0) > 0 ? fail(500, Code.internalError, 'unexpected request body') : next(ctx)),
    },
  },
});
