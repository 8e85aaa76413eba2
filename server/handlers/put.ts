// PUT /zones/{zone_id}/origin/cloud_regions/{origin_ip}: create or replace, both 200 (seed page).
import { Code } from '../../contract';
import { fail, Message, ok } from '../envelope';
import { checkItem, isOverLimit, writeMapping } from '../mapping';
import type { Context, Reply } from '../types';
import { invalidPathIp } from './path-ip';

export function put(ctx: Context): Reply {
  const pathIp = ctx.canonicalize(ctx.originIp!);
  if (pathIp === null) return invalidPathIp(ctx);
  if (ctx.body === undefined) {
    return fail(400, Code.invalidBody, 'request body is required: a JSON object with origin_ip, vendor and region');
  }
  const item = checkItem(ctx, ctx.body, pathIp);
  if (!item.ok) return fail(item.status, item.code, item.message);
  // Decision 2: only a new address is refused at the limit; a replace always succeeds.
  if (isOverLimit(ctx, item.ip)) return fail(403, Code.tooManyMappings, Message.tooManyMappings);
  return ok(writeMapping(ctx, item.ip, item.vendor, item.region));
}
