import { withStore } from '../helpers';
import { defineVariant } from '../types';

export default defineVariant({
  id: 'list-reversed',
  description: 'The list is in reverse creation order (newest first)',
  allowedBy: 'spec/README.md, decisions: "list order" is among what the spec leaves open',
  hooks: { operations: { list: (ctx, next) => next(withStore(ctx, { list: () => ctx.store.list().reverse() })) } },
});
