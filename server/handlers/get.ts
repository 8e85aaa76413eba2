// GET /zones/{zone_id}/origin/cloud_regions/{origin_ip}: the path is canonicalized before lookup.
import { Code } from '../../contract';
import { fail, Message, ok } from '../envelope';
import type { Context, Reply } from '../types';
import { invalidPathIp } from './path-ip';

export function get(ctx: Context): Reply {
  const ip = ctx.canonicalize(ctx.originIp!);
  if (ip === null) return invalidPathIp(ctx);
  const mapping = ctx.store.get(ip);
  return mapping ? ok(mapping) : fail(404, Code.notFound, Message.notFound); // decision 8
}
