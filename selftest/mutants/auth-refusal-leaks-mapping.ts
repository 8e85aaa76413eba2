import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from '../../server';
import { defineMutant } from '../types';

// The reference check, captured from the auth hook so that the GET handler can apply it itself.
let check: ((headers: IncomingHttpHeaders) => Reply | null) | undefined;

export default defineMutant({
  id: 'auth-refusal-leaks-mapping',
  description: 'A refused GET is a well-formed failure envelope whose error carries the mapping it read (decision 11: return no mapping data)',
  expected: ['AUTH-NO-CREDENTIALS', 'AUTH-MALFORMED', 'AUTH-WRONG-TOKEN'],
  hooks: {
    auth: (headers, next, request) => {
      check = next;
      return request.operation === 'get' ? null : next(headers);
    },
    operations: {
      get: (ctx, next) => {
        const denied = check!(ctx.headers);
        if (!denied) return next(ctx);
        const [error, ...rest] = denied.body.errors;
        return { ...denied, body: { ...denied.body, errors: [{ ...error, mapping: next(ctx).body.result }, ...rest] } };
      },
    },
  },
});
