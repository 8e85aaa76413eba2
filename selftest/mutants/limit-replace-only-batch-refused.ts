import { Code, fail, Message } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'limit-replace-only-batch-refused',
  description: 'A full zone refuses every batch PUT, one that only replaces existing mappings too (decision 2: a replace must succeed)',
  expected: ['LIMIT-REPLACE-AT-LIMIT'],
  hooks: {
    operations: {
      'batch-put': (ctx, next) =>
        ctx.store.size() >= ctx.limit ? fail(403, Code.tooManyMappings, Message.tooManyMappings) : next(ctx),
    },
  },
});
