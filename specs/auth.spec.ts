// Authentication and zones. Decision 11: "Auth failures MUST be 400/401/403 with success: false and a
// non-empty errors array; their messages/result keys may be absent" (hence authFailureExpected, which
// relaxes the envelope check to exactly that). Which of 400/401/403 is open (observed: 400 without
// credentials or with a malformed header, 403 or 401 for a bad token). A refused request changes
// nothing: that is checked with the real token afterwards. Decision 12: "Mappings of one zone MUST NOT
// be visible or counted in another zone" (needs CONFORMANCE_ZONE_ID_B; the embedded target has one).
import { covers, expect, test, zoneWide, type AddressBook, type Pair } from '../fixtures';
import { checkAbsentByDelete } from '../fixtures/checks';
import type { ApiClient, ApiResponse, SendOptions } from '../suite/client';
import { ipv6Address } from '../suite/ip/arbitraries';
import { canonical } from '../suite/ip/oracle';
import type { Mapping } from '../contract';
import { knobs } from '../suite/profile';
import type { Verifier } from '../suite/verify';

interface BadCredentials {
  name: string;
  opts: SendOptions;
  /** Sent only with the knob authEveryVariant (suite/profile.ts). */
  full?: boolean;
}

// noAuth: the transport adds no token; a given Authorization header is sent as is.
const refused = (headers?: Record<string, string>): SendOptions => ({ noAuth: true, headers, authFailureExpected: true });

const MATRIX: Array<{ id: string; what: string; variants: (token: string) => BadCredentials[] }> = [
  {
    id: 'AUTH-NO-CREDENTIALS',
    what: 'a request without credentials',
    variants: () => [{ name: 'no Authorization header', opts: refused() }],
  },
  {
    id: 'AUTH-MALFORMED',
    what: 'a malformed Authorization header',
    variants: () => [
      { name: 'Authorization "Bearer" (no token)', opts: refused({ authorization: 'Bearer' }) },
      { name: 'Authorization "Basic abc" (another scheme)', opts: refused({ authorization: 'Basic abc' }) },
      { name: 'Authorization "Bearer  a b" (two spaces, two words)', opts: refused({ authorization: 'Bearer  a b' }), full: true },
    ],
  },
  {
    id: 'AUTH-WRONG-TOKEN',
    what: 'a wrong token',
    variants: (token) => [
      { name: 'a bearer token that does not exist', opts: refused({ authorization: 'Bearer wrong-token' }) },
      // Catches a comparison by prefix; the header is redacted in every output like the token itself.
      { name: 'the real token with one character appended', opts: refused({ authorization: `Bearer ${token}x` }) },
      {
        name: 'a legacy X-Auth-Email/X-Auth-Key pair with a wrong key',
        opts: refused({ 'x-auth-email': 'nobody@example.com', 'x-auth-key': 'wrong-key' }),
        full: true,
      },
    ],
  },
];

type Operation = { name: string; full?: boolean; send: (opts: SendOptions) => Promise<ApiResponse> };

function operations(api: ApiClient, existing: string, fresh: string, pair: Pair): Operation[] {
  return [
    { name: `GET ${existing}`, send: (o) => api.get(existing, o) },
    { name: `PUT ${fresh}`, send: (o) => api.put(fresh, { origin_ip: fresh, ...pair }, o) },
    { name: `DELETE ${existing}`, send: (o) => api.delete(existing, o) },
    { name: 'list', full: true, send: (o) => api.list({}, o) },
    { name: 'supported_regions', full: true, send: (o) => api.supportedRegions(o) },
    { name: `batch PUT [${fresh}]`, full: true, send: (o) => api.batchPut([{ origin_ip: fresh, ...pair }], o) },
    { name: `batch DELETE [${existing}]`, full: true, send: (o) => api.batchDelete([existing], o) },
  ];
}

async function checkRefused(verify: Verifier, id: string, res: ApiResponse, what: string) {
  await verify.check(id, () => {
    expect([400, 401, 403], `${what}: refused with 400, 401 or 403 (saw ${res.status})`).toContain(res.status);
    expect(res.json?.success, `${what}: success false`).toBe(false);
    expect(Array.isArray(res.json?.errors) && (res.json!.errors as unknown[]).length > 0, `${what}: a non-empty errors array`).toBe(true);
  });
}

test.describe('authentication', () => {
  for (const row of MATRIX) {
    test(
      `${row.what} is refused with 400, 401 or 403, success false and errors (messages and result may be absent), on reads and writes, and changes nothing`,
      covers(row.id),
      async ({ api, addresses, regions, verify, ctx }) => {
        const existing = addresses.fresh(ipv6Address().map(canonical));
        const fresh = addresses.fresh(ipv6Address().map(canonical));
        const pair = regions.pair(0);
        const put = await api.put(existing, { origin_ip: existing, ...pair });
        await verify.check('PUT-CREATE', () => expect(put.status, `PUT ${existing} with the real token`).toBe(200));
        // Every operation with every variant, or (knobs off) one read and two writes per variant and
        // the variants not marked full.
        const k = knobs(ctx.profile);
        const ops = operations(api, existing, fresh, regions.other(pair)).filter((o) => k.authEveryOperation || !o.full);
        for (const variant of row.variants(ctx.token).filter((v) => k.authEveryVariant || !v.full)) {
          for (const op of ops) await checkRefused(verify, row.id, await op.send(variant.opts), `${op.name} with ${variant.name}`);
        }
        const kept = await api.get(existing);
        await verify.check(row.id, () =>
          expect(kept.json?.result, `${existing} keeps its mapping after the refused writes`).toMatchObject({ origin_ip: existing, ...pair }),
        );
        await checkAbsentByDelete(verify, row.id, api, fresh, 'after the refused writes');
        const del = await api.delete(existing);
        await verify.check('DELETE-REMOVES', () => expect(del.status, `DELETE of ${existing} with the real token`).toBe(200));
      },
    );
  }
});

test.describe('zone isolation', () => {
  /** A fresh address free in both zones. */
  function freshInBoth(addresses: AddressBook, zoneB: string): string {
    for (let i = 0; i < 100; i++) {
      const ip = addresses.fresh(ipv6Address().map(canonical));
      if (addresses.claim(ip, zoneB)) return ip;
    }
    throw new Error('no documentation-range address is free in both zones');
  }

  test(
    'a mapping written in zone A is invisible from zone B: GET and DELETE there are 404, a batch DELETE there deletes nothing, and zone A keeps it',
    covers('ZONE-ISOLATION'),
    async ({ api, apiB, addresses, regions, verify }) => {
      const ip = freshInBoth(addresses, apiB.zoneId);
      const pair = regions.pair(0);
      const put = await api.put(ip, { origin_ip: ip, ...pair });
      await verify.check('PUT-CREATE', () => expect(put.status, `PUT ${ip} in zone A`).toBe(200));
      const get = await apiB.get(ip);
      await verify.check('ZONE-ISOLATION', () => expect(get.status, `GET ${ip} in zone B`).toBe(404));
      const del = await apiB.delete(ip);
      await verify.check('ZONE-ISOLATION', () => expect(del.status, `DELETE ${ip} in zone B`).toBe(404));
      const batch = await apiB.batchDelete([ip]);
      await verify.check('ZONE-ISOLATION', () =>
        expect(batch.json?.result?.succeeded ?? [], `batch DELETE [${ip}] in zone B deletes nothing`).toEqual([]),
      );
      const kept = await api.get(ip);
      await verify.check('ZONE-ISOLATION', () =>
        expect(kept.json?.result, `${ip} keeps its mapping in zone A after the requests in zone B`).toMatchObject({ origin_ip: ip, ...pair }),
      );
      const cleanup = await api.delete(ip);
      await verify.check('DELETE-REMOVES', () => expect(cleanup.status, `DELETE ${ip} in zone A`).toBe(200));
    },
  );

  test(
    "mappings written in zone A are neither listed nor counted in zone B: zone B's total_count does not change",
    zoneWide(covers('ZONE-ISOLATION', 'LIST-RESULT-INFO')),
    async ({ api, apiB, addresses, regions, verify }) => {
      const own = [0, 1, 2].map(() => freshInBoth(addresses, apiB.zoneId));
      const before = await apiB.list({ per_page: 100 });
      const totalBefore = (before.json?.result_info as { total_count?: unknown } | undefined)?.total_count;
      await verify.check('LIST-RESULT-INFO', () => expect(typeof totalBefore, 'zone B: result_info.total_count is a number').toBe('number'));
      const put = await api.batchPut(own.map((ip) => ({ origin_ip: ip, ...regions.pair(0) })));
      await verify.check('BATCH-PUT-APPLIES', () => expect(put.status, 'batch PUT of 3 mappings in zone A').toBe(200));
      const listed: Mapping[] = [];
      let totalAfter: unknown;
      for (let page = 1; page <= Math.max(1, Math.ceil((totalBefore as number) / 100)); page++) {
        const res = await apiB.list({ page, per_page: 100 });
        totalAfter = (res.json?.result_info as { total_count?: unknown } | undefined)?.total_count;
        listed.push(...(Array.isArray(res.json?.result) ? res.json!.result! : []));
      }
      await verify.check('ZONE-ISOLATION', () => {
        expect(totalAfter, "zone B's total_count after zone A gained 3 mappings").toBe(totalBefore);
        expect(listed.map((m) => m.origin_ip).filter((ip) => own.includes(ip)), "zone A's mappings listed in zone B").toEqual([]);
      });
      const del = await api.batchDelete(own);
      await verify.check('BATCH-DELETE-APPLIES', () => expect(del.status, 'batch DELETE of the 3 in zone A').toBe(200));
    },
  );
});
