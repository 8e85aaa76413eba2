import { defineMutant } from '../types';

export default defineMutant({
  id: 'modified-on-malformed',
  description: 'modified_on is written "2026-03-01 12:00:00" (space, no time zone): not RFC 3339',
  expected: ['ENV-MODIFIED-ON'],
  hooks: { modifiedOn: (stamp, next) => next(stamp).replace('T', ' ').replace(/Z$/, '') },
});
