import { defineVariant } from '../types';

/** Drops modified_on from a mapping or from every mapping of a list. */
function strip(result: unknown): unknown {
  if (Array.isArray(result)) return result.map(strip);
  if (result && typeof result === 'object' && 'modified_on' in result) {
    const { modified_on: _dropped, ...rest } = result as Record<string, unknown>;
    return rest;
  }
  return result;
}

export default defineVariant({
  id: 'no-modified-on',
  description: 'Mappings are returned without modified_on',
  allowedBy: 'openapi.json: modified_on is not required in the mapping; decision 9: "MUST be RFC 3339 when present"',
  hooks: { reply: (reply) => ({ ...reply, body: { ...reply.body, result: strip(reply.body.result) } }) },
});
