import { MAPPING_OPERATIONS, onReplies } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'errors-as-strings',
  description: 'Failure envelopes of the mapping operations list their errors as plain message strings',
  expected: ['ENV-FAILURE-ENVELOPE'],
  hooks: {
    reply: onReplies(MAPPING_OPERATIONS, (reply) => {
      if (reply.status >= 400 && Array.isArray(reply.body.errors))
        reply.body.errors = reply.body.errors.map((e: { message: string }) => e.message);
      return reply;
    }),
  },
});
