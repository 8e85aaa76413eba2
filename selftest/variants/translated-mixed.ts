import { formatIPv6, longestZeroRun } from '../../server';
import { EMBEDDED_PREFIX, formatUnder } from '../helpers';
import { defineVariant } from '../types';

/** RFC 5952 section 5's mixed notation for IPv4-translated (::ffff:0:0:0/96) addresses, as that section recommends for every well-known prefix. */
export default defineVariant({
  id: 'translated-mixed',
  description: 'IPv4-translated (::ffff:0:0:0/96) addresses are stored in mixed notation (::ffff:0:192.0.2.1 for ::ffff:0:c000:201): a SHOULD failure only',
  allowedBy: 'spec/README.md, decision 5: "the mixed form ... is a SHOULD failure, not a MUST"',
  hooks: {
    ip: { format: formatUnder(EMBEDDED_PREFIX.translated, (g) => formatIPv6(g, longestZeroRun(g.slice(0, 6)), true)) },
  },
  shouldFailures: ['IP-EMBEDDED-HEX'],
  // IPv4-translated (::ffff:0:0:0/96) addresses drawn about 99 times in 100: every check that compares addresses meets the mixed form.
  env: { CONFORMANCE_ADDRESS_BIAS: 'translated' },
});
