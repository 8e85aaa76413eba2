import { isMismatch } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'mismatch-wrong-status',
  description: 'A path/body mismatch is answered 409 instead of 400 (the seed page: "Returns 400")',
  expected: ['PUT-MISMATCH-REJECTED'],
  hooks: {
    operations: {
      put: (ctx, next) => {
        const reply = next(ctx);
        if (isMismatch(ctx) && reply.status === 400) reply.status = 409;
        return reply;
      },
    },
  },
});
