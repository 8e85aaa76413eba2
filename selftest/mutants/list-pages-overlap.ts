import { isSuccess } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'list-pages-overlap',
  description: 'Each page after the first starts one item early: the last item of a page repeats on the next',
  expected: ['LIST-PAGES-PARTITION'],
  hooks: {
    operations: {
      list: (ctx, next) => {
        const reply = next(ctx);
        if (!isSuccess(reply)) return reply;
        const { page, per_page: perPage } = reply.body.result_info;
        if (page > 1) {
          const start = (page - 1) * perPage - 1;
          reply.body.result = ctx.store.list().slice(start, start + perPage);
          reply.body.result_info.count = reply.body.result.length;
        }
        return reply;
      },
    },
  },
});
