import { defineMutant } from '../types';

/** The value of a Unicode decimal digit (Nd): its distance from the start of its run of ten. */
function asciiDigit(ch: string): string {
  let start = ch.codePointAt(0)!;
  while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return String((ch.codePointAt(0)! - start) % 10);
}

/** NFKC, then any Unicode decimal digit read as its ASCII digit (as Python's int() reads them). */
export default defineMutant({
  id: 'ip-unicode-digits',
  description: 'Full-width and other Unicode digits are folded to ASCII and the address stored ("１９２.0.2.1" as 192.0.2.1)',
  expected: ['IP-INVALID-REJECTED'],
  hooks: { ip: { parse: (text, next) => next(text) ?? next(text.normalize('NFKC').replace(/\p{Nd}/gu, asciiDigit)) } },
});
