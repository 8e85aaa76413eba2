import { defineMutant } from '../types';

export default defineMutant({
  id: 'auth-no-credentials-accepted',
  description: 'A request without any credentials is served',
  expected: ['AUTH-NO-CREDENTIALS'],
  hooks: { auth: (headers, next) => (headers.authorization === undefined ? null : next(headers)) },
});
