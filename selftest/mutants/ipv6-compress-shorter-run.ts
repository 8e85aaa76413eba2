import { formatIPv6, zeroRuns } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'ipv6-compress-shorter-run',
  description: 'Of two zero runs of different lengths, the shorter one is compressed (RFC 5952 section 4.2.3: the longest)',
  expected: ['IP-CANONICAL-IPV6'],
  hooks: {
    ip: {
      format: (address, next) => {
        if (address.version !== 6) return next(address);
        const runs = zeroRuns(address.groups).filter((r) => r.length >= 2);
        const shortest = runs.reduce((a, b) => (b.length < a.length ? b : a), runs[0]!);
        return runs.length >= 2 && runs.some((r) => r.length !== shortest.length)
          ? formatIPv6(address.groups, shortest)
          : next(address);
      },
    },
  },
});
