import { Code } from '../../server';
import { errorCode } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'auth-any-token-accepted',
  description: 'Any well-formed bearer token is accepted, not only the valid one',
  expected: ['AUTH-WRONG-TOKEN'],
  hooks: {
    auth: (headers, next) => {
      const denied = next(headers);
      return denied && errorCode(denied) === Code.invalidToken ? null : denied;
    },
  },
});
