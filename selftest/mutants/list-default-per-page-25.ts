import { withQuery } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'list-default-per-page-25',
  description: 'Without per_page the list pages by 25 (openapi: default 20)',
  expected: ['LIST-DEFAULT-PER-PAGE'],
  hooks: {
    operations: {
      list: (ctx, next) => {
        if (ctx.query.has('per_page')) return next(ctx);
        return next(withQuery(ctx, (query) => query.set('per_page', '25')));
      },
    },
  },
});
