import { Code } from '../../server';
import { errorCode } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'auth-malformed-accepted',
  description: 'A malformed Authorization header (no "Bearer", an empty token) is let through',
  expected: ['AUTH-MALFORMED'],
  hooks: {
    auth: (headers, next) => {
      const denied = next(headers);
      return denied && errorCode(denied) === Code.malformedAuthorization ? null : denied;
    },
  },
});
