import { defineMutant } from '../types';

/** Every whitespace character, at the ends or inside, is removed before parsing (\s: Unicode spaces too). */
export default defineMutant({
  id: 'ip-strips-whitespace',
  description: 'Whitespace anywhere in the text is removed and the address stored ("2001:db8:: 1" as 2001:db8::1)',
  expected: ['IP-INVALID-REJECTED'],
  hooks: { ip: { parse: (text, next) => next(text) ?? next(text.replace(/[\s\u200b]/g, '')) } },
});
