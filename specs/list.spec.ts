// GET /zones/{zone_id}/origin/cloud_regions: "Returns all IP-to-cloud-region mappings configured for the
// zone with pagination support" (openapi.json: page >= 1, default 1; per_page 1..100, default 20;
// result_info {page, per_page, count, total_count, total_pages}). The official SDK's paginator ignores
// result_info and asks for page+1 until a page is empty, so a page past the end must be 200 with
// result [] (spec/README.md, observed behaviour). Tests that read zone-wide figures are
// zoneWide: they hold the zone lock alone; other people's mappings (on a real target) are never
// assumed absent, only counted.
import { covers, expect, test, zoneWide } from '../fixtures';
import { errorCodes } from '../suite/judging/checks';
import type { ApiClient, ApiResponse } from '../suite/transport/client';
import { ipv4Address, ipv6Address } from '../suite/ip/arbitraries';
import { canonical } from '../suite/ip/oracle';
import { Code, type Mapping } from '../contract';
import { knobs } from '../suite/config/profile';
import { Progress } from '../suite/run/progress';

interface ResultInfo {
  page?: unknown;
  per_page?: unknown;
  count?: unknown;
  total_count?: unknown;
  total_pages?: unknown;
}

const info = (res: ApiResponse<Mapping[]>): ResultInfo => (res.json?.result_info ?? {}) as ResultInfo;
const items = (res: ApiResponse<Mapping[]>): Mapping[] => (Array.isArray(res.json?.result) ? res.json!.result! : []);

const v6 = ipv6Address().map(canonical);
const v4 = ipv4Address().map(canonical);

/** per_page for a walk through the whole zone: 7 (several pages), more when the zone would need more pages than allowed. */
function walkPerPage(total: number, maxPages: number | 'unbounded'): number {
  return maxPages !== 'unbounded' && total > 7 * maxPages ? Math.min(100, Math.ceil(total / maxPages)) : 7;
}

async function page(api: ApiClient, n: number, perPage: number) {
  return api.list({ page: n, per_page: perPage });
}

test.describe('list', () => {
  test(
    'an empty zone lists result [] with total_pages 0 (SHOULD; checked only when the zone holds no mapping at all)',
    zoneWide(covers('LIST-EMPTY-TOTAL-PAGES', 'LIST-RESULT-INFO')),
    async ({ api, verify }) => {
      const res = await api.list();
      const total = info(res).total_count;
      await verify.check('LIST-RESULT-INFO', () => {
        expect(res.status, 'list of the zone').toBe(200);
        expect(typeof total, 'result_info.total_count is a number').toBe('number');
      });
      test.skip(total !== 0, `the zone holds ${String(total)} mapping(s) (not this run's): an empty zone cannot be observed here`);
      await verify.check('LIST-RESULT-INFO', () => {
        expect(res.json?.result, 'an empty zone lists no item').toEqual([]);
        expect(info(res).count, 'result_info.count of an empty zone').toBe(0);
      });
      await verify.check('LIST-EMPTY-TOTAL-PAGES', () => expect(info(res).total_pages, 'result_info.total_pages of an empty zone').toBe(0));
    },
  );

  test(
    'the pages hold every mapping of the zone exactly once, with result_info agreeing on each page; ours are listed as last written and deleted ones are not; the page after the last is 200 with result []',
    zoneWide(covers('LIST-PAGES-PARTITION', 'LIST-RESULT-INFO', 'LIST-REFLECTS-WRITES', 'LIST-PAST-END-EMPTY', 'DELETE-REMOVES')),
    async ({ api, addresses, regions, verify, ctx }) => {
      const own = [v6, v6, v6, v6, v6, v6, v4, v4, v4, v4, v6, v4].map((arb) => addresses.fresh(arb));
      const pair = regions.pair(0);
      const other = regions.other(pair);
      const put = await api.batchPut(own.map((ip) => ({ origin_ip: ip, ...pair })));
      await verify.check('BATCH-PUT-APPLIES', () => expect(put.status, 'creating 12 mappings of our own').toBe(200));
      const replaced = await api.put(own[0]!, { origin_ip: own[0]!, ...other });
      await verify.check('PUT-REPLACE', () => expect(replaced.status, `replacing ${own[0]}`).toBe(200));
      const deleted = await api.delete(own[10]!);
      await verify.check('DELETE-REMOVES', () => expect(deleted.status, `DELETE of ${own[10]}`).toBe(200));
      const batchDeleted = await api.batchDelete([own[11]!]);
      await verify.check('BATCH-DELETE-APPLIES', () => expect(batchDeleted.status, `batch DELETE of ${own[11]}`).toBe(200));

      let first = await page(api, 1, 7);
      const total = info(first).total_count;
      await verify.check('LIST-RESULT-INFO', () => expect(typeof total, 'result_info.total_count is a number').toBe('number'));
      const perPage = walkPerPage(total as number, knobs(ctx.profile).listWalkMaxPages);
      if (perPage !== 7) first = await page(api, 1, perPage);
      const pages = Math.ceil((total as number) / perPage);
      const seen = new Map<string, Mapping>();
      // Pages 1..pages hold the zone; page pages+1 is the one the SDK's paginator stops on.
      const progress = new Progress('list walk: listed', total as number);
      for (let n = 1; n <= pages + 1; n++) {
        const res = n === 1 ? first : await page(api, n, perPage);
        const list = items(res);
        await progress.advance(list.length);
        const ri = info(res);
        await verify.check('LIST-RESULT-INFO', () => {
          expect(res.status, `page ${n} (per_page ${perPage})`).toBe(200);
          expect(ri.page, `page ${n}: result_info.page`).toBe(n);
          expect(ri.per_page, `page ${n}: result_info.per_page`).toBe(perPage);
          expect(ri.count, `page ${n}: result_info.count is the number of items on the page`).toBe(list.length);
          expect(list.length, `page ${n}: at most per_page items`).toBeLessThanOrEqual(perPage);
          expect(ri.total_count, `page ${n}: result_info.total_count, the same on every page`).toBe(total);
          expect(ri.total_pages, `page ${n}: result_info.total_pages is ceil(total_count / per_page)`).toBe(pages);
        });
        if (n === pages + 1) {
          await verify.check('LIST-PAST-END-EMPTY', () => {
            expect(res.status, `page ${n}, past the last page`).toBe(200);
            expect(res.json?.result, `page ${n}, past the last page, lists nothing`).toEqual([]);
          });
          break;
        }
        await verify.check('LIST-PAGES-PARTITION', () => {
          expect(list.length, `page ${n} of ${pages} is not empty`).toBeGreaterThan(0);
          for (const m of list) {
            expect(seen.has(m.origin_ip), `${m.origin_ip} (page ${n}) was not on an earlier page`).toBe(false);
            seen.set(m.origin_ip, m);
          }
        });
      }
      await verify.check('LIST-PAGES-PARTITION', () =>
        expect(seen.size, `the pages together hold total_count (${String(total)}) distinct mappings`).toBe(total),
      );
      await verify.check('LIST-REFLECTS-WRITES', () => {
        expect(seen.get(own[0]!), `${own[0]} is listed with the vendor and region of its replace`).toMatchObject({ origin_ip: own[0], ...other });
        for (const ip of own.slice(1, 10)) expect(seen.get(ip), `${ip} is listed as created`).toMatchObject({ origin_ip: ip, ...pair });
      });
      await verify.check('DELETE-REMOVES', () => expect(seen.has(own[10]!), `${own[10]}, deleted, is not listed`).toBe(false));
      // A write after the walk must show on the next listing too (a list served from what it served
      // before would not): replace own[1], read its page again (one request while the order holds;
      // the order is open, so when it moved, the pages are walked until it turns up).
      const later = own[1]!;
      const pageOf = [...seen.keys()].indexOf(later);
      const rewritten = await api.put(later, { origin_ip: later, ...other });
      await verify.check('PUT-REPLACE', () => expect(rewritten.status, `replacing ${later} after the walk`).toBe(200));
      const firstTry = pageOf < 0 ? 1 : Math.floor(pageOf / perPage) + 1;
      let relisted: Mapping | undefined;
      for (const n of [firstTry, ...Array.from({ length: pages }, (_, i) => i + 1).filter((n) => n !== firstTry)]) {
        relisted = items(await page(api, n, perPage)).find((m) => m.origin_ip === later);
        if (relisted) break;
      }
      await verify.check('LIST-REFLECTS-WRITES', () =>
        expect(relisted, `${later}, replaced after the walk, is listed with its new vendor and region`).toMatchObject({ origin_ip: later, ...other }),
      );
      await verify.check('LIST-REFLECTS-WRITES', () => expect(seen.has(own[11]!), `${own[11]}, batch-deleted, is not listed`).toBe(false));
      const cleanup = await api.batchDelete(own.slice(0, 10));
      await verify.check('BATCH-DELETE-APPLIES', () => expect(cleanup.status, 'batch DELETE of our mappings').toBe(200));
    },
  );

  test(
    'without per_page, page 1 holds at most 20 items and result_info says per_page 20 (the full profile first writes 21 mappings, so the page must hold exactly 20)',
    covers('LIST-DEFAULT-PER-PAGE', 'LIST-RESULT-INFO'),
    async ({ api, addresses, regions, verify, ctx }) => {
      const own = knobs(ctx.profile).listDefaultPageFilled ? Array.from({ length: 21 }, () => addresses.fresh(v6)) : [];
      if (own.length) {
        const put = await api.batchPut(own.map((ip) => ({ origin_ip: ip, ...regions.pair(0) })));
        await verify.check('BATCH-PUT-APPLIES', () => expect(put.status, 'creating 21 mappings of our own').toBe(200));
      }
      const res = await api.list();
      const list = items(res);
      await verify.check('LIST-DEFAULT-PER-PAGE', () => {
        expect(res.status, 'list without page or per_page').toBe(200);
        expect(info(res).per_page, 'result_info.per_page defaults to 20').toBe(20);
        expect(info(res).page, 'result_info.page defaults to 1').toBe(1);
        expect(list.length, 'at most 20 items').toBeLessThanOrEqual(20);
        if (own.length) expect(list.length, 'the zone holds at least our 21 mappings, so page 1 is full').toBe(20);
      });
      await verify.check('LIST-RESULT-INFO', () => expect(info(res).count, 'result_info.count is the number of items').toBe(list.length));
      if (own.length) {
        const del = await api.batchDelete(own);
        await verify.check('BATCH-DELETE-APPLIES', () => expect(del.status, 'batch DELETE of our 21 mappings').toBe(200));
      }
    },
  );

  test(
    'a partial last page, built whatever the zone holds: result_info.count is the number of items on it, and total_count and total_pages agree',
    zoneWide(covers('LIST-RESULT-INFO')),
    async ({ api, addresses, regions, verify }) => {
      // per_page 7 and a last page of 3: write as many mappings of our own as make the zone's total
      // leave 3 on its last page (1 to 7 of them, given what the zone holds now; the zone lock keeps
      // others out meanwhile).
      const perPage = 7;
      const onLast = 3;
      const before = info(await api.list({ per_page: 1 })).total_count;
      await verify.check('LIST-RESULT-INFO', () => expect(typeof before, 'result_info.total_count is a number').toBe('number'));
      const write = ((((onLast - (before as number)) % perPage) + perPage) % perPage) || perPage;
      const own = Array.from({ length: write }, () => addresses.fresh(v6));
      const put = await api.batchPut(own.map((ip) => ({ origin_ip: ip, ...regions.pair(0) })));
      await verify.check('BATCH-PUT-APPLIES', () => expect(put.status, `creating ${write} mappings of our own`).toBe(200), put);
      const total = (before as number) + write;
      const last = Math.ceil(total / perPage);
      const res = await page(api, last, perPage);
      await verify.check('LIST-RESULT-INFO', () => {
        expect(res.status, `page ${last} of ${total} mappings, per_page ${perPage}`).toBe(200);
        expect(items(res).length, `the last page holds ${total} - ${perPage} x ${last - 1} items`).toBe(onLast);
        expect(info(res).count, 'result_info.count on a partial last page is the number of items on it').toBe(items(res).length);
        expect(info(res).total_count, 'result_info.total_count').toBe(total);
        expect(info(res).total_pages, 'result_info.total_pages is ceil(total_count / per_page)').toBe(last);
        expect(info(res).page, 'result_info.page').toBe(last);
      }, res);
      const del = await api.batchDelete(own);
      await verify.check('BATCH-DELETE-APPLIES', () => expect(del.status, 'batch DELETE of our mappings').toBe(200), del);
    },
  );

  test(
    'a page far past the end (page 1000 of 100 items) is 200 with result [] and count 0',
    covers('LIST-PAST-END-EMPTY', 'LIST-RESULT-INFO'),
    async ({ api, verify }) => {
      // A zone holds at most 3,500 mappings: page 1000 of 100 is past the end whatever the zone holds.
      const res = await api.list({ page: 1000, per_page: 100 });
      await verify.check('LIST-PAST-END-EMPTY', () => {
        expect(res.status, 'a page past the end').toBe(200);
        expect(res.json?.result, 'a page past the end lists nothing').toEqual([]);
      });
      await verify.check('LIST-RESULT-INFO', () => {
        expect(info(res).count, 'result_info.count of an empty page').toBe(0);
        expect(info(res).page, 'result_info.page is the page asked for').toBe(1000);
      });
    },
  );

  test(
    'per_page 1 and 100, the bounds of 1..100, are accepted: 200, result_info.per_page as asked, at most that many items',
    covers('LIST-PAGINATION-VALID'),
    async ({ api, verify }) => {
      for (const perPage of [1, 100]) {
        const res = await api.list({ page: 1, per_page: perPage });
        await verify.check('LIST-PAGINATION-VALID', () => {
          expect(res.status, `?per_page=${perPage}: accepted`).toBe(200);
          expect(Array.isArray(res.json?.result) && res.json!.result!.length <= perPage, `?per_page=${perPage}: at most ${perPage} item(s)`).toBe(true);
          expect(info(res).per_page, `?per_page=${perPage}: result_info.per_page`).toBe(perPage);
        });
      }
    },
  );

  test(
    'per_page 0, 101 or -1 is a 4xx failure (code 1146 SHOULD); page 0 or -1 and per_page abc SHOULD be one too',
    covers('LIST-PAGINATION-INVALID', 'LIST-PAGINATION-CODE', 'LIST-PAGE-INVALID'),
    async ({ api, verify }) => {
      // per_page outside 1..100 is the limits table's (MUST, code 1146 SHOULD); the rest only breaks the
      // request schema (page minimum 1, per_page an integer): a server may clamp or default it (SHOULD).
      const cases: Array<{ query: string; id: 'LIST-PAGINATION-INVALID' | 'LIST-PAGE-INVALID' }> = [
        { query: 'per_page=0', id: 'LIST-PAGINATION-INVALID' },
        { query: 'per_page=101', id: 'LIST-PAGINATION-INVALID' },
        { query: 'per_page=-1', id: 'LIST-PAGINATION-INVALID' },
        { query: 'per_page=abc', id: 'LIST-PAGE-INVALID' },
        { query: 'page=0', id: 'LIST-PAGE-INVALID' },
        { query: 'page=-1', id: 'LIST-PAGE-INVALID' },
      ];
      for (const c of cases) {
        const res = await api.list(c.query);
        await verify.check(c.id, () => {
          expect(res.status, `?${c.query}: rejected with a 4xx`).toBeGreaterThanOrEqual(400);
          expect(res.status, `?${c.query}: rejected with a 4xx`).toBeLessThan(500);
          expect(res.json?.success, `?${c.query}: a failure envelope`).toBe(false);
        });
        if (c.id === 'LIST-PAGINATION-INVALID') await verify.check('LIST-PAGINATION-CODE', () => expect(errorCodes(res), `?${c.query}: error codes`).toContain(Code.invalidParameter));
      }
    },
  );
});
