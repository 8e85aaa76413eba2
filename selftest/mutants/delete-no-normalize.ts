import { asGiven } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'delete-no-normalize',
  description: 'DELETE looks the path address up as given: a non-canonical spelling of a mapped address is 404',
  expected: ['DELETE-REMOVES'],
  hooks: { operations: { delete: (ctx, next) => next({ ...ctx, canonicalize: asGiven(ctx) }) } },
});
