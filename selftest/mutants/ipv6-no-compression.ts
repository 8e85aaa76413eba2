import { formatIPv6 } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'ipv6-no-compression',
  description: 'IPv6 zero runs are never compressed to "::" (RFC 5952 section 4.2.1: the longest run must be)',
  expected: ['IP-CANONICAL-IPV6'],
  hooks: {
    ip: { format: (address, next) => (address.version === 6 ? formatIPv6(address.groups, null) : next(address)) },
  },
});
