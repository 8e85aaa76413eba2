import { MAPPING_OPERATIONS, onReplies } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'content-type-text-plain',
  description: 'The mapping operations answer with Content-Type text/plain (the JSON body unchanged)',
  expected: ['ENV-CONTENT-TYPE'],
  hooks: {
    reply: onReplies(MAPPING_OPERATIONS, (reply) => ({ ...reply, headers: { ...reply.headers, 'content-type': 'text/plain' } })),
  },
});
