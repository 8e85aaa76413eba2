import { defineVariant } from '../types';

export default defineVariant({
  id: 'wrong-token-401',
  description: 'A wrong token is answered 401 instead of 403 (same code 9109)',
  allowedBy: 'spec/README.md, decision 11: auth failures MUST be 400/401/403; observed "403 (sometimes 401)"',
  hooks: {
    auth: (headers, next) => {
      const denied = next(headers);
      return denied && denied.status === 403 ? { ...denied, status: 401 } : denied;
    },
  },
});
