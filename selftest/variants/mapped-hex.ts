import { formatIPv6, isIPv4Mapped, longestZeroRun } from '../../server';
import { defineVariant } from '../types';

export default defineVariant({
  id: 'mapped-hex',
  description: 'IPv4-mapped addresses are stored in hex (::ffff:c000:201), like ipaddr.js prints them: a SHOULD failure only',
  allowedBy: 'spec/README.md, decision 5: "the hex form ::ffff:c000:201 is a SHOULD failure, not a MUST"',
  hooks: {
    ip: {
      format: (address, next) =>
        address.version === 6 && isIPv4Mapped(address.groups) ? formatIPv6(address.groups, longestZeroRun(address.groups)) : next(address),
    },
  },
  shouldFailures: ['IP-MAPPED-MIXED'],
  // Mapped addresses drawn about 96 times in 100: every check that compares addresses meets the hex form, not
  // only the normalization properties, so a check that compares address texts instead of addresses fails here
  // whatever the seed, not only for seeds that happen to draw a mapped address.
  env: { CONFORMANCE_ADDRESS_BIAS: 'mapped' },
});
