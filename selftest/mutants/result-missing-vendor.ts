import { isSuccess, onReplies } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'result-missing-vendor',
  description: 'GET of one mapping returns it without its "vendor" field (required by the mapping schema)',
  expected: ['ENV-RESULT-SCHEMA'],
  hooks: {
    reply: onReplies(['get'], (reply) => {
      if (isSuccess(reply) && reply.body.result) delete reply.body.result.vendor;
      return reply;
    }),
  },
});
