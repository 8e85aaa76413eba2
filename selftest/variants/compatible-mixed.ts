import { defineVariant } from '../types';

/** glibc's inet_ntop: an IPv4-compatible address (::/96 but :: and ::1) printed as ::a.b.c.d. */
export default defineVariant({
  id: 'compatible-mixed',
  description: 'IPv4-compatible addresses are stored in the mixed form glibc prints (::192.0.2.1 for ::c000:201): a SHOULD failure only',
  allowedBy: 'spec/README.md, decision 5: "the mixed form that glibc\'s inet_ntop prints (::192.0.2.1) is a SHOULD failure, not a MUST"',
  hooks: {
    ip: {
      format: (address, next) => {
        if (address.version !== 6 || address.groups.slice(0, 6).some((g) => g !== 0) || (address.groups[6] === 0 && address.groups[7]! <= 1)) return next(address);
        const [hi, lo] = [address.groups[6]!, address.groups[7]!];
        return `::${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
      },
    },
  },
  shouldFailures: ['IP-EMBEDDED-HEX'],
  // Compatible addresses drawn about 96 times in 100: every check that compares addresses meets the mixed form.
  env: { CONFORMANCE_ADDRESS_BIAS: 'compatible' },
});
