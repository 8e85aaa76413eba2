import { isSuccess, MAPPING_OPERATIONS, onReplies } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'envelope-success-string',
  description: 'Success envelopes of the mapping operations carry "success": "true" (a string)',
  expected: ['ENV-SUCCESS-ENVELOPE'],
  hooks: {
    reply: onReplies(MAPPING_OPERATIONS, (reply) => {
      if (isSuccess(reply)) reply.body.success = 'true';
      return reply;
    }),
  },
});
