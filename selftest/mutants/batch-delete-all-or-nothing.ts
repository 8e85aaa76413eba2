import { Code, fail } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'batch-delete-all-or-nothing',
  description: 'A batch DELETE naming one missing or invalid address fails whole (400) and deletes nothing',
  expected: ['BATCH-DELETE-PER-ITEM'],
  hooks: {
    operations: {
      'batch-delete': (ctx, next) => {
        const items = Array.isArray(ctx.body) ? ctx.body : [];
        const bad = items.some((item) => {
          const ip = typeof item === 'string' ? ctx.canonicalize(item) : null;
          return ip === null || !ctx.store.get(ip);
        });
        return bad ? fail(400, Code.invalidBody, 'every address must exist') : next(ctx);
      },
    },
  },
});
