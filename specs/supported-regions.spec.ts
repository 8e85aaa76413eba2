// GET /zones/{zone_id}/origin/cloud_regions/supported_regions: "Returns the cloud vendors and regions
// that are valid values for origin cloud region mappings. Each region includes the Tiered Cache
// upper-tier colocation codes" (openapi.json, cache-rules_supported_cloud_regions_result). The
// response schema is checked for every response by the api fixture; these tests check what the
// schema leaves open (vendors is an open map) and that the list is usable.
import { covers, expect, test } from '../fixtures';
import { ipv6Address } from '../suite/ip/arbitraries';
import { canonical } from '../suite/ip/oracle';

const ENUM = ['aws', 'azure', 'gcp', 'oci'];

test.describe('supported regions', () => {
  test(
    'supported_regions answers 200 with obtained_codes a boolean and, per vendor, regions that each have a name and an array of colo codes; every vendor key is aws, azure, gcp or oci (SHOULD: vendors is an open map)',
    covers('REGIONS-SHAPE', 'REGIONS-VENDOR-ENUM'),
    async ({ api, verify }) => {
      const res = await api.supportedRegions();
      const result = res.json?.result as { obtained_codes?: unknown; vendors?: unknown } | undefined;
      await verify.check('REGIONS-SHAPE', () => {
        expect(res.status, 'supported_regions').toBe(200);
        expect(typeof result?.obtained_codes, 'obtained_codes is a boolean').toBe('boolean');
        expect(typeof result?.vendors === 'object' && result.vendors !== null && !Array.isArray(result.vendors), 'vendors is an object').toBe(true);
        for (const [vendor, list] of Object.entries(result!.vendors as Record<string, unknown>)) {
          expect(Array.isArray(list), `vendors.${vendor} is an array of regions`).toBe(true);
          for (const [i, region] of (list as Array<{ name?: unknown; upper_tier_colos?: unknown }>).entries()) {
            expect(typeof region?.name === 'string' && region.name !== '', `vendors.${vendor}[${i}] has a non-empty name`).toBe(true);
            expect(Array.isArray(region?.upper_tier_colos), `vendors.${vendor}[${i}] (${String(region?.name)}) has an array upper_tier_colos`).toBe(true);
            for (const colo of region.upper_tier_colos as unknown[])
              expect(typeof colo, `vendors.${vendor}[${i}] (${String(region.name)}): every colo code is a string`).toBe('string');
          }
        }
      });
      await verify.check('REGIONS-VENDOR-ENUM', () =>
        expect(Object.keys(result!.vendors as object).filter((v) => !ENUM.includes(v)), 'vendor keys outside aws, azure, gcp, oci').toEqual([]),
      );
    },
  );

  test(
    'supported_regions lists at least one region of a mapping vendor, and a mapping to it is accepted',
    covers('REGIONS-NOT-EMPTY', 'PUT-VENDOR-REGION-VALID'),
    async ({ api, addresses, verify }) => {
      const res = await api.supportedRegions();
      const vendors = ((res.json?.result as { vendors?: unknown } | undefined)?.vendors ?? {}) as Record<string, Array<{ name?: unknown }>>;
      const pairs = ENUM.flatMap((vendor) =>
        (Array.isArray(vendors[vendor]) ? vendors[vendor]! : []).flatMap((r) => (typeof r?.name === 'string' ? [{ vendor, region: r.name }] : [])),
      );
      await verify.check('REGIONS-NOT-EMPTY', () => expect(pairs.length, 'regions listed for aws, azure, gcp or oci').toBeGreaterThan(0));
      const ip = addresses.fresh(ipv6Address().map(canonical));
      const put = await api.put(ip, { origin_ip: ip, ...pairs[0]! });
      await verify.check('PUT-VENDOR-REGION-VALID', () => expect(put.status, `PUT with the first listed pair ${pairs[0]!.vendor}/${pairs[0]!.region}`).toBe(200));
      const del = await api.delete(ip);
      await verify.check('DELETE-REMOVES', () => expect(del.status, `DELETE of ${ip}`).toBe(200));
    },
  );
});
