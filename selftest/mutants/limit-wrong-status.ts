import { Code } from '../../server';
import { errorCode } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'limit-wrong-status',
  description: 'A new mapping in a full zone gets 400 instead of 403 (code 1164 kept)',
  expected: ['LIMIT-NEW-REJECTED'],
  hooks: {
    operations: {
      put: (ctx, next) => {
        const reply = next(ctx);
        if (errorCode(reply) === Code.tooManyMappings) reply.status = 400;
        return reply;
      },
    },
  },
});
