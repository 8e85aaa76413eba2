import { isSuccess, zoneRegistry } from '../helpers';
import { defineMutant } from '../types';

const zones = zoneRegistry();

export default defineMutant({
  id: 'zone-list-counts-every-zone',
  description: 'The list reports as total_count the mappings of every zone, not of its own (decision 12: not counted in another zone)',
  expected: ['ZONE-ISOLATION'],
  hooks: {
    operations: {
      '*': zones.track,
      list: (ctx, next) => {
        const reply = next(ctx);
        if (!isSuccess(reply)) return reply;
        const total = zones.all().reduce((n, s) => n + s.size(), 0);
        return { ...reply, body: { ...reply.body, result_info: { ...reply.body.result_info, total_count: total } } };
      },
    },
  },
});
