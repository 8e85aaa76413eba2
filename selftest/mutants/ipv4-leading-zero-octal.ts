import { defineMutant } from '../types';

/**
 * Four dotted parts, a part with a leading zero read as octal (what C's strtol(s, 0, 0) gives): no
 * hex, no shorthand. "192.0.2.010" is stored as 192.0.2.8; "192.0.2.01" shows nothing, its octal
 * and decimal readings being the same address.
 */
export default defineMutant({
  id: 'ipv4-leading-zero-octal',
  description: 'IPv4 parts with a leading zero are read as octal ("192.0.2.010" stored as 192.0.2.8)',
  expected: ['IP-IPV4-NO-OCTAL'],
  hooks: {
    ip: {
      parse: (text, next) => {
        const own = next(text);
        if (own || !/^[0-9]+(\.[0-9]+){3}$/.test(text)) return own;
        const octets = text.split('.').map((p) => (p.length > 1 && p.startsWith('0') ? (/^[0-7]+$/.test(p) ? parseInt(p, 8) : NaN) : Number(p)));
        return octets.every((o) => o >= 0 && o <= 255) ? { version: 4, octets } : null;
      },
    },
  },
});
