import { defineMutant } from '../types';

const READS = new Set(['get', 'list', 'supported-regions']);

export default defineMutant({
  id: 'auth-legacy-pair-unchecked-on-reads',
  description: 'On reads, any X-Auth-Email/X-Auth-Key pair is accepted without checking the key (decision 11: both schemes, reads included)',
  expected: ['AUTH-WRONG-TOKEN', 'AUTH-MALFORMED'],
  hooks: {
    auth: (headers, next, request) =>
      headers['x-auth-email'] && headers['x-auth-key'] && READS.has(request.operation ?? '') ? null : next(headers),
  },
});
