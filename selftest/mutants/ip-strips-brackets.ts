import { defineMutant } from '../types';

/** Brackets of any kind around the address, balanced or not, are dropped. */
export default defineMutant({
  id: 'ip-strips-brackets',
  description: 'Brackets around the address are dropped and the address stored ("[2001:db8::1]" as 2001:db8::1)',
  expected: ['IP-INVALID-REJECTED'],
  hooks: { ip: { parse: (text, next) => next(text) ?? next(text.replace(/^[[(<{]|[\])>}]$/g, '')) } },
});
