import { lenientText } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'invalid-get-path-lenient',
  description: 'GET cleans the path text up before parsing (whitespace, brackets, zone index, prefix length dropped) and answers with the mapping it names (decision 6)',
  expected: ['IP-INVALID-REJECTED'],
  hooks: { operations: { get: (ctx, next) => next({ ...ctx, canonicalize: (t) => ctx.canonicalize(lenientText(t)) }) } },
});
