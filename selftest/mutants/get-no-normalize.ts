import { asGiven } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'get-no-normalize',
  description: 'GET looks the path address up as given: a non-canonical spelling of a mapped address is 404',
  expected: ['GET-FOUND'],
  hooks: { operations: { get: (ctx, next) => next({ ...ctx, canonicalize: asGiven(ctx) }) } },
});
