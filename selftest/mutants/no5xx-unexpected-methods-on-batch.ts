import { Code, fail } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'no5xx-unexpected-methods-on-batch',
  description: 'A method the batch route does not have (GET, POST, PATCH, HEAD, OPTIONS) falls through to a 500 instead of a 4xx (decision 13: every route and method)',
  expected: ['ENV-NO-5XX'],
  hooks: {
    reply: (reply, request) =>
      request.path.endsWith('/cloud_regions/batch') && !['PUT', 'DELETE'].includes(request.method)
        ? { ...fail(500, Code.internalError, 'no handler'), headers: reply.headers }
        : reply,
  },
});
