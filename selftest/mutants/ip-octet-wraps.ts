import { defineMutant } from '../types';

/** Dotted parts above 255 wrap around (a byte cast): "192.0.2.300" is stored as 192.0.2.44. */
export default defineMutant({
  id: 'ip-octet-wraps',
  description: 'An IPv4 part above 255 is taken modulo 256 and the address stored ("192.0.2.300" as 192.0.2.44)',
  expected: ['IP-INVALID-REJECTED'],
  hooks: {
    ip: {
      parse: (text, next) =>
        next(text) ?? next(text.replace(/(^|[:.])([0-9]{1,9})(?=\.|$)/g, (m, pre: string, n: string) => (text.includes('.') ? `${pre}${Number(n) % 256}` : m))),
    },
  },
});
