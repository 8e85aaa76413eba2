import { defineMutant } from '../types';

export default defineMutant({
  id: 'ipv6-uppercase',
  description: 'IPv6 addresses are stored and returned in upper-case hex (RFC 5952 section 4.3: lower case)',
  expected: ['IP-CANONICAL-IPV6'],
  hooks: { ip: { format: (address, next) => (address.version === 6 ? next(address).toUpperCase() : next(address)) } },
});
