import type { IpAddress } from '../../server';
import { defineMutant } from '../types';

/**
 * BSD inet_aton(3): one to four parts, each decimal, octal (leading 0) or hex (0x); the last part
 * fills the remaining bytes. "010.0.0.1" reads as 8.0.0.1 and "0300.0.02.01" as 192.0.2.1.
 */
function inetAton(text: string): IpAddress | null {
  const parts = text.split('.');
  if (parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    const value = /^0x[0-9a-f]+$/i.test(part)
      ? parseInt(part.slice(2), 16)
      : /^0[0-7]*$/.test(part)
        ? parseInt(part, 8)
        : /^[1-9][0-9]*$/.test(part)
          ? Number(part)
          : NaN;
    if (!Number.isSafeInteger(value)) return null;
    values.push(value);
  }
  const last = values.pop()!;
  if (values.some((v) => v > 255) || last >= 2 ** (8 * (4 - values.length))) return null;
  let n = last;
  values.forEach((v, i) => (n += v * 2 ** (8 * (3 - i))));
  return { version: 4, octets: [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255] };
}

export default defineMutant({
  id: 'ipv4-octal',
  description: 'IPv4 text is read like inet_aton: octal, hex and shorthand parts are accepted ("010.0.0.1" stored as 8.0.0.1)',
  expected: ['IP-IPV4-NO-OCTAL'],
  hooks: { ip: { parse: (text, next) => next(text) ?? (text.includes(':') ? null : inetAton(text)) } },
});
