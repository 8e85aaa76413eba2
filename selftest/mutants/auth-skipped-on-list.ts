import { defineMutant } from '../types';

export default defineMutant({
  id: 'auth-skipped-on-list',
  description: 'The list operation never checks credentials: any request, with none or wrong ones, lists the zone (decision 11: every operation)',
  expected: ['AUTH-NO-CREDENTIALS', 'AUTH-MALFORMED', 'AUTH-WRONG-TOKEN'],
  hooks: { auth: (headers, next, request) => (request.operation === 'list' ? null : next(headers)) },
});
