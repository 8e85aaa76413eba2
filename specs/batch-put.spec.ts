// PUT /zones/{zone_id}/origin/cloud_regions/batch: "Upserts up to 100 IP-to-cloud-region mappings in a
// single request. Items in the request body are created or replaced; mappings not included in the
// request body are preserved unchanged (this is a merge operation, not a full collection
// replacement). Each item is validated independently — valid items are applied and invalid items are
// returned in the failed array" (openapi.json; request body: an array, maxItems 100).
import { covers, expect, test, zoneWide } from '../fixtures';
import { entryFor } from '../suite/judging/batch-results';
import { checkAbsentByDelete, checkStored } from '../suite/judging/checks';
import { ipv4Address, ipv6Address } from '../suite/ip/arbitraries';
import { canonical, parseAddress } from '../suite/ip/oracle';
import { representativeSpellings } from '../suite/ip/spellings';
import { knobs, select } from '../suite/config/profile';

const v6 = ipv6Address().map(canonical);
const v4 = ipv4Address().map(canonical);


test.describe('batch PUT', () => {
  test(
    'valid items answer 200: each is listed in succeeded with its canonical origin_ip, region and vendor, and GET returns it',
    covers('BATCH-PUT-APPLIES'),
    async ({ api, addresses, regions, verify }) => {
      const a = addresses.fresh(v6);
      const b = addresses.fresh(v4);
      const aSpelling = representativeSpellings(parseAddress(a)!).at(-1)!; // zero-padded, not canonical
      const items = [
        { origin_ip: aSpelling, ...regions.pair(0) },
        { origin_ip: b, ...regions.pair(1) },
      ];
      const put = await api.batchPut(items);
      await verify.check('BATCH-PUT-APPLIES', () => {
        expect(put.status, 'batch PUT of valid items').toBe(200);
        expect(put.json?.result?.failed, 'no valid item fails').toEqual([]);
        expect(put.json?.result?.succeeded, 'every item is listed in succeeded, by its canonical text').toEqual(
          expect.arrayContaining([
            expect.objectContaining({ origin_ip: a, ...regions.pair(0) }),
            expect.objectContaining({ origin_ip: b, ...regions.pair(1) }),
          ]),
        );
      });
      for (const [ip, pair] of [
        [a, regions.pair(0)],
        [b, regions.pair(1)],
      ] as const)
        await checkStored(verify, 'BATCH-PUT-APPLIES', api, ip, pair, 'after the batch PUT');
    },
  );

  test(
    'each item is validated alone: invalid items are listed in failed with the origin_ip sent and store nothing, the valid ones are applied',
    covers('BATCH-PUT-PER-ITEM', 'BATCH-PUT-APPLIES'),
    async ({ api, addresses, regions, verify, ctx }) => {
      const pair = regions.pair(0);
      const [good1, good2, badVendor, badRegion, noRegion] = [v6, v4, v6, v6, v4].map((arb) => addresses.fresh(arb));
      const invalid: Array<{ name: string; item: Record<string, unknown>; sent: string }> = [
        { name: 'unknown vendor', item: { origin_ip: badVendor, vendor: 'example-cloud', region: pair.region }, sent: badVendor! },
        { name: 'unlisted region', item: { origin_ip: badRegion, vendor: pair.vendor, region: 'no-such-region-9' }, sent: badRegion! },
        { name: 'no region', item: { origin_ip: noRegion, vendor: pair.vendor }, sent: noRegion! },
        { name: 'not an address', item: { origin_ip: 'not-an-ip', ...pair }, sent: 'not-an-ip' },
      ];
      const put = await api.batchPut([
        { origin_ip: good1, ...pair },
        ...invalid.map((c) => c.item),
        { origin_ip: good2, ...pair },
      ]);
      await verify.check('BATCH-PUT-PER-ITEM', () => expect(put.status, 'a batch mixing valid and invalid items is answered 200').toBe(200));
      for (const c of invalid)
        await verify.check('BATCH-PUT-PER-ITEM', () =>
          expect(entryFor(put.json?.result?.failed, c.sent), `${c.name} ("${c.sent}") is listed in failed`).toBeDefined(),
        );
      await verify.check('BATCH-PUT-APPLIES', () => {
        for (const ip of [good1!, good2!])
          expect(entryFor(put.json?.result?.succeeded, ip), `valid item ${ip} is listed in succeeded`).toMatchObject({ origin_ip: ip, ...pair });
      });
      for (const ip of [good1!, good2!]) await checkStored(verify, 'BATCH-PUT-APPLIES', api, ip, pair, 'a valid item beside invalid ones');
      // Every rejected address, or one of each kind of failure it can store under.
      const rejected = knobs(ctx.profile).batchPutReadBackEveryRejected ? [badVendor!, badRegion!, noRegion!] : [badVendor!, noRegion!];
      for (const ip of rejected) await checkStored(verify, 'BATCH-PUT-PER-ITEM', api, ip, null, 'a failed item');
    },
  );

  test(
    'a batch PUT merges: a mapping created before and left out of the batch is preserved unchanged',
    covers('BATCH-PUT-MERGE'),
    async ({ api, addresses, regions, verify }) => {
      const before = addresses.fresh(v6);
      const inBatch = addresses.fresh(v6);
      const pair = regions.pair(0);
      const put = await api.put(before, { origin_ip: before, ...pair });
      await verify.check('PUT-CREATE', () => expect(put.status, `PUT ${before} before the batch`).toBe(200));
      const batch = await api.batchPut([{ origin_ip: inBatch, ...regions.other(pair) }]);
      await verify.check('BATCH-PUT-APPLIES', () => expect(batch.status, 'batch PUT of one valid item').toBe(200));
      await checkStored(verify, 'BATCH-PUT-MERGE', api, before, pair, 'a mapping left out of the batch');
      const del = await api.batchDelete([before, inBatch]);
      await verify.check('BATCH-DELETE-APPLIES', () => expect(del.status, 'batch DELETE of both').toBe(200));
    },
  );

  test(
    'a batch PUT of 101 items is a 4xx and applies none of them; 100 items are accepted',
    covers('BATCH-PUT-MAX-ITEMS', 'BATCH-PUT-APPLIES'),
    async ({ api, addresses, regions, verify }) => {
      const pair = regions.pair(0);
      const ips = Array.from({ length: 101 }, () => addresses.fresh(v6));
      const over = await api.batchPut(ips.map((ip) => ({ origin_ip: ip, ...pair })));
      await verify.check('BATCH-PUT-MAX-ITEMS', () => {
        expect(over.status, '101 items are rejected with a 4xx').toBeGreaterThanOrEqual(400);
        expect(over.status, '101 items are rejected with a 4xx').toBeLessThan(500);
      });
      for (const ip of [ips[0]!, ips[50]!]) await checkStored(verify, 'BATCH-PUT-MAX-ITEMS', api, ip, null, 'an item of the rejected 101');
      // The 101st is not in the batch of 100 below: checked (and settled) by a DELETE.
      await checkAbsentByDelete(verify, 'BATCH-PUT-MAX-ITEMS', api, ips[100]!, 'the last item of the rejected 101');
      const hundred = await api.batchPut(ips.slice(0, 100).map((ip) => ({ origin_ip: ip, ...pair })));
      await verify.check('BATCH-PUT-APPLIES', () => {
        expect(hundred.status, '100 items (the maximum) are accepted').toBe(200);
        expect(hundred.json?.result?.succeeded?.length, 'all 100 items succeed').toBe(100);
      });
      const del = await api.batchDelete(ips.slice(0, 100));
      await verify.check('BATCH-DELETE-APPLIES', () => expect(del.status, 'batch DELETE of the 100').toBe(200));
    },
  );

  test(
    'spellings of one address repeated in one batch make one mapping: after one DELETE no spelling finds a mapping',
    covers('BATCH-PUT-DUPLICATES', 'BATCH-PUT-APPLIES'),
    async ({ api, addresses, regions, verify }) => {
      const ip = addresses.fresh(v6);
      const spellings = [ip, ...representativeSpellings(parseAddress(ip)!).filter((s) => s !== ip).slice(-2)];
      const put = await api.batchPut(spellings.map((s, i) => ({ origin_ip: s, ...regions.pair(i) })));
      await verify.check('BATCH-PUT-APPLIES', () => {
        expect(put.status, 'a batch repeating one address is answered 200').toBe(200);
        expect(put.json?.result?.succeeded?.length, 'at least one of the valid items is applied').toBeGreaterThan(0);
      });
      const del = await api.delete(ip);
      await verify.check('BATCH-PUT-DUPLICATES', () => expect(del.status, `DELETE of ${ip}: the batch made its mapping`).toBe(200));
      for (const s of spellings) {
        const get = await api.get(s);
        await verify.check('BATCH-PUT-DUPLICATES', () => expect(get.status, `after one DELETE, GET through "${s}" finds no second mapping`).toBe(404));
      }
    },
  );

  test(
    'a batch PUT body that is not a JSON array (one item alone, an object holding items, a string, null, no body) is a 4xx and applies nothing',
    // Zone-wide: a target that read such a body as a replacement of the collection would lose other
    // tests' mappings too (the zone guard puts back the ones the suite did not write).
    zoneWide(covers('BATCH-PUT-NOT-ARRAY')),
    async ({ api, addresses, regions, verify, ctx }) => {
      const ip = addresses.fresh(v6);
      const item = { origin_ip: ip, ...regions.pair(0) };
      const cases: Array<[string, string | undefined]> = [
        ['one item alone', JSON.stringify(item)],
        ['an object holding the items', JSON.stringify({ items: [item] })],
        ['a string', JSON.stringify('x')],
        ['null', 'null'],
        ['no body', undefined],
      ];
      for (const [name, body] of select(cases, ([name]) => name, knobs(ctx.profile).batchPutNotArrayBodies, ctx.seed, 'batch PUT not an array')) {
        // Raw, so the address is journaled for cleanup even though the body is not an array.
        const res = await api.raw('PUT', `${api.collectionPath()}/batch`, body, { op: 'batch-put', writes: [ip] });
        await verify.check('BATCH-PUT-NOT-ARRAY', () => {
          expect(res.status, `${name}: rejected with a 4xx`).toBeGreaterThanOrEqual(400);
          expect(res.status, `${name}: rejected with a 4xx`).toBeLessThan(500);
        });
      }
      await checkAbsentByDelete(verify, 'BATCH-PUT-NOT-ARRAY', api, ip, 'after every body that is not an array');
    },
  );
});
