import { isSuccess } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'list-total-count-of-page',
  description: 'result_info.total_count counts the items of the page, not of the zone',
  expected: ['LIST-RESULT-INFO'],
  hooks: {
    operations: {
      list: (ctx, next) => {
        const reply = next(ctx);
        if (isSuccess(reply)) reply.body.result_info.total_count = reply.body.result.length;
        return reply;
      },
    },
  },
});
