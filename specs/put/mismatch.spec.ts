// Path/body agreement (seed: "Returns 400 if the origin_ip in the body does not match the URL path
// parameter"; decision 1: judged on the address, not the spelling).
import fc from 'fast-check';
import { covers, expect, test } from '../../fixtures';
import { mixedNotation } from '../../suite/judging/checks';
import { addressWithSpelling, anyTestAddress, compatibleAddress, ipv6Address, mappedAddress } from '../../suite/ip/arbitraries';
import { canonical } from '../../suite/ip/oracle';
import { spellingOf } from '../../suite/ip/spellings';
import { runProperty } from '../../suite/judging/property';
import { Code } from '../../contract';

test.describe('PUT with a body origin_ip that differs from the path', () => {
  test(
    'two different addresses: 400 (code 1146 SHOULD), and neither address is stored',
    covers('PUT-MISMATCH-REJECTED', 'PUT-MISMATCH-CODE'),
    async ({ api, addresses, regions, verify }) => {
      const pathIp = addresses.fresh();
      const bodyIp = addresses.fresh();
      const res = await api.put(pathIp, { origin_ip: bodyIp, ...regions.pair(0) });
      await verify.check('PUT-MISMATCH-REJECTED', () => expect(res.status, 'a path/body mismatch answers 400').toBe(400));
      await verify.check('PUT-MISMATCH-CODE', () =>
        expect((res.json?.errors as Array<{ code?: number }> | undefined)?.map((e) => e.code), 'error codes').toContain(Code.invalidParameter),
      );
      for (const ip of [pathIp, bodyIp]) {
        const get = await api.get(ip);
        await verify.check('PUT-MISMATCH-REJECTED', () => expect(get.status, `nothing stored under ${ip} after the rejected PUT`).toBe(404));
      }
    },
  );

  test(
    'an existing mapping is left unchanged by a mismatched PUT to its address',
    covers('PUT-MISMATCH-REJECTED'),
    async ({ api, addresses, regions, verify }) => {
      const pathIp = addresses.fresh();
      const bodyIp = addresses.fresh();
      const before = regions.pair(0);
      await verify.check('PUT-CREATE', async () => expect((await api.put(pathIp, { origin_ip: pathIp, ...before })).status).toBe(200));
      const res = await api.put(pathIp, { origin_ip: bodyIp, ...regions.other(before) });
      await verify.check('PUT-MISMATCH-REJECTED', () => expect(res.status, 'a path/body mismatch answers 400').toBe(400));
      const get = await api.get(pathIp);
      await verify.check('PUT-MISMATCH-REJECTED', () =>
        expect(mixedNotation(get.json?.result), 'the existing mapping keeps its vendor and region').toMatchObject({ origin_ip: pathIp, ...before }),
      );
      const other = await api.get(bodyIp);
      await verify.check('PUT-MISMATCH-REJECTED', () => expect(other.status, `nothing stored under the body's ${bodyIp}`).toBe(404));
    },
  );

  test(
    'for any two different addresses in any spellings, the PUT is rejected with 400 and stores neither',
    covers('PUT-MISMATCH-REJECTED'),
    async ({ api, addresses, regions, verify, ctx, lanes }, testInfo) => {
      const pairOfAddresses = fc
        .tuple(addressWithSpelling(anyTestAddress(ctx.addressBias)), addressWithSpelling(anyTestAddress(ctx.addressBias)))
        .filter(([a, b]) => a.canonical !== b.canonical)
        .map(([a, b]) => ({ path: a.spelling, pathCanonical: a.canonical, body: b.spelling, bodyCanonical: b.canonical }));
      await runProperty(
        { verify, ctx, testInfo },
        pairOfAddresses,
        async (c) => {
          fc.pre(await addresses.use(c.pathCanonical, c.bodyCanonical));
          const res = await api.put(c.path, { origin_ip: c.body, ...regions.pair(0) });
          await verify.check('PUT-MISMATCH-REJECTED', () => expect(res.status, 'a path/body mismatch answers 400').toBe(400));
          for (const ip of [c.pathCanonical, c.bodyCanonical]) {
            const get = await api.get(ip);
            await verify.check('PUT-MISMATCH-REJECTED', () => expect(get.status, `nothing stored under ${ip}`).toBe(404));
          }
        },
        {
          numRuns: Math.max(3, Math.ceil(ctx.numRuns / 4)),
          describe: (c) => `path "${c.path}", body origin_ip "${c.body}"`,
          addressesOf: (c) => [c.pathCanonical, c.bodyCanonical],
          lanes,
        },
      );
    },
  );
});

test.describe('PUT with a body origin_ip that spells the path address differently', () => {
  test(
    'a case-only difference (path in upper case, body in lower case) is accepted (SHOULD) and makes one mapping',
    covers('PUT-SAME-ADDRESS-SPELLING', 'IP-ONE-MAPPING-PER-ADDRESS'),
    async ({ api, addresses, regions, verify }) => {
      // Fixed, in every profile: decision 1's own example is path 2001:DB8::1 with body 2001:db8::1.
      const ip = addresses.fresh(ipv6Address().map((a) => canonical(a)));
      const upper = ip.toUpperCase();
      const res = await api.put(upper, { origin_ip: ip, ...regions.pair(0) });
      const accepted = await verify.check('PUT-SAME-ADDRESS-SPELLING', () =>
        expect(res.status, `path "${upper}" with body origin_ip "${ip}" is accepted`).toBe(200), res);
      if (!accepted) {
        await verify.check('PUT-MISMATCH-REJECTED', () => expect(res.status, 'a rejection is still a 4xx').toBeGreaterThanOrEqual(400), res);
        return;
      }
      const del = await api.delete(upper);
      await verify.check('IP-ONE-MAPPING-PER-ADDRESS', () => expect(del.status, `DELETE "${upper}" finds the mapping`).toBe(200), del);
      const again = await api.get(ip);
      await verify.check('IP-ONE-MAPPING-PER-ADDRESS', () => expect(again.status, `no second mapping under "${ip}"`).toBe(404), again);
    },
  );

  test(
    'is accepted (SHOULD) and stores the canonical address once',
    covers('PUT-SAME-ADDRESS-SPELLING', 'IP-ONE-MAPPING-PER-ADDRESS'),
    async ({ api, addresses, regions, verify, ctx, lanes }, testInfo) => {
      // IPv6 only: an IPv4 address has a single legal spelling.
      const arb = addressWithSpelling(fc.oneof(ipv6Address(), mappedAddress(), compatibleAddress())).chain((a) =>
        spellingOf(a.address)
          .filter((s) => s !== a.spelling)
          .map((other) => ({ canonical: a.canonical, path: a.spelling, body: other })),
      );
      await runProperty(
        { verify, ctx, testInfo },
        arb,
        async (c) => {
          fc.pre(await addresses.use(c.canonical));
          const res = await api.put(c.path, { origin_ip: c.body, ...regions.pair(0) });
          const accepted = await verify.check('PUT-SAME-ADDRESS-SPELLING', () =>
            expect(res.status, 'the same address in another spelling is accepted').toBe(200),
          );
          if (!accepted) {
            await verify.check('PUT-MISMATCH-REJECTED', () =>
              expect(res.status, 'a rejection is still a 4xx').toBeGreaterThanOrEqual(400),
            );
            return;
          }
          const del = await api.delete(c.canonical);
          await verify.check('IP-ONE-MAPPING-PER-ADDRESS', () => expect(del.status, 'the mapping is found under its canonical text').toBe(200));
          const again = await api.get(c.body);
          await verify.check('IP-ONE-MAPPING-PER-ADDRESS', () => expect(again.status, 'no second mapping under the body spelling').toBe(404));
        },
        {
          numRuns: Math.max(3, Math.ceil(ctx.numRuns / 4)),
          describe: (c) => `path "${c.path}", body origin_ip "${c.body}"`,
          addressesOf: (c) => [c.canonical],
          lanes,
        },
      );
    },
  );
});
