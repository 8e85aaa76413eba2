import { isSuccess, MAPPING_OPERATIONS, onReplies } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'envelope-no-messages',
  description: 'Success envelopes of the mapping operations lack the "messages" array',
  expected: ['ENV-SUCCESS-ENVELOPE'],
  hooks: {
    reply: onReplies(MAPPING_OPERATIONS, (reply) => {
      if (isSuccess(reply)) delete reply.body.messages;
      return reply;
    }),
  },
});
