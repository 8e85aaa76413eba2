// What the two batch operations share: the body must be a top-level JSON array of at most maxBatch
// items (openapi maxItems: 100); otherwise 400 and nothing is applied.
import { Code } from '../../contract';
import { fail } from '../envelope';
import type { Context, Reply } from '../types';

export function batchItems(ctx: Context, itemDescription: string): unknown[] | Reply {
  const expected = `a JSON array of at most ${ctx.maxBatch} ${itemDescription}`;
  if (ctx.body === undefined) return fail(400, Code.invalidBody, `request body is required: ${expected}`);
  if (!Array.isArray(ctx.body)) return fail(400, Code.invalidBody, `request body must be ${expected}`);
  if (ctx.body.length > ctx.maxBatch) {
    return fail(400, Code.invalidBody, `request body has ${ctx.body.length} items; it must be ${expected}`);
  }
  return ctx.body;
}
