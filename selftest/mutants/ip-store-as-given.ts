import { asGiven } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'ip-store-as-given',
  description: 'PUT validates the address but stores it under the text of the path as given, not its canonical form',
  expected: ['IP-CANONICAL-IPV6', 'GET-FOUND', 'IP-ONE-MAPPING-PER-ADDRESS'],
  hooks: { operations: { put: (ctx, next) => next({ ...ctx, canonicalize: asGiven(ctx) }) } },
});
