import { isSuccess, onReplies } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'regions-colos-string',
  description: 'supported_regions gives upper_tier_colos as one comma-separated string instead of an array',
  expected: ['REGIONS-SHAPE'],
  hooks: {
    reply: onReplies(['supported-regions'], (reply) => {
      if (!isSuccess(reply)) return reply;
      const vendors: Record<string, Array<{ name: string; upper_tier_colos: string[] }>> = reply.body.result.vendors;
      const flattened = Object.fromEntries(
        Object.entries(vendors).map(([v, list]) => [v, list.map((r) => ({ ...r, upper_tier_colos: r.upper_tier_colos.join(',') }))]),
      );
      return { ...reply, body: { ...reply.body, result: { ...reply.body.result, vendors: flattened } } };
    }),
  },
});
