// Generated near-miss addresses (suite/ip/near-miss.ts): invalid text one small change away from a
// valid address, in classes, drawn from the run's seed, each checked against the oracle before it is
// sent. Beside the fixed cases (specs/put/invalid-addresses.spec.ts), they go through every position
// an address takes: the PUT path, the PUT body, batch PUT items, the GET and DELETE path.
// Decision 6: text that is not a plain address MUST be a 4xx failure envelope (SHOULD be 400) and
// store nothing. Decision 4: non-canonical IPv4 text SHOULD be 400 and MUST NOT be stored under an
// octal/hex reading. Afterwards every reading a lax server could store (laxReadings) is read back.
import { covers, expect, test, type Pair } from '../fixtures';
import { mixedNotation } from '../suite/judging/checks';
import { readingChecks } from '../fixtures/invalid-addresses';
import type { ApiResponse } from '../suite/transport/client';
import { canonicalOf } from '../suite/ip/oracle';
import { NEAR_MISS_CLASSES, generateNearMisses, seedFor, type NearMiss } from '../suite/ip/near-miss';
import { knobs } from '../suite/config/profile';
import type { Verifier } from '../suite/judging/verify';
import { inParallel } from '../suite/transport/concurrency';

/** Where a near miss goes besides a batch PUT item (every case is one of those too). */
type Position = 'put-path' | 'put-body' | 'put-both' | 'get' | 'delete';
const DECISION_6_POSITIONS: Position[] = ['put-path', 'put-body', 'get', 'delete'];
// Non-canonical IPv4 text goes in path and body alike: with the valid address on the other side,
// an octal reader would see a mismatch and refuse for the wrong reason.
const DECISION_4_POSITIONS: Position[] = ['put-both'];

/** MUST before SHOULD: the requirement a stored reading breaks. */
const RANK: Record<string, number> = { 'IP-IPV4-NO-OCTAL': 0, 'IP-INVALID-REJECTED': 1, 'IP-IPV4-NONCANONICAL-REJECTED': 2 };

const describe = (c: NearMiss) => `${c.cls} near miss ${JSON.stringify(c.text)} (from ${c.source})`;

async function isRejected(verify: Verifier, c: NearMiss, res: ApiResponse, what: string): Promise<void> {
  if (c.decision === 4) {
    await verify.check('IP-IPV4-NONCANONICAL-REJECTED', () => expect(res.status, `${what}: rejected with 400`).toBe(400), res);
    return;
  }
  await verify.check('IP-INVALID-REJECTED', () => {
    expect(res.status, `${what}: a 4xx`).toBeGreaterThanOrEqual(400);
    expect(res.status, `${what}: a 4xx`).toBeLessThan(500);
    expect(res.json?.success, `${what}: a failure envelope`).toBe(false);
  }, res);
  await verify.check('IP-INVALID-400', () => expect(res.status, `${what}: 400 exactly`).toBe(400), res);
}

test.describe('generated near-miss addresses', () => {
  test(
    'near misses of every class (inserted, dropped or doubled characters, extra or missing groups, five hex digits, ports, zone ids, stray dots, whitespace, brackets, CIDR, Unicode digits, wrong separators, leading zeros, hex, shorthand, integers, ...) are rejected in the PUT path and body, batch PUT items and the GET and DELETE path, and store nothing',
    covers('IP-INVALID-REJECTED', 'IP-INVALID-400', 'IP-IPV4-NONCANONICAL-REJECTED', 'IP-IPV4-NO-OCTAL'),
    async ({ api, addresses, regions, verify, ctx, lanes }) => {
      const knob = knobs(ctx.profile).nearMisses;
      const seed = seedFor(ctx.seed, 'near misses');
      // Spares, so that a case whose addresses another test holds (or that shares a reading with an
      // earlier case, which would blur whose request stored it) can be left out.
      const generated = generateNearMisses(seed, { perClass: knob.perClass + 4 });
      const taken = new Set<string>();
      const cases: NearMiss[] = [];
      for (const cls of NEAR_MISS_CLASSES) {
        let n = 0;
        for (const c of generated.filter((g) => g.cls === cls)) {
          if (n === knob.perClass) break;
          const own = [...new Set([c.source, ...c.readings])];
          if (own.some((a) => taken.has(a) || addresses.preexisting(a))) continue;
          if (!own.every((a) => addresses.claim(a))) continue;
          own.forEach((a) => taken.add(a));
          cases.push(c);
          n++;
        }
        await verify.check('IP-INVALID-REJECTED', () => expect(n, `near misses of class ${cls} free to send`).toBeGreaterThan(0));
      }
      // Every position for every case, or one each, rotating with the seed: across nights every class
      // meets every position.
      const positionsOf = (c: NearMiss, i: number): Position[] => {
        const all = c.decision === 4 ? DECISION_4_POSITIONS : DECISION_6_POSITIONS;
        return knob.allPositions ? all : [all[(i + (seed % all.length)) % all.length]!];
      };
      const plan = cases.map((c, i) => ({ c, positions: positionsOf(c, i) }));
      const [stored, sent]: Pair[] = [regions.pair(0), regions.other(regions.pair(0))];

      // The GET and DELETE positions need the source address mapped: a lax reader would find it.
      const mapped = plan.filter((p) => p.positions.some((x) => x === 'get' || x === 'delete')).map((p) => p.c.source);
      for (let i = 0; i < mapped.length; i += 100) {
        const put = await api.batchPut(mapped.slice(i, i + 100).map((ip) => ({ origin_ip: ip, ...stored })));
        await verify.check('BATCH-PUT-APPLIES', () => expect(put.status, 'mapping the source addresses of the GET/DELETE near misses').toBe(200), put);
      }

      // Batch PUT items: every case, with another vendor/region than the mapped sources hold.
      for (let i = 0; i < cases.length; i += 100) {
        const chunk = cases.slice(i, i + 100);
        const res = await api.batchPut(chunk.map((c) => ({ origin_ip: c.text, ...sent })));
        const succeeded = (res.json?.result?.succeeded ?? []).map((s) => s?.origin_ip);
        for (const c of chunk) {
          const listed = succeeded.filter((ip) => ip === c.text || (typeof ip === 'string' && c.readings.includes(canonicalOf(ip) ?? '')));
          await verify.check(c.decision === 4 ? 'IP-IPV4-NONCANONICAL-REJECTED' : 'IP-INVALID-REJECTED', () =>
            expect(listed, `batch PUT item ${describe(c)}: not listed in succeeded`).toEqual([]), res);
        }
      }

      // The cases' addresses and readings are disjoint (claimed above): the cases go out together, each
      // case's positions in order, and the answers are judged in the plan's order once all are in.
      const send = (c: NearMiss, position: Position): Promise<ApiResponse> => {
        if (position === 'put-path') return api.put(c.text, { origin_ip: c.source, ...sent });
        if (position === 'put-body') return api.put(c.source, { origin_ip: c.text, ...sent });
        if (position === 'put-both') return api.put(c.text, { origin_ip: c.text, ...sent });
        return position === 'get' ? api.get(c.text) : api.delete(c.text);
      };
      const answers = await inParallel(plan, lanes, async ({ c, positions }) => {
        const out: ApiResponse[] = [];
        for (const position of positions) out.push(await send(c, position));
        return out;
      });
      for (const [i, { c, positions }] of plan.entries()) {
        for (const [k, position] of positions.entries()) {
          const what = `${position} ${describe(c)}`;
          const res = answers[i]![k]!;
          if (position === 'put-path' || position === 'put-body' || position === 'put-both') await isRejected(verify, c, res, what);
          else {
            // Reads and deletes: a 4xx failure envelope (MUST), 400 exactly (SHOULD), as for writes
            // (decision 6 names no operation: "MUST be rejected with a 4xx failure envelope (SHOULD be 400)").
            const method = position === 'get' ? 'GET' : 'DELETE';
            await verify.check('IP-INVALID-REJECTED', () => {
              expect(res.status, `${method} ${describe(c)} while ${c.source} is mapped: a 4xx, not its mapping`).toBeGreaterThanOrEqual(400);
              expect(res.status, `${method} ${describe(c)}: a 4xx`).toBeLessThan(500);
              expect(res.json?.success, `${method} ${describe(c)}: a failure envelope`).toBe(false);
            }, res);
            await verify.check('IP-INVALID-400', () => expect(res.status, `${method} ${describe(c)}: 400 exactly`).toBe(400), res);
          }
        }
      }

      // Read back every address a case could have stored (its readings and its source): the mapped
      // sources keep the vendor/region they were given, everything else holds nothing.
      const judged = new Map<string, { requirement: string; octal: boolean; cases: NearMiss[]; expect: Pair | null }>();
      for (const { c, positions } of plan) {
        const isMapped = positions.some((x) => x === 'get' || x === 'delete');
        const checks = readingChecks(c.text, c.decision);
        if (!checks.some((r) => r.reading === c.source))
          checks.push({ reading: c.source, octal: false, requirement: c.decision === 4 ? 'IP-IPV4-NONCANONICAL-REJECTED' : 'IP-INVALID-REJECTED' });
        for (const r of checks) {
          const prior = judged.get(r.reading);
          const requirement = prior && RANK[prior.requirement]! < RANK[r.requirement]! ? prior.requirement : r.requirement;
          judged.set(r.reading, {
            requirement,
            octal: r.octal || !!prior?.octal,
            cases: [...(prior?.cases ?? []), c],
            expect: isMapped && r.reading === c.source ? stored : null,
          });
        }
      }
      // Reads only: together, judged in order.
      const readings = [...judged];
      const reads = await inParallel(readings, lanes, ([ip]) => api.get(ip));
      for (const [i, [ip, j]] of readings.entries()) {
        const get = reads[i]!;
        const named = j.cases.map(describe).join('; ');
        await verify.check(j.requirement, () => {
          if (j.expect) expect(mixedNotation(get.json?.result), `${ip} keeps its mapping after ${named} (batch PUT item, GET, DELETE)`).toMatchObject({ origin_ip: ip, ...j.expect });
          else expect(get.status, `nothing stored under ${ip}${j.octal ? ' (an octal/hex reading)' : ''}, a reading of ${named}`).toBe(404);
        }, get);
      }
      for (let i = 0; i < mapped.length; i += 100) {
        const del = await api.batchDelete(mapped.slice(i, i + 100));
        await verify.check('BATCH-DELETE-APPLIES', () => expect(del.status, 'deleting the mapped source addresses').toBe(200), del);
      }
    },
  );
});
