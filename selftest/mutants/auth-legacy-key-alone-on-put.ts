import { defineMutant } from '../types';

export default defineMutant({
  id: 'auth-legacy-key-alone-on-put',
  description: 'A PUT carrying an X-Auth-Key without X-Auth-Email is taken as authenticated (decision 11: half a legacy pair is no credential)',
  expected: ['AUTH-NO-CREDENTIALS'],
  hooks: {
    auth: (headers, next, request) =>
      headers['x-auth-key'] && !headers['x-auth-email'] && request.operation === 'put' ? null : next(headers),
  },
});
