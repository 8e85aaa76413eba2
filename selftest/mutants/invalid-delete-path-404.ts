import { notFoundForDecorated } from '../helpers';
import { defineMutant } from '../types';

// As invalid-get-path-404, on DELETE: decorated text in the path deletes nothing and is answered 404,
// not 400 (decision 6: "SHOULD be 400").
export default defineMutant({
  id: 'invalid-delete-path-404',
  description: 'DELETE of text that is not a plain address (zone index, CIDR, brackets, whitespace) answers 404 not found instead of 400',
  expected: ['IP-INVALID-400'],
  // A SHOULD: the run is strict, where its failure fails the verdict.
  strict: true,
  hooks: { operations: { delete: notFoundForDecorated } },
});
