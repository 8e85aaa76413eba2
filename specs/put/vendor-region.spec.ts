// Vendor and region validation against GET .../supported_regions, fetched once per run at preflight
// (never hard-coded): seed "The vendor and region are validated against the list from
// GET /zones/{zone_id}/origin/cloud_regions/supported_regions"; decision 10.
import { Code, MAX_BATCH } from '../../contract';
import { cells, covers, expect, test, type Pair } from '../../fixtures';
import { entryFor } from '../../suite/judging/batch-results';
import { checkStored, errorCodes } from '../../suite/judging/checks';
import type { Regions } from '../../suite/run/regions';
import { knobs } from '../../suite/config/profile';

test.describe('PUT vendor and region', () => {
  test(
    'every vendor/region pair that supported_regions lists is accepted',
    covers('PUT-VENDOR-REGION-VALID'),
    async ({ api, addresses, regions, verify, ctx }) => {
      const ip = addresses.fresh();
      // One by one: every pair, or the first region of each vendor and a spread of the rest.
      const single = knobs(ctx.profile).vendorRegionSingle;
      const pairs =
        single === 'all'
          ? regions.pairs
          : regions.pairs.filter((p, i, all) => all.findIndex((q) => q.vendor === p.vendor) === i || i % single.everyNth === 0);
      for (const pair of pairs) {
        const res = await api.put(ip, { origin_ip: ip, ...pair });
        await verify.check('PUT-VENDOR-REGION-VALID', () => {
          expect(res.status, `PUT with listed pair ${pair.vendor}/${pair.region}`).toBe(200);
          expect(res.json?.result, 'the mapping names the pair sent').toMatchObject(pair);
        });
      }
      // Every other pair is still tried, one address each, 100 to a batch PUT: a
      // validator with a table older than supported_regions shows on the pairs the spread skipped.
      const rest = regions.pairs.filter((p) => !pairs.includes(p));
      for (let i = 0; i < rest.length; i += MAX_BATCH) {
        const chunk = rest.slice(i, i + MAX_BATCH).map((pair) => ({ origin_ip: addresses.fresh(), ...pair }));
        const res = await api.batchPut(chunk);
        await verify.check('PUT-VENDOR-REGION-VALID', () => {
          expect(res.status, `batch PUT of ${chunk.length} listed pairs`).toBe(200);
          const failed = (res.json?.result?.failed ?? []).map((f) => `${f.origin_ip}: ${f.error ?? 'failed'}`);
          expect(failed, 'no item with a listed pair fails').toEqual([]);
        });
      }
    },
  );

  test(
    'an unknown vendor, a vendor in other letter case, an unlisted region or a region of another vendor is a 4xx (code 1157 SHOULD) and stores nothing',
    cells(covers('PUT-VENDOR-REGION-INVALID', 'PUT-VENDOR-REGION-CODE'), 'PUT-VENDOR-REGION-INVALID', ['put:body']),
    async ({ api, addresses, regions, verify }) => {
      const ip = addresses.fresh();
      for (const c of invalidPairs(regions)) {
        const res = await api.put(ip, { origin_ip: ip, ...c.body });
        await verify.checkCell('PUT-VENDOR-REGION-INVALID', 'put:body', () =>
          expect(res.status, `${c.name} (${c.body.vendor}/${c.body.region}) is rejected with a 4xx`).toBeGreaterThanOrEqual(400),
        );
        await verify.check('PUT-VENDOR-REGION-CODE', () => expect(errorCodes(res), `${c.name}: error codes`).toContain(Code.unsupportedRegion));
      }
      await checkStored(verify, 'PUT-VENDOR-REGION-INVALID', api, ip, null, 'after every invalid vendor/region');
    },
  );

  test(
    'an invalid vendor/region leaves an existing mapping unchanged',
    covers('PUT-VENDOR-REGION-INVALID'),
    async ({ api, addresses, regions, verify }) => {
      const ip = addresses.fresh();
      const valid = regions.pair(0);
      await verify.check('PUT-CREATE', async () => expect((await api.put(ip, { origin_ip: ip, ...valid })).status).toBe(200));
      const res = await api.put(ip, { origin_ip: ip, vendor: valid.vendor, region: 'no-such-region-9' });
      await verify.check('PUT-VENDOR-REGION-INVALID', () => expect(res.status, 'unlisted region is a 4xx').toBeGreaterThanOrEqual(400));
      await checkStored(verify, 'PUT-VENDOR-REGION-INVALID', api, ip, valid, 'after a rejected replace');
    },
  );

  test(
    'the same invalid vendor/region pairs as batch PUT items are each refused (listed in failed, or the whole batch a 4xx) and store nothing, and one does not replace an existing mapping',
    cells(covers('PUT-VENDOR-REGION-INVALID'), 'PUT-VENDOR-REGION-INVALID', ['batch-put:item']),
    async ({ api, addresses, regions, verify }) => {
      // Decision 10 names no operation: the batch PUT validates each item as the PUT validates its body.
      const valid = regions.pair(0);
      const existing = addresses.fresh();
      const created = await api.put(existing, { origin_ip: existing, ...valid });
      await verify.check('PUT-CREATE', () => expect(created.status, `PUT ${existing}`).toBe(200));
      const cases = invalidPairs(regions);
      const items = cases.map((c, i) => ({ ...c, origin_ip: i === 0 ? existing : addresses.fresh() }));
      const res = await api.batchPut(items.map((c) => ({ origin_ip: c.origin_ip, ...c.body })));
      for (const c of items)
        await verify.checkCell('PUT-VENDOR-REGION-INVALID', 'batch-put:item', () => {
          if (res.status === 200) {
            expect(entryFor(res.json?.result?.failed, c.origin_ip), `${c.name} (${c.body.vendor}/${c.body.region}): listed in failed`).toBeDefined();
            expect(entryFor(res.json?.result?.succeeded, c.origin_ip), `${c.name}: not listed in succeeded`).toBeUndefined();
          } else expect(res.status, `a batch PUT of invalid vendor/region items: a 4xx (saw ${res.status})`).toBeGreaterThanOrEqual(400);
        }, res);
      for (const c of items) {
        const get = await api.get(c.origin_ip);
        await verify.checkCell('PUT-VENDOR-REGION-INVALID', 'batch-put:item', () => {
          if (c.origin_ip === existing) expect(get.json?.result, `${existing} keeps its mapping after the item ${c.name}`).toMatchObject(valid);
          else expect(get.status, `nothing stored under ${c.origin_ip} by the item ${c.name}`).toBe(404);
        }, get);
      }
    },
  );
});

/**
 * Vendor/region pairs decision 10 rejects: an unknown vendor, the vendor in other letter case, a
 * region unknown to every vendor or in other letter case, an empty region, and a region that another
 * vendor lists and this one does not. Pairs that supported_regions lists after all are left out.
 */
function invalidPairs(regions: Regions): Array<{ name: string; body: Pair }> {
  const valid = regions.pair(0);
  const cases: Array<{ name: string; body: Pair }> = [
    { name: 'unknown vendor', body: { vendor: 'example-cloud', region: valid.region } },
    { name: 'vendor in upper case', body: { vendor: valid.vendor.toUpperCase(), region: valid.region } },
    { name: 'vendor with a capital', body: { vendor: valid.vendor[0]!.toUpperCase() + valid.vendor.slice(1), region: valid.region } },
    { name: 'region unknown to every vendor', body: { vendor: valid.vendor, region: 'no-such-region-9' } },
    { name: 'region in other letter case', body: { vendor: valid.vendor, region: swapCase(valid.region) } },
    { name: 'empty region', body: { vendor: valid.vendor, region: '' } },
  ];
  const foreign = regions.pairs.find((p) => p.vendor !== valid.vendor && !regions.pairs.some((q) => q.vendor === valid.vendor && q.region === p.region));
  if (foreign) cases.push({ name: `region ${foreign.region} of ${foreign.vendor}`, body: { vendor: valid.vendor, region: foreign.region } });
  return cases.filter((c) => !regions.pairs.some((p) => p.vendor === c.body.vendor && p.region === c.body.region));
}

function swapCase(s: string): string {
  const swapped = [...s].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join('');
  return swapped === s ? `${s}X` : swapped;
}
