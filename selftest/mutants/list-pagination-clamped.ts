import { withQuery } from '../helpers';
import { defineMutant } from '../types';

/** Out-of-range numbers are clamped into range instead of rejected. */
const clamp = (value: string, min: number, max: number) =>
  /^-?[0-9]+$/.test(value) ? String(Math.min(max, Math.max(min, Number(value)))) : value;

export default defineMutant({
  id: 'list-pagination-clamped',
  description: 'per_page outside 1..100 and page below 1 are clamped into range and answered 200',
  expected: ['LIST-PAGINATION-INVALID'],
  hooks: {
    operations: {
      list: (ctx, next) =>
        next(
          withQuery(ctx, (query) => {
            const perPage = query.get('per_page');
            const page = query.get('page');
            if (perPage !== null) query.set('per_page', clamp(perPage, 1, 100));
            if (page !== null) query.set('page', clamp(page, 1, Number.MAX_SAFE_INTEGER));
          }),
        ),
    },
  },
});
