import { defineVariant } from '../types';

export default defineVariant({
  id: 'no-credentials-401',
  description: 'Missing or malformed credentials are answered 401 with only success and errors (no messages, no result)',
  allowedBy: 'spec/README.md, decision 11: 400/401/403, "their messages/result keys may be absent"',
  hooks: {
    auth: (headers, next) => {
      const denied = next(headers);
      // The wrong-token answer (403) is left alone: see wrong-token-401.
      return denied && denied.status === 400 ? { ...denied, status: 401, body: { success: false, errors: denied.body.errors } } : denied;
    },
  },
});
