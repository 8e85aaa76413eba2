import { ok } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'method-not-allowed-200',
  description: 'A method no operation has (POST, PATCH, ...) is answered 200 with an empty success envelope',
  expected: ['ROBUST-METHOD'],
  hooks: { reply: (reply) => (reply.status === 405 ? { ...ok(null), headers: reply.headers } : reply) },
});
