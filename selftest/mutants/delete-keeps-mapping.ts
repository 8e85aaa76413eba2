import { withStore } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'delete-keeps-mapping',
  description: 'DELETE answers 200 with the address but keeps the mapping',
  expected: ['DELETE-REMOVES'],
  hooks: { operations: { delete: (ctx, next) => next(withStore(ctx, { delete: (ip) => ctx.store.get(ip) })) } },
});
