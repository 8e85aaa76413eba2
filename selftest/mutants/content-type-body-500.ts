import { Code } from '../../server';
import { errorCode } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'content-type-body-500',
  description: 'A body sent with a non-JSON Content-Type is answered 500',
  expected: ['ROBUST-CONTENT-TYPE', 'ENV-NO-5XX'],
  hooks: { reply: (reply) => (errorCode(reply) === Code.unsupportedContentType ? { ...reply, status: 500 } : reply) },
});
