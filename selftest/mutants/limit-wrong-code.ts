import { Code } from '../../server';
import { errorCode } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'limit-wrong-code',
  description: 'A new mapping in a full zone gets 403 with code 1165 instead of 1164',
  expected: ['LIMIT-NEW-REJECTED'],
  hooks: {
    operations: {
      put: (ctx, next) => {
        const reply = next(ctx);
        if (errorCode(reply) === Code.tooManyMappings) reply.body.errors[0].code = 1165;
        return reply;
      },
    },
  },
});
