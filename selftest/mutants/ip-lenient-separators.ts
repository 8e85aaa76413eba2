import { defineMutant } from '../types';

/**
 * Any other character between two digits is read as the separator: ":" in text that holds a colon or
 * a colon-like character, "." otherwise (commas, hyphens, slashes, ideographic and full-width stops).
 */
function separators(text: string): string {
  const t = text.replace(/[\uff1a\ufe55\u02d0]/g, ':').replace(/[\u3002\uff0e\uff61\u2024]/g, '.');
  return t.replace(/(?<=[0-9A-Fa-f])[^0-9A-Fa-f:.](?=[0-9A-Fa-f])/g, t.includes(':') ? ':' : '.');
}

export default defineMutant({
  id: 'ip-lenient-separators',
  description: 'Any other character between two digits (comma, hyphen, slash, ideographic stop, full-width colon) is read as a dot or colon and the address stored',
  expected: ['IP-INVALID-REJECTED'],
  hooks: { ip: { parse: (text, next) => next(text) ?? next(separators(text)) } },
});
