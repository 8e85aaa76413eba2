// Decision 14: "the invariants above (one mapping per address, at most 3,500 per zone, nothing else
// changed) MUST hold when several clients send requests at once, including concurrent writes of one
// address through different spellings. The history of operations on one address SHOULD be
// linearizable". Bursts of requests are sent at once; each request's invocation and response times
// are recorded, and the history is checked against a register model (suite/judging/linearizability.ts). The
// limit under concurrency is checked inside the limit scenario (specs/limit.spec.ts), where the zone
// is full anyway.
import { performance } from 'node:perf_hooks';
import { cells, covers, expect, test, type Pair } from '../fixtures';
import type { ApiClient, ApiResponse } from '../suite/transport/client';
import { ipv6Address, mappedAddress } from '../suite/ip/arbitraries';
import { canonical, parseAddress } from '../suite/ip/oracle';
import { representativeSpellings } from '../suite/ip/spellings';
import { checkLinearizable, describeHistory, type HistoryEntry, type RegisterOp } from '../suite/judging/linearizability';
import { knobs } from '../suite/config/profile';
import type { Mapping } from '../contract';
import type { Verifier } from '../suite/judging/verify';

/** Between the starts of two requests of a burst. */
const STAGGER_MS = 5;
/** Reads sent one after another beside a replace: at least this many, more while it is unanswered (at most the max). */
const READS_ALONGSIDE = 3;
const MAX_READS_ALONGSIDE = 12;

type Call = { kind: 'put'; spelling: string; pair: Pair } | { kind: 'get'; spelling: string } | { kind: 'delete'; spelling: string };

/** What the register saw from one answered request; null: no effect to model (a definite 4xx of a write, an odd status of a read). */
function registerOp(call: Call, res: ApiResponse<unknown>): RegisterOp | null {
  const result = (res.json as { result?: Mapping } | undefined)?.result;
  if (call.kind === 'put') return res.status === 200 ? { kind: 'put', value: { vendor: call.pair.vendor, region: call.pair.region } } : null;
  if (call.kind === 'get')
    return res.status === 404 ? { kind: 'get', result: null } : res.status === 200 && result ? { kind: 'get', result: { vendor: result.vendor, region: result.region } } : null;
  return res.status === 200 ? { kind: 'delete', deleted: true } : res.status === 404 ? { kind: 'delete', deleted: false } : null;
}

/**
 * Sends the calls together, the i-th `staggerMs` x i after the first: all in flight at once on a slow
 * server, while on a fast one a later request may start after an earlier one answered (a stale read
 * then shows: it must see that earlier write). Returns the history entries (with times) and the responses.
 */
async function burst(api: ApiClient, calls: Call[], staggerMs = STAGGER_MS): Promise<{ history: HistoryEntry[]; responses: ApiResponse<unknown>[] }> {
  const results = await Promise.all(
    calls.map(async (call, i) => {
      if (i > 0 && staggerMs > 0) await new Promise((resolve) => setTimeout(resolve, i * staggerMs));
      const invokedAt = performance.now();
      const res: ApiResponse<unknown> =
        call.kind === 'put'
          ? await api.put(call.spelling, { origin_ip: call.spelling, ...call.pair })
          : call.kind === 'get'
            ? await api.get(call.spelling)
            : await api.delete(call.spelling);
      return { call, res, invokedAt, returnedAt: performance.now() };
    }),
  );
  const history: HistoryEntry[] = [];
  for (const { call, res, invokedAt, returnedAt } of results) {
    const op = registerOp(call, res);
    const what = call.kind === 'put' ? `PUT "${call.spelling}" ${call.pair.vendor}/${call.pair.region}` : `${call.kind.toUpperCase()} "${call.spelling}"`;
    // No HTTP answer: the operation may or may not have happened (never answered, as far as we know).
    if (res.status === 0) history.push({ op: op ?? registerOp(call, { ...res, status: 200 })!, invokedAt, returnedAt: Infinity, label: `${what} -> no answer` });
    else if (op) history.push({ op, invokedAt, returnedAt, label: `${what} -> ${res.status}${call.kind === 'get' && res.status === 200 ? ` ${JSON.stringify(op)}` : ''}` });
  }
  return { history, responses: results.map((r) => r.res) };
}

/**
 * After the bursts: the address holds at most one mapping. It is listed once (when the zone fits on
 * one page), and after one DELETE no spelling finds a mapping (a second row would still answer).
 */
async function checkOneMapping(verify: Verifier, api: ApiClient, ip: string, spellings: string[], cell: 'put' | 'batch-put' = 'put'): Promise<void> {
  const list = await api.list({ per_page: 100 });
  const info = list.json?.result_info as { total_count?: unknown } | undefined;
  if (typeof info?.total_count === 'number' && info.total_count <= 100) {
    const rows = (Array.isArray(list.json?.result) ? list.json!.result! : []).filter((m) => parseAddress(String(m?.origin_ip)) && canonical(parseAddress(String(m.origin_ip))!) === ip);
    await verify.checkCell('CONCURRENCY-ONE-MAPPING', cell, () => expect(rows.length, `${ip} is listed at most once after the concurrent writes`).toBeLessThanOrEqual(1), list);
  } else verify.observe('CONCURRENCY-ONE-MAPPING', `the zone holds more than 100 mappings: ${ip} was not looked for in the list (the DELETE check below still runs)`);
  await api.delete(ip);
  for (const s of [...new Set([ip, ...spellings])].slice(0, 3)) {
    const get = await api.get(s);
    await verify.checkCell('CONCURRENCY-ONE-MAPPING', cell, () => expect(get.status, `after one DELETE of ${ip}, GET "${s}" finds no second mapping`).toBe(404), get);
  }
}

async function checkHistory(verify: Verifier, ip: string, history: HistoryEntry[]): Promise<void> {
  const result = checkLinearizable(history);
  if (result.ok === undefined) {
    verify.observe('CONCURRENCY-LINEARIZABLE', `${ip}: the history of ${history.length} operations was too large to decide\n${describeHistory(history)}`);
    return;
  }
  await verify.check('CONCURRENCY-LINEARIZABLE', () =>
    expect(result.ok, `the history of ${ip} has no order that respects real time and explains every answer (the longest explained prefix: ${result.longestPrefix?.map((i) => `#${i}`).join(', ')}):\n${describeHistory(history)}`).toBe(true),
  );
}

test.describe('concurrency', () => {
  test(
    'parallel PUTs of one new address through different spellings make one mapping (listed once, none after one DELETE), and what they saw is linearizable; so do parallel batch PUTs',
    cells(covers('CONCURRENCY-ONE-MAPPING', 'CONCURRENCY-LINEARIZABLE'), 'CONCURRENCY-ONE-MAPPING', ['put', 'batch-put']),
    async ({ api, addresses, regions, verify, ctx }) => {
      const { clients } = knobs(ctx.profile).concurrency;
      // An IPv6 address and an IPv4-mapped one: many spellings each (case, zero padding, compression, dotted tail).
      for (const arb of [ipv6Address(), mappedAddress()]) {
        const ip = addresses.fresh(arb.map((a) => canonical(a)));
        const spellings = representativeSpellings(parseAddress(ip)!);
        const pairs = [regions.pair(0), regions.other(regions.pair(0))];
        const calls: Call[] = Array.from({ length: clients }, (_, i) => ({ kind: 'put', spelling: spellings[i % spellings.length]!, pair: pairs[i % 2]! }));
        const { history, responses } = await burst(api, calls);
        // A write refused under contention (409, 429, ...) is allowed: it took no effect, and the
        // invariants are judged on what was stored.
        const refused = responses.filter((r) => r.status !== 200).map((r) => r.status);
        if (refused.length) verify.observe('CONCURRENCY-ONE-MAPPING', `${ip}: ${refused.length} of ${clients} concurrent PUTs answered ${refused.join(', ')}`);
        history.push(...(await burst(api, [{ kind: 'get', spelling: ip }])).history);
        await checkHistory(verify, ip, history);
        await checkOneMapping(verify, api, ip, calls.map((c) => c.spelling));
      }
      // The batch endpoint writes too (decision 14: "one mapping per address ... when several clients
      // send requests at once"): one item each, through different spellings.
      const ip = addresses.fresh(ipv6Address().map((a) => canonical(a)));
      const spellings = representativeSpellings(parseAddress(ip)!);
      const pairs = [regions.pair(0), regions.other(regions.pair(0))];
      const items = Array.from({ length: clients }, (_, i) => ({ origin_ip: spellings[i % spellings.length]!, ...pairs[i % 2]! }));
      // All at once: no history is judged here, only what is stored, so the most overlap is the aim.
      const answers = await Promise.all(items.map((item) => api.batchPut([item])));
      const refused = answers.filter((r) => r.status !== 200).map((r) => r.status);
      if (refused.length) verify.observe('CONCURRENCY-ONE-MAPPING', `${ip}: ${refused.length} of ${clients} concurrent batch PUTs answered ${refused.join(', ')}`);
      await checkOneMapping(verify, api, ip, items.map((i) => i.origin_ip), 'batch-put');
    },
  );

  test(
    'parallel PUT, GET and DELETE on one address leave at most one mapping, and the history of answers is linearizable (SHOULD)',
    cells(covers('CONCURRENCY-ONE-MAPPING', 'CONCURRENCY-LINEARIZABLE'), 'CONCURRENCY-ONE-MAPPING', ['put']),
    async ({ api, addresses, regions, verify, ctx }) => {
      const { clients, historyRounds } = knobs(ctx.profile).concurrency;
      const ip = addresses.fresh(ipv6Address().map((a) => canonical(a)));
      const spellings = representativeSpellings(parseAddress(ip)!);
      const pairs = [regions.pair(0), regions.other(regions.pair(0))];
      const history: HistoryEntry[] = [];
      for (let round = 0; round < historyRounds; round++) {
        // Writes first in each round, so a round starting on an empty address still creates one.
        const calls: Call[] = Array.from({ length: clients }, (_, i): Call => {
          const spelling = spellings[(i + round) % spellings.length]!;
          const kind = (['put', 'get', 'put', 'delete', 'get'] as const)[(i + round) % 5]!;
          return kind === 'put' ? { kind, spelling, pair: pairs[(i + round) % 2]! } : { kind, spelling };
        });
        history.push(...(await burst(api, calls)).history);
      }
      history.push(...(await burst(api, [{ kind: 'get', spelling: ip }])).history);
      await checkHistory(verify, ip, history);
      await checkOneMapping(verify, api, ip, spellings);
    },
  );

  test(
    'reads one after another while a replace of the address is in flight never go back to the older value (SHOULD)',
    covers('CONCURRENCY-LINEARIZABLE'),
    async ({ api, addresses, regions, verify }) => {
      // One write, several reads that do not overlap each other: once a read has returned the new
      // value, every later read must too (the one write explains nothing older). Reads go on while
      // the replace is unanswered, so a server that answers it slowly meets as many reads as it
      // gives it time for; a fast one still gets READS_ALONGSIDE of them, after its answer.
      const ip = addresses.fresh(ipv6Address().map((a) => canonical(a)));
      const [older, newer] = [regions.pair(0), regions.other(regions.pair(0))];
      const history: HistoryEntry[] = [];
      history.push(...(await burst(api, [{ kind: 'put', spelling: ip, pair: older }])).history);
      let answered = false;
      const replace = burst(api, [{ kind: 'put', spelling: ip, pair: newer }]).then((r) => ((answered = true), r));
      let reads = 0;
      while (reads < READS_ALONGSIDE || (!answered && reads < MAX_READS_ALONGSIDE)) {
        history.push(...(await burst(api, [{ kind: 'get', spelling: ip }])).history);
        reads++;
      }
      history.push(...(await replace).history);
      history.push(...(await burst(api, [{ kind: 'get', spelling: ip }])).history);
      await checkHistory(verify, ip, history);
      await api.delete(ip);
    },
  );
});
