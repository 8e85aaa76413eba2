import { defineMutant } from '../types';

export default defineMutant({
  id: 'ipv4-zero-padded',
  description: 'IPv4 addresses are stored with three-digit octets ("192.000.002.001")',
  expected: ['IP-CANONICAL-IPV4'],
  hooks: {
    ip: {
      format: (address, next) =>
        address.version === 4 ? address.octets.map((o) => String(o).padStart(3, '0')).join('.') : next(address),
    },
  },
});
