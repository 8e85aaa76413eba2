// DELETE /zones/{zone_id}/origin/cloud_regions/{origin_ip}: result { origin_ip } (canonical), 404 if absent.
import { Code } from '../../contract';
import { fail, Message, ok } from '../envelope';
import type { Context, Reply } from '../types';
import { invalidPathIp } from './path-ip';

export function remove(ctx: Context): Reply {
  const ip = ctx.canonicalize(ctx.originIp!);
  if (ip === null) return invalidPathIp(ctx);
  return ctx.store.delete(ip) ? ok({ origin_ip: ip }) : fail(404, Code.notFound, Message.notFound); // decision 8
}
