// DELETE /zones/{zone_id}/origin/cloud_regions/{origin_ip}: "The IP path parameter is normalized
// before lookup. Returns the deleted IP on success. Returns 404 if no mapping exists for the
// specified IP" (openapi.json); decision 8 for the 404 and its code. That a deleted mapping is no
// longer listed is checked with the zone-wide list tests (specs/list.spec.ts).
import { covers, expect, test } from '../fixtures';
import { errorCodes } from '../suite/judging/checks';
import { ipv4Address, ipv6Address } from '../suite/ip/arbitraries';
import { canonical, parseAddress } from '../suite/ip/oracle';
import { representativeSpellings } from '../suite/ip/spellings';
import { Code } from '../contract';

test.describe('DELETE one mapping', () => {
  test(
    'DELETE through another spelling answers 200 with the canonical origin_ip; the mapping is gone (GET 404), a neighbour is kept, and a second DELETE is 404 (code 1142 SHOULD)',
    covers('DELETE-REMOVES', 'DELETE-NOT-FOUND', 'DELETE-NOT-FOUND-CODE'),
    async ({ api, addresses, regions, verify }) => {
      const v6 = addresses.fresh(ipv6Address().map(canonical));
      const v4 = addresses.fresh(ipv4Address().map(canonical));
      const neighbour = addresses.fresh(ipv6Address().map(canonical));
      const pair = regions.pair(0);
      for (const ip of [v6, v4, neighbour]) {
        const put = await api.put(ip, { origin_ip: ip, ...pair });
        await verify.check('PUT-CREATE', () => expect(put.status, `PUT ${ip} before deleting it`).toBe(200));
      }
      // The IPv6 address is deleted through its zero-padded spelling, not the canonical text.
      const v6Spelling = representativeSpellings(parseAddress(v6)!).at(-1)!;
      for (const [ip, spelling] of [
        [v6, v6Spelling],
        [v4, v4],
      ]) {
        const del = await api.delete(spelling);
        await verify.check('DELETE-REMOVES', () => {
          expect(del.status, `DELETE through "${spelling}"`).toBe(200);
          expect(del.json?.result?.origin_ip, `DELETE through "${spelling}" names the canonical address`).toBe(ip);
        });
        const get = await api.get(ip);
        await verify.check('DELETE-REMOVES', () => expect(get.status, `GET of ${ip} after its DELETE`).toBe(404));
        const again = await api.delete(ip);
        await verify.check('DELETE-NOT-FOUND', () => {
          expect(again.status, `a second DELETE of ${ip}`).toBe(404);
          expect(again.json?.success, 'a failure envelope').toBe(false);
        });
        await verify.check('DELETE-NOT-FOUND-CODE', () => expect(errorCodes(again), `second DELETE of ${ip}: error codes`).toContain(Code.notFound));
      }
      const kept = await api.get(neighbour);
      await verify.check('DELETE-REMOVES', () =>
        expect(kept.json?.result, `${neighbour}, never deleted, keeps its mapping`).toMatchObject({ origin_ip: neighbour, ...pair }),
      );
      const last = await api.delete(neighbour);
      await verify.check('DELETE-REMOVES', () => expect(last.status, `DELETE of ${neighbour}`).toBe(200));
    },
  );

  test(
    'DELETE of an address that never held a mapping answers 404 with a failure envelope (code 1142 SHOULD)',
    covers('DELETE-NOT-FOUND', 'DELETE-NOT-FOUND-CODE'),
    async ({ api, addresses, verify }) => {
      const ip = addresses.fresh(ipv6Address().map(canonical));
      const del = await api.delete(ip);
      await verify.check('DELETE-NOT-FOUND', () => {
        expect(del.status, `DELETE of ${ip}, never mapped`).toBe(404);
        expect(del.json?.success, 'a failure envelope').toBe(false);
      });
      await verify.check('DELETE-NOT-FOUND-CODE', () => expect(errorCodes(del), 'error codes').toContain(Code.notFound));
    },
  );
});
