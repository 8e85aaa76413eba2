import { fail } from '../../server';
import { defineMutant } from '../types';

/** Off by one at the top of 1..100: per_page=100 is refused as out of range (the harness's own listings fall back). */
export default defineMutant({
  id: 'list-per-page-100-rejected',
  description: 'per_page=100, the largest valid page size, is answered 400 with code 1146 as if out of range',
  expected: ['LIST-PAGINATION-VALID'],
  hooks: {
    operations: {
      list: (ctx, next) =>
        ctx.query.get('per_page') === '100' ? fail(400, 1146, 'per_page must be between 1 and 99') : next(ctx),
    },
  },
});
