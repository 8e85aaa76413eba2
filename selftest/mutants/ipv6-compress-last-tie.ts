import { formatIPv6, zeroRuns } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'ipv6-compress-last-tie',
  description: 'Of two longest zero runs of equal length, the last is compressed (RFC 5952 section 4.2.3: the first)',
  expected: ['IP-CANONICAL-IPV6'],
  hooks: {
    ip: {
      format: (address, next) => {
        if (address.version !== 6) return next(address);
        const runs = zeroRuns(address.groups).filter((r) => r.length >= 2);
        const longest = Math.max(0, ...runs.map((r) => r.length));
        const ties = runs.filter((r) => r.length === longest);
        return ties.length >= 2 ? formatIPv6(address.groups, ties.at(-1)!) : next(address);
      },
    },
  },
});
