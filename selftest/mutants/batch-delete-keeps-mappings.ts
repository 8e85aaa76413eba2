import { withStore } from '../helpers';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'batch-delete-keeps-mappings',
  description: 'A batch DELETE lists the found addresses as succeeded but deletes nothing',
  expected: ['BATCH-DELETE-APPLIES'],
  hooks: { operations: { 'batch-delete': (ctx, next) => next(withStore(ctx, { delete: (ip) => ctx.store.get(ip) })) } },
});
