import { defineMutant } from '../types';

export default defineMutant({
  id: 'get-missing-400',
  description: 'GET of an address with no mapping answers 400 instead of 404 (code 1142 kept)',
  expected: ['GET-NOT-FOUND'],
  hooks: {
    operations: {
      get: (ctx, next) => {
        const reply = next(ctx);
        if (reply.status === 404) reply.status = 400;
        return reply;
      },
    },
  },
});
