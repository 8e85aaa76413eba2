import { formatIPv6, isIPv4Mapped, zeroRuns } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'ipv6-single-zero-group',
  description: 'A lone zero group is compressed to "::" when no longer run exists (RFC 5952 section 4.2.2: never one group)',
  expected: ['IP-CANONICAL-IPV6'],
  hooks: {
    ip: {
      format: (address, next) => {
        if (address.version !== 6 || isIPv4Mapped(address.groups)) return next(address);
        const runs = zeroRuns(address.groups);
        return runs.length > 0 && runs.every((r) => r.length === 1) ? formatIPv6(address.groups, runs[0]!) : next(address);
      },
    },
  },
});
