import type { Middleware } from '../../server';
import { addRow, extraRowsPerZone, withExtraRows } from '../helpers';
import { defineMutant } from '../types';

// A table without a unique key, written by check-then-insert with a round trip between: two PUTs of
// one new address that arrive together both find it absent and both insert a row. Sequential
// requests never meet the race, so only concurrent writes show it. Reads find the first row; a DELETE
// removes one row at a time, so after one DELETE the address still has a mapping.
const { rowsOf: extraRows, seeingRows: reads } = extraRowsPerZone();
// Long enough that requests sent together still overlap on a loaded machine.
const ROUND_TRIP_MS = 300;

const checkThenInsert: Middleware = async (ctx, next) => {
  const rows = extraRows(ctx.zoneId);
  const store = withExtraRows(ctx.store, rows);
  const ip = ctx.originIp === undefined ? null : ctx.canonicalize(ctx.originIp);
  const absent = ip !== null && store.get(ip) === undefined;
  await new Promise((resolve) => setTimeout(resolve, ROUND_TRIP_MS));
  if (!absent) return next({ ...ctx, store });
  // The insert trusts the earlier check: a row someone else inserted meanwhile gets a twin.
  return next({
    ...ctx,
    store: {
      ...store,
      get: (key) => (key === ip ? undefined : store.get(key)),
      set: (m) => (ctx.store.get(m.origin_ip) ? addRow(rows, m) : ctx.store.set(m)),
    },
  });
};

export default defineMutant({
  id: 'concurrent-put-two-rows',
  description: 'PUT checks whether the address exists, waits on a round trip, then inserts: concurrent PUTs of one new address make two rows',
  expected: ['CONCURRENCY-ONE-MAPPING'],
  hooks: { operations: { put: checkThenInsert, get: reads, delete: reads, list: reads, 'batch-put': reads, 'batch-delete': reads } },
});
