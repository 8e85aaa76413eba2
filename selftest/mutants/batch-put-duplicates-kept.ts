import { defineMutant } from '../types';

export default defineMutant({
  id: 'batch-put-duplicates-kept',
  description: 'A second spelling of an address already in the same batch is stored as given: two mappings for one address',
  expected: ['BATCH-PUT-DUPLICATES'],
  hooks: {
    operations: {
      bulkUpdate: (ctx, next) => {
        const seen = new Set<string>();
        return next({
          ...ctx,
          canonicalize: (text) => {
            const ip = ctx.canonicalize(text);
            if (ip === null) return null;
            if (!seen.has(ip)) {
              seen.add(ip);
              return ip;
            }
            return text;
          },
        });
      },
    },
  },
});
