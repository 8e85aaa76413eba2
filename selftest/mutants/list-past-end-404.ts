import { Code, fail, Message } from '../../server';
import { isSuccess } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'list-past-end-404',
  description: 'A page past the end of a non-empty list is 404 (the SDK paginator needs 200 with result [])',
  expected: ['LIST-PAST-END-EMPTY'],
  hooks: {
    operations: {
      list: (ctx, next) => {
        const reply = next(ctx);
        const past = isSuccess(reply) && reply.body.result.length === 0 && reply.body.result_info.page > 1;
        return past ? fail(404, Code.notFound, Message.notFound) : reply;
      },
    },
  },
});
