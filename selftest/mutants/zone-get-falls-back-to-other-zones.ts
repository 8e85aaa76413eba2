import { withStore, zoneRegistry } from '../helpers';
import { defineMutant } from '../types';

const zones = zoneRegistry();

export default defineMutant({
  id: 'zone-get-falls-back-to-other-zones',
  description: 'A GET that finds no mapping in its zone answers with another zone\'s mapping of the address (decision 12)',
  expected: ['ZONE-ISOLATION'],
  hooks: {
    operations: {
      '*': zones.track,
      get: (ctx, next) => next(withStore(ctx, { get: (ip) => ctx.store.get(ip) ?? zones.others(ctx).map((s) => s.get(ip)).find(Boolean) })),
    },
  },
});
