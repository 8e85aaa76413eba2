import type { Middleware } from '../../server';
import { defineMutant } from '../types';

/** Decodes the already-decoded path parameter a second time, without guarding against bad escapes. */
const decodeAgain: Middleware = (ctx, next) =>
  next({ ...ctx, originIp: ctx.originIp === undefined ? undefined : decodeURIComponent(ctx.originIp) });

export default defineMutant({
  id: 'path-double-decode',
  description: 'The origin_ip path parameter is percent-decoded twice: "%2525" becomes "%", and a lone "%" throws (500)',
  expected: ['ROBUST-PATH-ENCODING', 'IP-INVALID-REJECTED', 'ENV-NO-5XX'],
  hooks: { operations: { put: decodeAgain, get: decodeAgain, delete: decodeAgain } },
});
