import { bodyIp, isMismatch } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'mismatch-stores-body-address',
  description: 'On a path/body mismatch the mapping is stored under the body\'s address, with 200',
  expected: ['PUT-MISMATCH-REJECTED'],
  hooks: { operations: { put: (ctx, next) => (isMismatch(ctx) ? next({ ...ctx, originIp: bodyIp(ctx) }) : next(ctx)) } },
});
