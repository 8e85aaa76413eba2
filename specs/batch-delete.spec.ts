// DELETE /zones/{zone_id}/origin/cloud_regions/batch: "Removes up to 100 IP-to-cloud-region mappings
// in a single request. Each IP is validated independently — successfully deleted items are returned
// in the succeeded array and IPs that could not be found or are invalid are returned in the failed
// array" (openapi.json). The body is a JSON array of address strings, and a missing or non-array
// body deletes nothing (decision 7): the SDK's bulkDelete sends no body unless told to, so a target
// that read "no body" as "everything" would wipe the zone.
import { covers, expect, test, zoneWide } from '../fixtures';
import { entryFor } from '../suite/judging/batch-results';
import { checkStored } from '../suite/judging/checks';
import type { BatchResult } from '../contract';
import type { ApiResponse } from '../suite/transport/client';
import { inParallel } from '../suite/transport/concurrency';
import { ipv4Address, ipv6Address } from '../suite/ip/arbitraries';
import { canonical, parseAddress } from '../suite/ip/oracle';
import { representativeSpellings } from '../suite/ip/spellings';
import { knobs } from '../suite/config/profile';

const v6 = ipv6Address().map(canonical);
const v4 = ipv4Address().map(canonical);


test.describe('batch DELETE', () => {
  test(
    'found addresses are deleted and listed in succeeded with their region and vendor; missing and invalid ones are listed in failed',
    covers('BATCH-DELETE-APPLIES', 'BATCH-DELETE-PER-ITEM'),
    async ({ api, addresses, regions, verify }) => {
      const a = addresses.fresh(v6);
      const b = addresses.fresh(v4);
      const missing = addresses.fresh(v6);
      const [pairA, pairB] = [regions.pair(0), regions.other(regions.pair(0))];
      const put = await api.batchPut([
        { origin_ip: a, ...pairA },
        { origin_ip: b, ...pairB },
      ]);
      await verify.check('BATCH-PUT-APPLIES', () => expect(put.status, 'creating the mappings to delete').toBe(200));
      // Read once before the batch DELETE: a read cache that batch writes never invalidate then
      // answers the GET after it with the deleted mapping.
      await checkStored(verify, 'BATCH-PUT-APPLIES', api, a, pairA, 'before the batch DELETE');
      const aSpelling = representativeSpellings(parseAddress(a)!).at(-1)!; // zero-padded, not canonical
      const del = await api.batchDelete([aSpelling, missing, 'not-an-ip', b]);
      // All-or-nothing (a 4xx because one item is missing or invalid) breaks the per-item rule.
      await verify.check('BATCH-DELETE-PER-ITEM', () =>
        expect(del.status, 'a batch DELETE mixing found, missing and invalid addresses is answered 200, each item judged on its own').toBe(200),
      );
      await verify.check('BATCH-DELETE-APPLIES', () => {
        expect(entryFor(del.json?.result?.succeeded, a), `${a} (sent as "${aSpelling}") is listed in succeeded with its deleted region and vendor`).toMatchObject(pairA);
        expect(entryFor(del.json?.result?.succeeded, b), `${b} is listed in succeeded with its deleted region and vendor`).toMatchObject(pairB);
      });
      await verify.check('BATCH-DELETE-PER-ITEM', () => {
        expect(entryFor(del.json?.result?.failed, missing), `${missing}, never mapped, is listed in failed`).toBeDefined();
        expect(entryFor(del.json?.result?.failed, 'not-an-ip'), '"not-an-ip" is listed in failed').toBeDefined();
        expect(entryFor(del.json?.result?.succeeded, missing), `${missing} is not listed in succeeded`).toBeUndefined();
      });
      for (const ip of [a, b]) await checkStored(verify, 'BATCH-DELETE-APPLIES', api, ip, null, 'after the batch DELETE');
    },
  );

  test(
    'a missing, empty or non-array body ({}, "x", null, an object naming the address) deletes nothing, and is answered 400 (SHOULD)',
    // Zone-wide: a target that reads no body as "everything" empties the zone, other tests' mappings
    // included (the zone guard puts back the ones the suite did not write).
    zoneWide(covers('BATCH-DELETE-NO-BODY', 'BATCH-DELETE-NO-BODY-400')),
    async ({ api, addresses, regions, verify, ctx, lanes }) => {
      const ip = addresses.fresh(v6);
      const pair = regions.pair(0);
      const put = await api.put(ip, { origin_ip: ip, ...pair });
      await verify.check('PUT-CREATE', () => expect(put.status, `PUT ${ip}, the mapping that must survive`).toBe(200));
      const path = `${api.collectionPath()}/batch`;
      const cases: Array<[string, string | undefined]> = [
        ['no body (what the SDK sends by default)', undefined],
        ['an empty body with Content-Type application/json', ''],
        ['{}', '{}'],
        ['"x"', '"x"'],
        ['null', 'null'],
        ['an object naming the address', JSON.stringify({ origin_ips: [ip] })],
      ];
      const readBackEach = knobs(ctx.profile).batchDeleteReadBackEachBody;
      const sendOne = async ([, body]: [string, string | undefined]): Promise<ApiResponse<BatchResult>> =>
        body === undefined
          ? api.batchDelete(undefined)
          : ((await api.raw('DELETE', path, body, { op: 'batch-delete', writes: [ip] })) as ApiResponse<BatchResult>);
      // With one read-back after them all, the bodies go out together and are judged in this order
      // once all are in; a read-back after each needs them one at a time.
      const answers = readBackEach ? undefined : await inParallel(cases, lanes, sendOne);
      for (const [i, [name, body]] of cases.entries()) {
        const res = answers ? answers[i]! : await sendOne([name, body]);
        if (res.status >= 200 && res.status < 300)
          await verify.check('BATCH-DELETE-NO-BODY', () =>
            expect(res.json?.result?.succeeded, `${name}: answered ${res.status}, so succeeded must be empty`).toEqual([]),
          res);
        await verify.check('BATCH-DELETE-NO-BODY-400', () => expect(res.status, `${name}: answered 400`).toBe(400), res);
        // Read back after each body, a failure names the body at fault; else once after them all.
        if (readBackEach) await checkStored(verify, 'BATCH-DELETE-NO-BODY', api, ip, pair, `after ${name}`);
      }
      if (!readBackEach) await checkStored(verify, 'BATCH-DELETE-NO-BODY', api, ip, pair, 'after every missing or non-array body');
      const del = await api.delete(ip);
      await verify.check('DELETE-REMOVES', () => expect(del.status, `DELETE of ${ip}`).toBe(200));
    },
  );

  test(
    'a batch DELETE of 101 addresses is a 4xx and deletes nothing; 100 addresses are accepted',
    covers('BATCH-DELETE-MAX-ITEMS', 'BATCH-DELETE-APPLIES', 'BATCH-DELETE-PER-ITEM'),
    async ({ api, addresses, regions, verify }) => {
      const ip = addresses.fresh(v6);
      const pair = regions.pair(0);
      const put = await api.put(ip, { origin_ip: ip, ...pair });
      await verify.check('PUT-CREATE', () => expect(put.status, `PUT ${ip}, the mapping that must survive`).toBe(200));
      // The other addresses are claimed (no other test uses them) but never mapped.
      const others = Array.from({ length: 100 }, () => addresses.fresh(v6));
      // Raw: only the mapped address is journaled, so the cleanup does not batch-delete 101 addresses.
      const over = await api.raw('DELETE', `${api.collectionPath()}/batch`, JSON.stringify([ip, ...others]), {
        op: 'batch-delete',
        writes: [ip],
      });
      await verify.check('BATCH-DELETE-MAX-ITEMS', () => {
        expect(over.status, '101 addresses are rejected with a 4xx').toBeGreaterThanOrEqual(400);
        expect(over.status, '101 addresses are rejected with a 4xx').toBeLessThan(500);
      });
      await checkStored(verify, 'BATCH-DELETE-MAX-ITEMS', api, ip, pair, 'after the rejected batch of 101');
      const hundred = await api.batchDelete([ip, ...others.slice(0, 99)]);
      await verify.check('BATCH-DELETE-APPLIES', () => {
        expect(hundred.status, '100 addresses (the maximum) are accepted').toBe(200);
        expect(entryFor(hundred.json?.result?.succeeded, ip), `${ip} is listed in succeeded`).toMatchObject({ origin_ip: ip, ...pair });
      });
      await verify.check('BATCH-DELETE-PER-ITEM', () =>
        expect(hundred.json?.result?.failed?.length, 'the 99 addresses never mapped are listed in failed').toBe(99),
      );
    },
  );
});
