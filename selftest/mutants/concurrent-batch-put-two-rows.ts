import type { Middleware } from '../../server';
import { addRow, extraRowsPerZone, withExtraRows } from '../helpers';
import { defineMutant } from '../types';

// As concurrent-put-two-rows, on the batch endpoint only: a batch PUT checks which of its addresses
// exist, waits on a round trip, then inserts the ones it found absent. Two batch PUTs of one new
// address that arrive together both insert a row. The single PUT keeps the reference behaviour.
const { rowsOf: extraRows, seeingRows: reads } = extraRowsPerZone();
// Long enough that batches sent together still overlap on a loaded machine.
const ROUND_TRIP_MS = 300;

const checkThenInsert: Middleware = async (ctx, next) => {
  const rows = extraRows(ctx.zoneId);
  const store = withExtraRows(ctx.store, rows);
  const items = Array.isArray(ctx.body) ? ctx.body : [];
  const absent = new Set<string>();
  for (const item of items) {
    const text = (item as { origin_ip?: unknown } | null)?.origin_ip;
    const ip = typeof text === 'string' ? ctx.canonicalize(text) : null;
    if (ip !== null && store.get(ip) === undefined) absent.add(ip);
  }
  await new Promise((resolve) => setTimeout(resolve, ROUND_TRIP_MS));
  // The insert trusts the earlier check: a row someone else inserted meanwhile gets a twin.
  return next({
    ...ctx,
    store: {
      ...store,
      get: (key) => (absent.has(key) ? undefined : store.get(key)),
      set: (m) => (absent.has(m.origin_ip) && ctx.store.get(m.origin_ip) ? addRow(rows, m) : ctx.store.set(m)),
    },
  });
};

export default defineMutant({
  id: 'concurrent-batch-put-two-rows',
  description: 'batch PUT checks which addresses exist, waits on a round trip, then inserts: concurrent batch PUTs of one new address make two rows',
  expected: ['CONCURRENCY-ONE-MAPPING'],
  hooks: { operations: { 'batch-put': checkThenInsert, put: reads, get: reads, delete: reads, list: reads, 'batch-delete': reads } },
});
