import { defineVariant } from '../types';

export default defineVariant({
  id: 'json-charset',
  description: 'Every response says Content-Type: application/json; charset=utf-8',
  allowedBy: 'spec/README.md, decision 11: "application/json (parameters such as charset allowed)"',
  hooks: { reply: (reply) => ({ ...reply, headers: { ...reply.headers, 'content-type': 'application/json; charset=utf-8' } }) },
});
