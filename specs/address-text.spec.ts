// Address text across every operation: the matrix rows of IP-INVALID-REJECTED (every position an
// address takes in a request) and of IP-CANONICAL-IPV6 / IP-CANONICAL-IPV4 (every response field that
// carries one), in suite/judging/requirements.ts. Decision 6: text that is not a plain address "MUST be
// rejected with a 4xx failure envelope (SHOULD be 400) and store nothing"; the seed page: the address
// "is normalized to canonical form (RFC 5952 for IPv6) before storage", and what is stored is what
// every response names. The generated near misses (specs/near-misses.spec.ts) and the fixed cases
// (specs/put/invalid-addresses.spec.ts) go deeper into the kinds of text; this file makes sure of
// every position and field, with one request each.
import { cells, covers, expect, test, type Pair } from '../fixtures';
import { entryFor } from '../suite/judging/batch-results';
import type { BatchItemResult, Mapping } from '../contract';
import type { ApiClient, ApiResponse } from '../suite/transport/client';
import { ipv4Address, ipv6Address } from '../suite/ip/arbitraries';
import { canonical, canonicalOf, parseAddress } from '../suite/ip/oracle';
import { representativeSpellings } from '../suite/ip/spellings';
import { knobs } from '../suite/config/profile';

const v6 = ipv6Address().map(canonical);
const v4 = ipv4Address().map(canonical);

/** Forms of text that name an address but are not one (decision 6's list). */
const FORMS: Array<[name: string, of: (ip: string) => string]> = [
  ['zone index', (ip) => `${ip}%eth0`],
  ['CIDR suffix', (ip) => `${ip}/128`],
  ['brackets', (ip) => `[${ip}]`],
  ['leading space', (ip) => ` ${ip}`],
];

type Position = 'put:path' | 'put:body' | 'batch-put:item' | 'batch-delete:item' | 'get:path' | 'delete:path';
const POSITIONS: Position[] = ['put:path', 'put:body', 'batch-put:item', 'batch-delete:item', 'get:path', 'delete:path'];

const INVALID = 'IP-INVALID-REJECTED';
/** Positions where invalid text fails the whole request (a batch item may be failed inside a 200). */
const WHOLE_REQUEST = ['put:path', 'put:body', 'get:path', 'delete:path'] as const;
const FIELDS = ['put:result', 'get:result', 'list:items', 'delete:result', 'batch-put:succeeded', 'batch-put:failed', 'batch-delete:succeeded', 'batch-delete:failed'];

/** Sends `bad` at one position, about the mapped address `ip` (so that a lax reader would act on it). */
function sendAt(pos: Position, api: ApiClient, ip: string, bad: string, other: Pair): Promise<ApiResponse> {
  switch (pos) {
    case 'put:path':
      return api.put(bad, { origin_ip: ip, ...other });
    case 'put:body':
      return api.put(ip, { origin_ip: bad, ...other });
    case 'batch-put:item':
      return api.batchPut([{ origin_ip: bad, ...other }]);
    case 'batch-delete:item':
      return api.batchDelete([bad]);
    case 'get:path':
      return api.get(bad);
    case 'delete:path':
      return api.delete(bad);
  }
}

const is4xx = (res: ApiResponse) => res.status >= 400 && res.status < 500;
const named = (list: BatchItemResult[] | undefined, ip: string) => (Array.isArray(list) ? list : []).filter((e) => typeof e?.origin_ip === 'string' && canonicalOf(e.origin_ip) === ip);

test.describe('address text at every position and in every field', () => {
  test(
    'text that is not a plain address (zone index, CIDR, brackets, whitespace) is rejected at every position: the PUT path and body, a batch PUT item, a batch DELETE item, the GET and DELETE path; the address it names is neither written, deleted nor returned',
    cells(cells(covers(INVALID), INVALID, POSITIONS), 'IP-INVALID-400', WHOLE_REQUEST),
    async ({ api, addresses, regions, verify, ctx }) => {
      const ip = addresses.fresh(v6);
      const pair = regions.pair(0);
      const other = regions.other(pair);
      const put = await api.put(ip, { origin_ip: ip, ...pair });
      await verify.check('PUT-CREATE', () => expect(put.status, `PUT ${ip}, the address the invalid text names`).toBe(200));
      const every = knobs(ctx.profile).invalidEveryFormAtEveryPosition;
      for (const [i, pos] of POSITIONS.entries()) {
        const forms = every ? FORMS : [FORMS[(i + ctx.seed) % FORMS.length]!];
        for (const [name, of] of forms) {
          const bad = of(ip);
          const res = (await sendAt(pos, api, ip, bad, other)) as ApiResponse<{ succeeded?: BatchItemResult[]; failed?: BatchItemResult[] }>;
          const what = `${pos} ${JSON.stringify(bad)} (${name})`;
          await verify.checkCell(INVALID, pos, () => {
            if (pos === 'batch-put:item' && res.status === 200) {
              expect(entryFor(res.json?.result?.failed, bad), `${what}: answered 200, so the item is listed in failed`).toBeDefined();
              expect(named(res.json?.result?.succeeded, ip), `${what}: nothing listed in succeeded`).toEqual([]);
            } else if (pos === 'batch-delete:item' && res.status === 200) {
              expect(named(res.json?.result?.succeeded, ip), `${what}: answered 200, so ${ip} is not listed as deleted`).toEqual([]);
            } else {
              expect(is4xx(res), `${what}: a 4xx (saw ${res.status})`).toBe(true);
              expect(res.json?.success, `${what}: a failure envelope`).toBe(false);
            }
          }, res);
          // Decision 6: "SHOULD be 400", where the whole request fails.
          if ((WHOLE_REQUEST as readonly string[]).includes(pos))
            await verify.checkCell('IP-INVALID-400', pos, () => expect(res.status, `${what}: 400 exactly`).toBe(400), res);
        }
      }
      const kept = await api.get(ip);
      await verify.checkCell(INVALID, ['put:path', 'put:body', 'batch-put:item', 'batch-delete:item', 'delete:path'], () =>
        expect(kept.json?.result, `${ip} keeps its mapping after every invalid text that names it`).toMatchObject({ origin_ip: ip, ...pair }),
      );
      const del = await api.delete(ip);
      await verify.check('DELETE-REMOVES', () => expect(del.status, `DELETE of ${ip}`).toBe(200));
    },
  );

  test(
    'every response field that carries an address holds its canonical text after a write through another spelling: PUT, GET and DELETE results, list items, batch succeeded items; a failed batch item names the text sent or its canonical text',
    cells(cells(covers('IP-CANONICAL-IPV6', 'IP-CANONICAL-IPV4'), 'IP-CANONICAL-IPV6', FIELDS), 'IP-CANONICAL-IPV4', FIELDS),
    async ({ api, addresses, regions, verify, ctx }) => {
      const pair = regions.pair(0);
      // [canonical, the spelling sent] per family: IPv6 through its zero-padded spelling; IPv4 has no
      // other valid spelling (decision 4), so the check is that nothing else comes back.
      const spelled = (ip: string) => (ip.includes(':') ? representativeSpellings(parseAddress(ip)!).at(-1)! : ip);
      const families = [v6, v4].map((arb) => {
        const [one, batch, failed, missing] = [0, 1, 2, 3].map(() => addresses.fresh(arb));
        const id = arb === v6 ? 'IP-CANONICAL-IPV6' : 'IP-CANONICAL-IPV4';
        return { id, one: one!, batch: batch!, failed: failed!, missing: missing! };
      });
      const field = async (id: string, cell: string, got: unknown, want: string, what: string, res: ApiResponse) =>
        verify.checkCell(id, cell, () => expect(got, `${what}: the canonical text ${want}`).toBe(want), res);
      const failedNames = async (id: string, cell: string, list: BatchItemResult[] | undefined, sent: string, want: string, what: string, res: ApiResponse) =>
        verify.checkCell(id, cell, () => {
          const entry = entryFor(list, sent);
          expect(entry, `${what}: ${JSON.stringify(sent)} is listed in failed`).toBeDefined();
          expect([sent, want], `${what}: a failed item names the text sent or its canonical text`).toContain(entry!.origin_ip);
        }, res);

      for (const f of families) {
        const put = await api.put(spelled(f.one), { origin_ip: spelled(f.one), ...pair });
        await field(f.id, 'put:result', put.json?.result?.origin_ip, f.one, `PUT through "${spelled(f.one)}"`, put);
        const get = await api.get(spelled(f.one));
        await field(f.id, 'get:result', get.json?.result?.origin_ip, f.one, `GET through "${spelled(f.one)}"`, get);
      }
      const bput = await api.batchPut(
        families.flatMap((f) => [
          { origin_ip: spelled(f.batch), ...pair },
          { origin_ip: spelled(f.failed), vendor: 'no-such-vendor', region: pair.region },
        ]),
      );
      await verify.check('BATCH-PUT-PER-ITEM', () => expect(bput.status, 'a batch PUT of valid and invalid items').toBe(200), bput);
      for (const f of families) {
        const entry = entryFor(bput.json?.result?.succeeded, f.batch);
        await field(f.id, 'batch-put:succeeded', entry?.origin_ip, f.batch, `batch PUT of "${spelled(f.batch)}", listed in succeeded`, bput);
        await failedNames(f.id, 'batch-put:failed', bput.json?.result?.failed, spelled(f.failed), f.failed, `batch PUT of "${spelled(f.failed)}" with an unknown vendor`, bput);
      }

      // The list, page by page until our four mappings are seen (bounded like the list walk).
      const want = new Map(families.flatMap((f) => [[f.one, f.id], [f.batch, f.id]] as const));
      const seen = new Map<string, { item: Mapping; res: ApiResponse }>();
      const maxPages = knobs(ctx.profile).listWalkMaxPages;
      for (let page = 1; seen.size < want.size && (maxPages === 'unbounded' || page <= maxPages); page++) {
        const res = await api.list({ page, per_page: 100 });
        const items: Mapping[] = Array.isArray(res.json?.result) ? res.json!.result! : [];
        for (const item of items) {
          const c = typeof item?.origin_ip === 'string' ? canonicalOf(item.origin_ip) : null;
          if (c !== null && want.has(c)) seen.set(c, { item, res });
        }
        if (!items.length) break;
      }
      for (const [ip, id] of want) {
        const s = seen.get(ip);
        if (s) await field(id, 'list:items', s.item.origin_ip, ip, `${ip}, listed`, s.res);
      }
      for (const f of families)
        if (![f.one, f.batch].some((ip) => seen.has(ip)))
          verify.skipCell(f.id, 'list:items', `none of its mappings turned up within the pages the list walk may read (${String(maxPages)})`);

      for (const f of families) {
        const del = await api.delete(spelled(f.one));
        await field(f.id, 'delete:result', del.json?.result?.origin_ip, f.one, `DELETE through "${spelled(f.one)}"`, del);
      }
      const bdel = await api.batchDelete(families.flatMap((f) => [spelled(f.batch), spelled(f.missing)]));
      await verify.check('BATCH-DELETE-PER-ITEM', () => expect(bdel.status, 'a batch DELETE of found and missing addresses').toBe(200), bdel);
      for (const f of families) {
        const entry = entryFor(bdel.json?.result?.succeeded, f.batch);
        await field(f.id, 'batch-delete:succeeded', entry?.origin_ip, f.batch, `batch DELETE of "${spelled(f.batch)}", listed in succeeded`, bdel);
        await failedNames(f.id, 'batch-delete:failed', bdel.json?.result?.failed, spelled(f.missing), f.missing, `batch DELETE of "${spelled(f.missing)}", never mapped`, bdel);
      }
    },
  );
});
