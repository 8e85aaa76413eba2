import { defineVariant } from '../types';

export default defineVariant({
  id: 'other-error-messages',
  description: 'Every error carries another message text (codes and statuses unchanged)',
  allowedBy: 'spec/README.md: "Error messages are not contract: only status, code and envelope shape are"',
  hooks: {
    reply: (reply) => {
      if (Array.isArray(reply.body.errors))
        reply.body.errors = reply.body.errors.map((e: { code: number }) => ({ ...e, message: `Request failed (error ${e.code}).` }));
      return reply;
    },
  },
});
