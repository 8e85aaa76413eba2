// RFC 5952 normalization (seed: "The IP path parameter is normalized to canonical form (RFC 5952 for
// IPv6) before storage"; decision 5 for IPv4-mapped addresses). The expected text comes from the
// suite's own oracle (suite/ip/oracle.ts), checked against RFC 5952's examples and Python's ipaddress.
import fc from 'fast-check';
import { covers, expect, test } from '../../fixtures';
import type { BatchResult } from '../../contract';
import type { ApiResponse } from '../../suite/transport/client';
import type { AddressKind } from '../../suite/config/config';
import { addressWithSpelling, anyTestAddress, ipv4Address, mappedAddress, nonZeroGroup } from '../../suite/ip/arbitraries';
import { checkCanonical } from '../../suite/judging/checks';
import { canonical, compatibleOf, embeddedIPv4, fromGroups, mappedOf, nat64Of, parseAddress, translatedOf, type Address, type IPv4Address, type IPv6Address } from '../../suite/ip/oracle';
import { canonicalChoice, spell, spellingOf, type SpellingChoice } from '../../suite/ip/spellings';
import { knobs } from '../../suite/config/profile';
import { propertySeed, runProperty, specTitlePath } from '../../suite/judging/property';
import type { Verifier } from '../../suite/judging/verify';

const spelledThreeWays = (bias: AddressKind | undefined) =>
  addressWithSpelling(anyTestAddress(bias)).chain((a) =>
  fc.tuple(spellingOf(a.address), spellingOf(a.address)).map(([getAs, deleteAs]) => ({
    canonical: a.canonical,
    putAs: a.spelling,
    getAs,
    deleteAs,
  })),
);

test.describe('IP normalization', () => {
  test(
    'for any address and any of its spellings, PUT stores the canonical text; GET, a second PUT and DELETE through other spellings find that one mapping',
    covers('IP-CANONICAL-IPV6', 'IP-CANONICAL-IPV4', 'IP-MAPPED-MIXED', 'IP-ONE-MAPPING-PER-ADDRESS', 'GET-FOUND', 'DELETE-REMOVES'),
    async ({ api, addresses, regions, verify, ctx, lanes }, testInfo) => {
      await runProperty(
        { verify, ctx, testInfo },
        spelledThreeWays(ctx.addressBias),
        async (c) => {
          fc.pre(await addresses.use(c.canonical));
          const addr = parseAddress(c.canonical)!;
          const first = regions.pair(0);
          const put = await api.put(c.putAs, { origin_ip: c.putAs, ...first });
          await verify.check('PUT-CREATE', () => expect(put.status, `PUT through "${c.putAs}"`).toBe(200));
          await checkCanonical(verify, addr, put.json?.result?.origin_ip, put, `PUT through "${c.putAs}"`);
          const get = await api.get(c.getAs);
          await verify.check('GET-FOUND', () => expect(get.status, `GET through "${c.getAs}"`).toBe(200));
          await checkCanonical(verify, addr, get.json?.result?.origin_ip, get, `GET through "${c.getAs}"`);
          const second = regions.other(first);
          const again = await api.put(c.getAs, { origin_ip: c.getAs, ...second });
          await verify.check('PUT-REPLACE', () => expect(again.status, `second PUT through "${c.getAs}"`).toBe(200));
          const del = await api.delete(c.deleteAs);
          await verify.check('DELETE-REMOVES', () => expect(del.status, `DELETE through "${c.deleteAs}"`).toBe(200));
          await checkCanonical(verify, addr, del.json?.result?.origin_ip, del, `DELETE through "${c.deleteAs}"`);
          const after = await api.get(c.putAs);
          await verify.check('IP-ONE-MAPPING-PER-ADDRESS', () =>
            expect(after.status, `after one DELETE no mapping is left under "${c.putAs}": the spellings made one mapping`).toBe(404),
          );
        },
        {
          describe: (c) => `address ${c.canonical}: PUT "${c.putAs}", GET/PUT "${c.getAs}", DELETE "${c.deleteAs}"`,
          addressesOf: (c) => [c.canonical],
          lanes,
        },
      );
    },
  );

  test(
    'batch PUT and batch DELETE normalize every spelling in bulk',
    covers('IP-CANONICAL-IPV6', 'IP-CANONICAL-IPV4', 'BATCH-PUT-APPLIES', 'BATCH-DELETE-APPLIES'),
    async ({ api, addresses, regions, verify, ctx }, testInfo) => {
      const { size, rounds } = knobs(ctx.profile).bulkNormalization;
      const seed = propertySeed(ctx.seed, specTitlePath(testInfo).join(' > '));
      for (let round = 0; round < rounds; round++) {
        const items = fc
          .sample(spelledThreeWays(ctx.addressBias), { seed: seed + round, numRuns: Math.ceil(size * 1.3) })
          .filter((c, i, all) => all.findIndex((d) => d.canonical === c.canonical) === i)
          .filter((c) => addresses.claim(c.canonical))
          .slice(0, size);
        const pair = regions.pair(round);
        const put = await api.batchPut(items.map((c) => ({ origin_ip: c.putAs, ...pair })));
        await verify.check('BATCH-PUT-APPLIES', () => {
          expect(put.status, 'batch PUT of valid items').toBe(200);
          expect(put.json?.result?.failed, 'no valid item fails').toEqual([]);
        });
        await checkNamed(verify, 'BATCH-PUT-APPLIES', items.map((c) => [c.canonical, c.putAs]), put, 'batch PUT');
        const del = await api.batchDelete(items.map((c) => c.deleteAs));
        await verify.check('BATCH-DELETE-APPLIES', () => expect(del.status, 'batch DELETE of existing addresses').toBe(200));
        await checkNamed(verify, 'BATCH-DELETE-APPLIES', items.map((c) => [c.canonical, c.deleteAs]), del, 'batch DELETE');
      }
    },
  );

  test(
    'fixed spellings a lenient parser gets wrong are always sent: ::a.b.c.d is the IPv4-compatible ::xxxx:yyyy (never the mapped ::ffff:a.b.c.d), ::ffff:0:a.b.c.d the IPv4-translated ::ffff:0:xxxx:yyyy (never the mapped one), 64:ff9b::a.b.c.d the NAT64 64:ff9b::xxxx:yyyy (never the IPv4 a.b.c.d), a mapped address in hex, the first of equal zero runs, the longer of two runs, a lone zero group; by PUT and by batch PUT',
    covers('IP-CANONICAL-IPV6', 'IP-MAPPED-MIXED', 'IP-EMBEDDED-HEX', 'BATCH-PUT-APPLIES'),
    async ({ api, addresses, regions, verify }) => {
      // Not left to the properties' draw (a budget run may never spell ::a.b.c.d): ipaddr.js turns it
      // into ::ffff:a.b.c.d, another address (spec/README.md, ipaddr.js notes).
      const compatiblePair = () => {
        for (let i = 0; i < 50; i++) {
          const mapped = parseAddress(addresses.fresh(mappedAddress().map((a) => canonical(a)))) as IPv6Address;
          const compatible = compatibleOf(embeddedIPv4(mapped));
          if (addresses.claim(canonical(compatible))) return { mapped, compatible, v4: canonical(embeddedIPv4(mapped)) };
        }
        throw new Error('no free pair of documentation-range mapped and compatible addresses');
      };
      // Decision 5's other well-known prefixes: hex is the SHOULD, the same 128-bit address the MUST
      // (a translated address read as the mapped one, or a NAT64 one as its IPv4, is another address).
      const embeddedTrio = () => {
        for (let i = 0; i < 50; i++) {
          const v4 = parseAddress(addresses.fresh(ipv4Address().map((a) => canonical(a)))) as IPv4Address;
          const [translated, nat64, mapped] = [translatedOf(v4), nat64Of(v4), mappedOf(v4)];
          if ([translated, nat64, mapped].every((a) => addresses.claim(canonical(a)))) return { v4, translated, nat64, mapped };
        }
        throw new Error('no free documentation-range IPv4 address with its translated, NAT64 and mapped forms');
      };
      const equalRuns = parseAddress(addresses.fresh(fc.tuple(nonZeroGroup(), nonZeroGroup()).map(([x, y]) => canonical(fromGroups([0x2001, 0xdb8, 0, 0, x, 0, 0, y])))))!;
      const shorterRunFirst = parseAddress(addresses.fresh(nonZeroGroup().map((x) => canonical(fromGroups([0x2001, 0xdb8, 0, 0, x, 0, 0, 0])))))!;
      const loneZero = parseAddress(addresses.fresh(fc.array(nonZeroGroup(), { minLength: 5, maxLength: 5 }).map((g) => canonical(fromGroups([0x2001, 0xdb8, 0, ...g])))))!;
      const a = compatiblePair();
      const b = compatiblePair();
      // Spelled from the canonical choice with one thing changed (suite/ip/spellings.ts).
      const changed = (addr: Address, change: Partial<SpellingChoice>) => ({ addr, spelling: spell(addr, { ...canonicalChoice(addr), ...change }) });
      const trio = embeddedTrio();
      const examples: Array<{ addr: Address; spelling: string; not?: Address }> = [
        { addr: a.compatible, spelling: `::${a.v4}`, not: a.mapped },
        { addr: trio.translated, spelling: `::ffff:0:${canonical(trio.v4)}`, not: trio.mapped },
        { addr: trio.nat64, spelling: `64:ff9b::${canonical(trio.v4)}`, not: trio.v4 },
        changed(a.mapped, { dottedTail: false, upper: [15, 15, 15, 15, 15, 15, 15, 15] }), // ::FFFF:C000:201
        changed(equalRuns, { compress: null }), // 2001:db8:0:0:x:0:0:y
        changed(loneZero, { pad: [0, 0, 3, 0, 0, 0, 0, 0] }), // 2001:db8:0000:...
        // Two runs, the shorter first: only the longer (the last three groups) is compressed.
        changed(shorterRunFirst, { compress: null }),
      ];
      const pair = regions.pair(0);
      for (const e of examples) {
        const put = await api.put(e.spelling, { origin_ip: e.spelling, ...pair });
        await verify.check('PUT-CREATE', () => expect(put.status, `PUT through "${e.spelling}"`).toBe(200));
        await checkCanonical(verify, e.addr, put.json?.result?.origin_ip, put, `PUT through "${e.spelling}"`);
        if (e.not) {
          const other = await api.get(canonical(e.not));
          await verify.check('IP-CANONICAL-IPV6', () =>
            expect(other.status, `"${e.spelling}" is ${canonical(e.addr)}: nothing is stored under ${canonical(e.not!)}, another address`).toBe(404),
          other);
        }
      }
      // The batch endpoint normalizes too: the other pair's compatible address, dotted.
      const items: Array<[string, string]> = [[canonical(b.compatible), `::${b.v4}`]];
      const put = await api.batchPut(items.map(([, sent]) => ({ origin_ip: sent, ...pair })));
      await verify.check('BATCH-PUT-APPLIES', () => expect(put.status, 'batch PUT of ::a.b.c.d').toBe(200));
      await checkNamed(verify, 'BATCH-PUT-APPLIES', items, put, 'batch PUT');
      const mapped = await api.get(canonical(b.mapped));
      await verify.check('IP-CANONICAL-IPV6', () =>
        expect(mapped.status, `batch PUT of "::${b.v4}": nothing is stored under the mapped ${canonical(b.mapped)}`).toBe(404),
      mapped);
    },
  );
});

/** Every item sent must come back in `succeeded`, named by its canonical text. */
async function checkNamed(verify: Verifier, id: string, items: Array<[string, string]>, res: ApiResponse<BatchResult>, what: string) {
  const succeeded = res.json?.result?.succeeded ?? [];
  for (const [canon, sent] of items) {
    const addr = parseAddress(canon)!;
    const entry = succeeded.find((s) => {
      const a = typeof s?.origin_ip === 'string' ? parseAddress(s.origin_ip) : null;
      return a !== null && canonical(a) === canon;
    });
    const found = await verify.check(id, () => expect(entry, `${what}: "${sent}" is listed in succeeded`).toBeDefined(), res);
    if (found) await checkCanonical(verify, addr, entry!.origin_ip, res, `${what} of "${sent}"`);
  }
}
