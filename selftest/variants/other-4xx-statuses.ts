import { Code } from '../../server';
import { errorCode } from '../helpers';
import { defineVariant } from '../types';

// Failures the spec pins only to "a 4xx": invalid vendor/region, invalid bodies, oversized batches,
// invalid pagination. They are answered 422 here (codes unchanged).
const OPEN_4XX = new Set<unknown>([Code.unsupportedRegion, Code.invalidBody]);

export default defineVariant({
  id: 'other-4xx-statuses',
  description: 'Invalid vendor/region and invalid bodies are answered 422 instead of 400 (codes unchanged)',
  allowedBy: 'spec/README.md, "Documented limits and codes": vendor/region "4xx"; openapi: body schema violations are not given a status',
  hooks: { reply: (reply) => (reply.status === 400 && OPEN_4XX.has(errorCode(reply)) ? { ...reply, status: 422 } : reply) },
});
