import { defineMutant } from '../types';

/** IPv6 text with seven groups gets a zero group appended; nine or more keep their first eight. */
function repairGroups(text: string): string {
  if (!text.includes(':') || text.includes('::') || text.includes('.')) return text;
  const groups = text.split(':');
  if (groups.length === 7) return `${text}:0`;
  if (groups.length > 8) return groups.slice(0, 8).join(':');
  return text;
}

export default defineMutant({
  id: 'ip-group-count-repaired',
  description: 'IPv6 text with a missing or extra group is padded or cut to eight groups and stored',
  expected: ['IP-INVALID-REJECTED'],
  hooks: { ip: { parse: (text, next) => next(text) ?? next(repairGroups(text)) } },
});
