// PUT /zones/{zone_id}/origin/cloud_regions/{origin_ip}: create, replace, read back, idempotency,
// modified_on. Each test writes its own documentation-range address (fixtures: addresses.fresh()).
import { seconds } from '../../contract';
import { cells, covers, expect, test } from '../../fixtures';
import { mixedNotation } from '../../suite/judging/checks';


test.describe('PUT one mapping', () => {
  test(
    'PUT of a new address answers 200 with the mapping; GET then returns the same mapping',
    covers('PUT-CREATE', 'PUT-READBACK'),
    async ({ api, addresses, regions, verify }) => {
      const ip = addresses.fresh();
      const pair = regions.pair(0);
      const put = await api.put(ip, { origin_ip: ip, ...pair });
      await verify.check('PUT-CREATE', () => {
        expect(put.status, 'create answers 200 (not 201)').toBe(200);
        expect(mixedNotation(put.json?.result), 'the mapping as created').toMatchObject({ origin_ip: ip, ...pair });
      });
      const get = await api.get(ip);
      await verify.check('PUT-READBACK', () => {
        expect(get.status, 'GET of the address just created').toBe(200);
        const { origin_ip, vendor, region } = put.json!.result!;
        expect(get.json?.result, 'GET returns what PUT returned').toMatchObject({ origin_ip, vendor, region });
      });
    },
  );

  test(
    'PUT of an existing address answers 200 and replaces vendor and region; modified_on does not go backwards, nor after a batch PUT replaces it again',
    cells(covers('PUT-REPLACE', 'PUT-READBACK', 'PUT-MODIFIED-ON-MONOTONIC'), 'PUT-MODIFIED-ON-MONOTONIC', ['put:replace', 'batch-put:replace']),
    async ({ api, addresses, regions, verify }) => {
      const ip = addresses.fresh();
      const first = regions.pair(0);
      const second = regions.other(first);
      test.skip(first === second, 'the target lists a single vendor/region pair: nothing to replace it with');
      const created = await api.put(ip, { origin_ip: ip, ...first });
      await verify.check('PUT-CREATE', () => expect(created.status, 'create before replace').toBe(200));
      const replaced = await api.put(ip, { origin_ip: ip, ...second });
      await verify.check('PUT-REPLACE', () => {
        expect(replaced.status, 'replace answers 200').toBe(200);
        expect(mixedNotation(replaced.json?.result), 'the replaced mapping').toMatchObject({ origin_ip: ip, ...second });
      });
      const get = await api.get(ip);
      await verify.check('PUT-READBACK', () =>
        expect(mixedNotation(get.json?.result), 'GET after replace returns the new vendor and region').toMatchObject({ origin_ip: ip, ...second }),
      );
      const before = seconds(created.json?.result?.modified_on);
      for (const [what, m] of [
        ['PUT response', replaced.json?.result],
        ['GET response', get.json?.result],
      ] as const) {
        const after = seconds(m?.modified_on);
        if (before === undefined || after === undefined) {
          // modified_on is optional: nothing to compare, and the report says so (a malformed one is ENV-MODIFIED-ON's).
          if (created.json?.result?.modified_on === undefined || m?.modified_on === undefined)
            verify.notApplicable('PUT-MODIFIED-ON-MONOTONIC', 'the target omits modified_on');
          continue;
        }
        await verify.checkCell('PUT-MODIFIED-ON-MONOTONIC', 'put:replace', () =>
          expect(after, `modified_on of the ${what} after the replace (${m?.modified_on}) is not before the create's (${created.json?.result?.modified_on})`).toBeGreaterThanOrEqual(before),
        );
      }
      // Decision 9 names no operation: a batch PUT that replaces with a different body is a replace too
      // (batch results carry no modified_on: read back).
      const batch = await api.batchPut([{ origin_ip: ip, ...first }]);
      await verify.check('BATCH-PUT-APPLIES', () => expect(batch.status, 'a batch PUT replacing the mapping').toBe(200), batch);
      const reread = await api.get(ip);
      const prior = seconds(get.json?.result?.modified_on);
      const now = seconds(reread.json?.result?.modified_on);
      if (prior === undefined || now === undefined) verify.notApplicable('PUT-MODIFIED-ON-MONOTONIC', 'the target omits modified_on');
      else
        await verify.checkCell('PUT-MODIFIED-ON-MONOTONIC', 'batch-put:replace', () =>
          expect(now, `modified_on after the batch PUT replace (${reread.json?.result?.modified_on}) is not before the one before it (${get.json?.result?.modified_on})`).toBeGreaterThanOrEqual(prior),
        reread);
    },
  );

  test(
    'Repeating a PUT gives the same mapping (modified_on may stay or advance: INFO)',
    covers('PUT-IDEMPOTENT', 'PUT-MODIFIED-ON-REPEAT'),
    async ({ api, addresses, regions, verify }) => {
      const ip = addresses.fresh();
      const body = { origin_ip: ip, ...regions.pair(1) };
      const a = await api.put(ip, body);
      const b = await api.put(ip, body);
      const get = await api.get(ip);
      await verify.check('PUT-IDEMPOTENT', () => {
        expect([a.status, b.status], 'both PUTs answer 200').toEqual([200, 200]);
        const { origin_ip, vendor, region } = a.json!.result!;
        expect(b.json?.result, 'the repeat returns the same mapping').toMatchObject({ origin_ip, vendor, region });
        expect(get.json?.result, 'GET after the repeat returns the same mapping').toMatchObject({ origin_ip, vendor, region });
      });
      const t1 = a.json?.result?.modified_on;
      const t2 = b.json?.result?.modified_on;
      verify.observe(
        'PUT-MODIFIED-ON-REPEAT',
        t1 === undefined || t2 === undefined ? 'modified_on not returned' : t1 === t2 ? 'modified_on stayed' : `modified_on advanced (${t1} -> ${t2})`,
      );
    },
  );
});
