import type { ZoneStore } from '../../server';
import { withStore, zoneRegistry } from '../helpers';
import { defineMutant } from '../types';

const zones = zoneRegistry();

export default defineMutant({
  id: 'zone-batch-put-replaces-in-other-zone',
  description: 'A batch PUT looks each address up in every zone and replaces it where it is found, in another zone too (decision 12)',
  expected: ['ZONE-ISOLATION'],
  hooks: {
    operations: {
      '*': zones.track,
      'batch-put': (ctx, next) => {
        const holder = (ip: string): ZoneStore => [ctx.store, ...zones.others(ctx)].find((s) => s.get(ip)) ?? ctx.store;
        return next(withStore(ctx, { get: (ip) => holder(ip).get(ip), set: (m) => holder(m.origin_ip).set(m) }));
      },
    },
  },
});
