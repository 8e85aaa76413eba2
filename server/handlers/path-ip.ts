// The answer for an origin_ip path parameter that is not a plain address (decisions 4 and 6).
import { Code } from '../../contract';
import { fail } from '../envelope';
import type { Context, Reply } from '../types';

export function invalidPathIp(ctx: Context): Reply {
  return fail(400, Code.invalidParameter, `origin_ip path parameter ${JSON.stringify(ctx.originIp)} is not a valid IPv4 or IPv6 address`);
}
