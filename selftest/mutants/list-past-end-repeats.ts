import { isSuccess, withQuery } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'list-past-end-repeats',
  description: 'A page past the end repeats the last page (the SDK paginator would never stop)',
  expected: ['LIST-PAST-END-EMPTY'],
  hooks: {
    operations: {
      list: (ctx, next) => {
        const reply = next(ctx);
        if (!isSuccess(reply)) return reply;
        const info = reply.body.result_info;
        if (reply.body.result.length > 0 || info.total_pages === 0 || info.page <= info.total_pages) return reply;
        const last = next(withQuery(ctx, (query) => query.set('page', String(info.total_pages))));
        return { ...last, body: { ...last.body, result_info: { ...last.body.result_info, page: info.page } } };
      },
    },
  },
});
