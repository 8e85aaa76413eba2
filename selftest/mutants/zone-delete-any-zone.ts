import { withStore, zoneRegistry } from '../helpers';
import { defineMutant } from '../types';

const zones = zoneRegistry();

export default defineMutant({
  id: 'zone-delete-any-zone',
  description: 'A DELETE removes the address from every zone that holds it, not only its own (decision 12)',
  expected: ['ZONE-ISOLATION'],
  hooks: {
    operations: {
      '*': zones.track,
      delete: (ctx, next) =>
        next(withStore(ctx, { delete: (ip) => [ctx.store, ...zones.others(ctx)].map((s) => s.delete(ip)).find(Boolean) })),
    },
  },
});
