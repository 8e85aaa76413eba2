// GET /zones/{zone_id}/origin/cloud_regions/{origin_ip}: "The IP path parameter is normalized before
// lookup (RFC 5952 for IPv6). Returns 404 if the zone has no mappings or if the specified IP has no
// mapping" (openapi.json); decision 8 for the 404 and its code.
import { covers, expect, test } from '../fixtures';
import { errorCodes } from '../suite/judging/checks';
import { ipv4Address, ipv6Address } from '../suite/ip/arbitraries';
import { canonical, parseAddress } from '../suite/ip/oracle';
import { representativeSpellings } from '../suite/ip/spellings';
import { knobs } from '../suite/config/profile';
import { Code } from '../contract';

test.describe('GET one mapping', () => {
  test(
    'GET through the canonical text or any other spelling of a mapped address answers 200 with the canonical mapping PUT stored',
    covers('GET-FOUND'),
    async ({ api, addresses, regions, verify, ctx }) => {
      const v6 = addresses.fresh(ipv6Address().map(canonical));
      const v4 = addresses.fresh(ipv4Address().map(canonical));
      const spellings = representativeSpellings(parseAddress(v6)!);
      // Every spelling, or the canonical text, the upper-case and the zero-padded form.
      const v6Reads = knobs(ctx.profile).getEverySpelling ? spellings : [v6, ...spellings.slice(-2)];
      for (const [i, [ip, reads]] of ([[v6, v6Reads], [v4, [v4]]] as const).entries()) {
        const pair = regions.pair(i);
        const put = await api.put(ip, { origin_ip: ip, ...pair });
        await verify.check('PUT-CREATE', () => expect(put.status, `PUT ${ip} before reading it`).toBe(200));
        for (const spelling of reads) {
          const get = await api.get(spelling);
          await verify.check('GET-FOUND', () => {
            expect(get.status, `GET through "${spelling}"`).toBe(200);
            expect(get.json?.result, `GET through "${spelling}" returns the mapping of ${ip}`).toMatchObject({ origin_ip: ip, ...pair });
          });
        }
      }
    },
  );

  test(
    'GET of an address that holds no mapping answers 404 with a failure envelope (code 1142 SHOULD)',
    covers('GET-NOT-FOUND', 'GET-NOT-FOUND-CODE'),
    async ({ api, addresses, verify }) => {
      for (const ip of [addresses.fresh(ipv6Address().map(canonical)), addresses.fresh(ipv4Address().map(canonical))]) {
        const get = await api.get(ip);
        await verify.check('GET-NOT-FOUND', () => {
          expect(get.status, `GET of ${ip}, never mapped`).toBe(404);
          expect(get.json?.success, 'a failure envelope').toBe(false);
        });
        await verify.check('GET-NOT-FOUND-CODE', () => expect(errorCodes(get), `GET of ${ip}: error codes`).toContain(Code.notFound));
      }
    },
  );
});
