import { notFoundForDecorated } from '../helpers';
import { defineMutant } from '../types';

// A lookup that never validates its key: decorated text in the GET path (a zone index, a CIDR suffix,
// brackets, whitespace: decision 6's list) finds no mapping and is answered 404, not 400. Still a 4xx
// failure envelope (the MUST holds); only the SHOULD of decision 6, 400, fails.
export default defineMutant({
  id: 'invalid-get-path-404',
  description: 'GET of text that is not a plain address (zone index, CIDR, brackets, whitespace) answers 404 not found instead of 400',
  expected: ['IP-INVALID-400'],
  // A SHOULD: the run is strict, where its failure fails the verdict.
  strict: true,
  hooks: { operations: { get: notFoundForDecorated } },
});
