import { defineMutant } from '../types';

/** Go's net.ParseIP before 1.20: leading zeros beyond four digits are skipped ("00001" is group 1). */
export default defineMutant({
  id: 'ip-five-hex-digits',
  description: 'An IPv6 group of five or more hex digits through leading zeros is accepted ("2001:db8::00001" stored as 2001:db8::1)',
  expected: ['IP-INVALID-REJECTED'],
  hooks: { ip: { parse: (text, next) => next(text) ?? next(text.replace(/(^|:)0+([0-9A-Fa-f]{1,4})(?=:|$)/g, '$1$2')) } },
});
