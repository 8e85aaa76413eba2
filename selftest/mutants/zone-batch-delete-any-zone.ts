import { withStore, zoneRegistry } from '../helpers';
import { defineMutant } from '../types';

const zones = zoneRegistry();

export default defineMutant({
  id: 'zone-batch-delete-any-zone',
  description: 'A batch DELETE that finds no mapping in its zone deletes the address in whichever other zone holds it (decision 12)',
  expected: ['ZONE-ISOLATION'],
  hooks: {
    operations: {
      '*': zones.track,
      'batch-delete': (ctx, next) =>
        next(withStore(ctx, { delete: (ip) => ctx.store.delete(ip) ?? zones.others(ctx).map((s) => s.delete(ip)).find(Boolean) })),
    },
  },
});
