import { Code } from '../../server';
import { errorCode } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'large-body-500',
  description: 'A body over the size limit is answered 500 instead of 413',
  expected: ['ROBUST-LARGE-BODY', 'ENV-NO-5XX'],
  hooks: { reply: (reply) => (errorCode(reply) === Code.bodyTooLarge ? { ...reply, status: 500 } : reply) },
});
