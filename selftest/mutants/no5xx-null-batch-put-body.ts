import { Code, fail } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'no5xx-null-batch-put-body',
  description: 'A batch PUT whose body is JSON null crashes the handler: 500 (decision 13: a JSON null body is never a 5xx)',
  expected: ['ENV-NO-5XX'],
  hooks: {
    operations: {
      'batch-put': (ctx, next) => (ctx.body === null ? fail(500, Code.internalError, "Cannot read properties of null (reading 'length')") : next(ctx)),
    },
  },
});
