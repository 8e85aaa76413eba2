import type { Reply } from '../../server';
import { defineVariant } from '../types';

/**
 * Adds a field the schemas do not name to every object of a result. `vendors` of supported_regions
 * is a map from vendor to regions, not a record: its entries are decorated, the map itself is not.
 */
function decorate(value: unknown, isMap = false): unknown {
  if (Array.isArray(value)) return value.map((v) => decorate(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = isMap ? { ...(value as object) } : { ...(value as object), x_vendor_note: 'extra' };
  for (const [k, v] of Object.entries(out)) if (typeof v === 'object') out[k] = decorate(v, k === 'vendors');
  return out;
}

export default defineVariant({
  id: 'extra-fields',
  description: 'Results, result_info, error items and the envelope carry extra fields the spec does not name',
  allowedBy: 'spec/README.md: "extra fields" are open; openapi has no additionalProperties: false',
  hooks: {
    reply: (reply) => {
      const body: Reply['body'] = { ...reply.body, x_request_id: 'req-1' };
      if (body.result !== null && body.result !== undefined) body.result = decorate(body.result);
      if (body.result_info) body.result_info = decorate(body.result_info);
      if (Array.isArray(body.errors)) body.errors = decorate(body.errors);
      return { ...reply, body };
    },
  },
});
