import { defineMutant } from '../types';

/** Pads every hex field to four digits; the dotted tail of a mapped address is left alone. */
const pad = (text: string) =>
  text
    .split(':')
    .map((field) => (field === '' || field.includes('.') ? field : field.padStart(4, '0')))
    .join(':');

export default defineMutant({
  id: 'ipv6-leading-zeros',
  description: 'IPv6 groups keep their leading zeros ("2001:0db8::0001"; RFC 5952 section 4.1: suppressed)',
  expected: ['IP-CANONICAL-IPV6'],
  hooks: { ip: { format: (address, next) => (address.version === 6 ? pad(next(address)) : next(address)) } },
});
