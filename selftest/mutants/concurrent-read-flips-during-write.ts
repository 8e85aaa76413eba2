import type { Mapping, Middleware } from '../../server';
import { perZone, withStore } from '../helpers';
import { defineMutant } from '../types';

// A primary and a read replica with synchronous replication: a PUT is written to the primary at
// once, but answers only when the replica has caught up (REPLICATION_MS later). Reads take turns
// between the two, so while a PUT of an address is unanswered they flip between its new value
// (primary) and the one before it (replica): a read can return older state than a read that had
// already finished. A client that waits for each answer never sees it (no read meets an
// unanswered write); only reads beside a write do, whatever the machine's load, since the window
// is long and the flip is by count, not by timing.
const REPLICATION_MS = 1_000;

/** Per zone, per canonical address: the value before the oldest unanswered PUT, the PUTs still unanswered, the reads served meanwhile. */
const inFlight = perZone(() => new Map<string, { before: Mapping | undefined; writes: number; reads: number }>());

const put: Middleware = async (ctx, next) => {
  const ip = ctx.originIp === undefined ? null : ctx.canonicalize(ctx.originIp);
  if (ip === null) return next(ctx);
  const writes = inFlight(ctx.zoneId);
  const before = ctx.store.get(ip);
  const reply = next(ctx);
  if (reply.status !== 200) return reply;
  const entry = writes.get(ip) ?? { before: before && { ...before }, writes: 0, reads: 0 };
  entry.writes++;
  writes.set(ip, entry);
  await new Promise((resolve) => setTimeout(resolve, REPLICATION_MS));
  if (--entry.writes === 0) writes.delete(ip);
  return reply;
};

const get: Middleware = (ctx, next) => {
  const ip = ctx.originIp === undefined ? null : ctx.canonicalize(ctx.originIp);
  const entry = ip === null ? undefined : inFlight(ctx.zoneId).get(ip);
  // Odd reads go to the primary (the new value), even ones to the replica (the value before).
  if (!entry || ++entry.reads % 2 === 1) return next(ctx);
  return next(withStore(ctx, { get: (key) => (key === ip ? entry.before : ctx.store.get(key)) }));
};

export default defineMutant({
  id: 'concurrent-read-flips-during-write',
  description: 'while a PUT of an address waits for replication (1 s), GETs of it alternate between the new value and the one before: not linearizable',
  expected: ['CONCURRENCY-LINEARIZABLE'],
  // A SHOULD: the run is strict, where its failure fails the verdict.
  strict: true,
  hooks: { operations: { put, get } },
});
