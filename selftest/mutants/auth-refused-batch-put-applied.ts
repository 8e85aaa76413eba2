import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from '../../server';
import { defineMutant } from '../types';

// The reference check, captured from the auth hook so that the batch PUT handler can apply it late.
let check: ((headers: IncomingHttpHeaders) => Reply | null) | undefined;

export default defineMutant({
  id: 'auth-refused-batch-put-applied',
  description: 'A batch PUT with bad credentials is answered with the refusal, but only after its items were applied (decision 11: change nothing)',
  expected: ['AUTH-NO-CREDENTIALS', 'AUTH-MALFORMED', 'AUTH-WRONG-TOKEN'],
  hooks: {
    auth: (headers, next, request) => {
      check = next;
      return request.operation === 'batch-put' ? null : next(headers);
    },
    operations: {
      'batch-put': (ctx, next) => {
        const applied = next(ctx);
        return check!(ctx.headers) ?? applied;
      },
    },
  },
});
