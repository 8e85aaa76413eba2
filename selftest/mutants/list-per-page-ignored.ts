import { withQuery } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'list-per-page-ignored',
  description: 'The list ignores per_page and always pages by 20',
  expected: ['LIST-RESULT-INFO', 'LIST-PAGES-PARTITION'],
  hooks: {
    operations: {
      list: (ctx, next) => {
        return next(withQuery(ctx, (query) => query.delete('per_page')));
      },
    },
  },
});
