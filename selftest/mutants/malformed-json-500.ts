import { Code } from '../../server';
import { errorCode } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'malformed-json-500',
  description: 'A malformed JSON body is answered 500 (the parser error escapes)',
  expected: ['ROBUST-MALFORMED-JSON', 'ENV-NO-5XX'],
  hooks: { reply: (reply) => (errorCode(reply) === Code.malformedJson ? { ...reply, status: 500 } : reply) },
});
