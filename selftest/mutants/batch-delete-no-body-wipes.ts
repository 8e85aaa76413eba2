import { ok } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'batch-delete-no-body-wipes',
  description: 'A batch DELETE without a body deletes every mapping of the zone',
  expected: ['BATCH-DELETE-NO-BODY'],
  hooks: {
    operations: {
      'batch-delete': (ctx, next) => {
        if (ctx.body !== undefined) return next(ctx);
        const all = ctx.store.list();
        ctx.store.clear();
        return ok({ succeeded: all.map(({ origin_ip, region, vendor }) => ({ origin_ip, region, vendor })), failed: [] });
      },
    },
  },
});
