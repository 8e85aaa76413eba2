import type { Mapping } from '../../server';
import { isSuccess } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'canonical-list-uppercase',
  description: 'The list prints IPv6 addresses in upper-case hex (RFC 5952 section 4.3: lower case); every other operation is canonical',
  expected: ['IP-CANONICAL-IPV6'],
  hooks: {
    operations: {
      list: (ctx, next) => {
        const reply = next(ctx);
        if (!isSuccess(reply)) return reply;
        const result = (reply.body.result as Mapping[]).map((m) => ({ ...m, origin_ip: m.origin_ip.toUpperCase() }));
        return { ...reply, body: { ...reply.body, result } };
      },
    },
  },
});
