import { withQuery } from '../helpers';
import { defineVariant } from '../types';

/** page below 1 read as page 1; a per_page that is not a number read as the default (20). */
export default defineVariant({
  id: 'page-clamped',
  description: 'page 0 or -1 is answered as page 1, and per_page=abc as the default per_page: a SHOULD failure only',
  allowedBy:
    'spec/README.md: the limits table gives a 4xx only for "per_page outside 1..100"; "page (>= 1, default 1)" and openapi\'s page minimum 1 describe the request',
  hooks: {
    operations: {
      list: (ctx, next) =>
        next(
          withQuery(ctx, (query) => {
            const page = query.get('page');
            const perPage = query.get('per_page');
            if (page !== null && /^-?[0-9]+$/.test(page) && Number(page) < 1) query.set('page', '1');
            if (perPage !== null && !/^-?[0-9]+$/.test(perPage)) query.delete('per_page');
          }),
        ),
    },
  },
  shouldFailures: ['LIST-PAGE-INVALID'],
});
