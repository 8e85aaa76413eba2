import { Code, fail, Message } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'limit-blocks-replace',
  description: 'A full zone refuses every PUT, replacing an existing mapping too (decision 2: a replace must succeed)',
  expected: ['LIMIT-REPLACE-AT-LIMIT'],
  hooks: {
    operations: {
      put: (ctx, next) =>
        ctx.store.size() >= ctx.limit ? fail(403, Code.tooManyMappings, Message.tooManyMappings) : next(ctx),
    },
  },
});
