import { lenientText } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'invalid-put-body-lenient',
  description: 'PUT cleans the body origin_ip up before parsing (the path is strict): a body "[2001:db8::1]" replaces 2001:db8::1 (decision 6)',
  expected: ['IP-INVALID-REJECTED'],
  hooks: {
    operations: {
      put: (ctx, next) => next({ ...ctx, canonicalize: (t) => (t === ctx.originIp ? ctx.canonicalize(t) : ctx.canonicalize(lenientText(t))) }),
    },
  },
});
