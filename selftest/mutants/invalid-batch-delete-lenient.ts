import { lenientText } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'invalid-batch-delete-lenient',
  description: 'A batch DELETE item is cleaned up before parsing (whitespace, brackets, zone index, prefix length dropped): "[2001:db8::1]" deletes 2001:db8::1 (decision 6)',
  expected: ['IP-INVALID-REJECTED'],
  hooks: { operations: { 'batch-delete': (ctx, next) => next({ ...ctx, canonicalize: (t) => ctx.canonicalize(lenientText(t)) }) } },
});
