import { isMismatch } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'mismatch-accepted',
  description: 'A body origin_ip naming another address than the path is ignored: the PUT succeeds under the path address',
  expected: ['PUT-MISMATCH-REJECTED'],
  hooks: {
    operations: {
      put: (ctx, next) =>
        isMismatch(ctx) ? next({ ...ctx, body: { ...(ctx.body as object), origin_ip: ctx.originIp } }) : next(ctx),
    },
  },
});
