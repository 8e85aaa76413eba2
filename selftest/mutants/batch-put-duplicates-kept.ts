import type { Mapping, ZoneStore } from '../../server';
import { addRow, perZone, withExtraRows } from '../helpers';
import { defineMutant } from '../types';

// A table without a unique key: within one batch, an address already written by an earlier item
// gets a second row instead of replacing the first. Reads find the first row left; a delete removes
// one row at a time, so after one DELETE the address still has a mapping.
const extraRows = perZone(() => new Map<string, Mapping[]>());

function withDuplicateRows(base: ZoneStore, rows: Map<string, Mapping[]>, duplicating: boolean): ZoneStore {
  const written = new Set<string>();
  return {
    ...withExtraRows(base, rows),
    set: (m) => {
      if (duplicating && written.has(m.origin_ip)) addRow(rows, m);
      else base.set(m);
      written.add(m.origin_ip);
    },
  };
}

export default defineMutant({
  id: 'batch-put-duplicates-kept',
  description: 'Spellings of one address repeated in one batch PUT make two rows: after one DELETE the address still has a mapping',
  expected: ['BATCH-PUT-DUPLICATES'],
  hooks: {
    operations: {
      '*': (ctx, next) => next({ ...ctx, store: withDuplicateRows(ctx.store, extraRows(ctx.zoneId), ctx.operation === 'batch-put') }),
    },
  },
});
