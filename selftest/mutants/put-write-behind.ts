import type { Mapping } from '../../server';
import { perZone, withStore } from '../helpers';
import { defineMutant } from '../types';

// Writes go to a queue; a zone's queued write reaches the store only when its next PUT arrives.
const queue = perZone((): Mapping[] => []);

export default defineMutant({
  id: 'put-write-behind',
  description: 'PUT answers 200 before writing: the mapping is stored only when the next PUT to the zone arrives',
  expected: ['PUT-READBACK'],
  hooks: {
    operations: {
      put: (ctx, next) => {
        const pending = queue(ctx.zoneId);
        for (const m of pending.splice(0)) ctx.store.set(m);
        return next(withStore(ctx, { set: (m) => void pending.push(m) }));
      },
    },
  },
});
