// Authentication, decision 11: "a missing, malformed or wrong credential of either scheme MUST be
// rejected on every operation, change nothing, and return no mapping data", for both schemes the API
// names (Bearer token; the legacy X-Auth-Email + X-Auth-Key pair), all seven operations, reads
// included. Auth failures "MUST be 400/401/403 with success: false and a non-empty errors array;
// their messages/result keys may be absent" (hence authFailureExpected, which relaxes the envelope
// check to exactly that). Which of 400/401/403 is open.
//
// The cells (failure mode x operation) are the matrix rows of AUTH-NO-CREDENTIALS, AUTH-MALFORMED and
// AUTH-WRONG-TOKEN in suite/judging/requirements.ts. Every cell sends one request in every profile; a mode
// with several spellings rotates them over the operations, or sends them all (knob authEveryVariant,
// suite/config/profile.ts). A refused request changes nothing: checked with the real token afterwards.
import { cells, covers, expect, test, type Pair } from '../fixtures';
import { OPERATION_NAMES, type OperationName } from '../contract';
import type { ApiClient, ApiResponse, SendOptions } from '../suite/transport/client';
import { ipv6Address } from '../suite/ip/arbitraries';
import { canonical } from '../suite/ip/oracle';
import { knobs } from '../suite/config/profile';
import { inParallel } from '../suite/transport/concurrency';

type AuthId = 'AUTH-NO-CREDENTIALS' | 'AUTH-MALFORMED' | 'AUTH-WRONG-TOKEN';

/** A failure mode: the matrix input, and the header sets that spell it. */
interface Mode {
  id: AuthId;
  input: string;
  spellings: (token: string) => Array<{ name: string; headers: Record<string, string> }>;
}

// A well-formed global API key is 37 hex digits; this one belongs to nobody.
const WRONG_KEY = '0123456789abcdef0123456789abcdef01234';
const EMAIL = 'conformance-suite@example.com';

const MODES: Mode[] = [
  { id: 'AUTH-NO-CREDENTIALS', input: 'none', spellings: () => [{ name: 'no credentials at all', headers: {} }] },
  { id: 'AUTH-NO-CREDENTIALS', input: 'legacy-email-only', spellings: () => [{ name: 'X-Auth-Email without X-Auth-Key', headers: { 'x-auth-email': EMAIL } }] },
  { id: 'AUTH-NO-CREDENTIALS', input: 'legacy-key-only', spellings: () => [{ name: 'X-Auth-Key without X-Auth-Email', headers: { 'x-auth-key': WRONG_KEY } }] },
  {
    id: 'AUTH-MALFORMED',
    input: 'bearer-malformed',
    spellings: () => [
      { name: 'Authorization "Bearer" (no token)', headers: { authorization: 'Bearer' } },
      { name: 'Authorization "Basic abc" (another scheme)', headers: { authorization: 'Basic abc' } },
      { name: 'Authorization "Bearer  a b" (two words)', headers: { authorization: 'Bearer  a b' } },
    ],
  },
  {
    id: 'AUTH-MALFORMED',
    input: 'legacy-malformed',
    spellings: () => [
      { name: 'X-Auth-Email that is no email address', headers: { 'x-auth-email': 'not-an-email', 'x-auth-key': WRONG_KEY } },
      { name: 'X-Auth-Key that is not hex', headers: { 'x-auth-email': EMAIL, 'x-auth-key': 'not a key!' } },
    ],
  },
  {
    id: 'AUTH-WRONG-TOKEN',
    input: 'bearer-wrong',
    spellings: (token) => [
      { name: 'a bearer token that does not exist', headers: { authorization: 'Bearer wrong-token' } },
      // Catches a comparison by prefix; the header is redacted in every output like the token itself.
      { name: 'the real token with one character appended', headers: { authorization: `Bearer ${token}x` } },
    ],
  },
  {
    id: 'AUTH-WRONG-TOKEN',
    input: 'legacy-wrong-key',
    spellings: () => [{ name: 'an X-Auth-Email/X-Auth-Key pair with a wrong key', headers: { 'x-auth-email': EMAIL, 'x-auth-key': WRONG_KEY } }],
  },
];

const WHAT: Record<AuthId, string> = {
  'AUTH-NO-CREDENTIALS': 'a request without credentials (none, or half of the legacy pair)',
  'AUTH-MALFORMED': 'a malformed Authorization header or legacy pair',
  'AUTH-WRONG-TOKEN': 'a wrong bearer token or legacy key',
};

/** The request of each operation: a replace of `existing`, a create of `fresh` by batch, reads. */
function send(op: OperationName, api: ApiClient, existing: string, fresh: string, pair: Pair, opts: SendOptions): Promise<ApiResponse> {
  switch (op) {
    case 'put':
      return api.put(existing, { origin_ip: existing, ...pair }, opts);
    case 'get':
      return api.get(existing, opts);
    case 'delete':
      return api.delete(existing, opts);
    case 'list':
      return api.list({ per_page: 100 }, opts);
    case 'batch-put':
      return api.batchPut([{ origin_ip: fresh, ...pair }], opts);
    case 'batch-delete':
      return api.batchDelete([existing], opts);
    case 'supported-regions':
      return api.supportedRegions(opts);
  }
}

// Keys that only mapping data (or supported regions) carries: a refusal must hold none of them.
const DATA_KEYS = /"(origin_ip|region|vendor|vendors|result_info|succeeded)"\s*:/;

test.describe('authentication', () => {
  for (const id of ['AUTH-NO-CREDENTIALS', 'AUTH-MALFORMED', 'AUTH-WRONG-TOKEN'] as const) {
    const modes = MODES.filter((m) => m.id === id);
    const cellIds = modes.flatMap((m) => OPERATION_NAMES.map((op) => `${op}:${m.input}`));
    test(
      `${WHAT[id]} is refused on all seven operations with 400, 401 or 403, success false and errors (messages and result may be absent), returns no mapping data, and changes nothing`,
      cells(covers(id), id, cellIds),
      async ({ api, addresses, regions, verify, ctx, lanes }) => {
        const existing = addresses.fresh(ipv6Address().map(canonical));
        const fresh = addresses.fresh(ipv6Address().map(canonical));
        const pair = regions.pair(0);
        const put = await api.put(existing, { origin_ip: existing, ...pair });
        await verify.check('PUT-CREATE', () => expect(put.status, `PUT ${existing} with the real token`).toBe(200));
        // Every refused request is judged on its own answer: they go out together and are judged in
        // this order once all are in. (A target that lets one through fails that cell whatever the
        // order; what it changed is checked with the real token below.)
        const requests = modes.flatMap((mode) => {
          const spellings = mode.spellings(ctx.token);
          return OPERATION_NAMES.flatMap((op, i) =>
            (knobs(ctx.profile).authEveryVariant ? spellings : [spellings[i % spellings.length]!]).map((s) => ({ mode, op, s })),
          );
        });
        const answers = await inParallel(requests, lanes, ({ op, s }) =>
          send(op, api, existing, fresh, regions.other(pair), { noAuth: true, headers: s.headers, authFailureExpected: true }),
        );
        for (const [k, { mode, op, s }] of requests.entries()) {
          const res = answers[k]!;
          const what = `${op} with ${s.name}`;
          await verify.checkCell(id, `${op}:${mode.input}`, () => {
            expect([400, 401, 403], `${what}: refused with 400, 401 or 403 (saw ${res.status})`).toContain(res.status);
            expect(res.json?.success, `${what}: success false`).toBe(false);
            expect(Array.isArray(res.json?.errors) && (res.json!.errors as unknown[]).length > 0, `${what}: a non-empty errors array`).toBe(true);
            expect(res.json?.result ?? null, `${what}: no result`).toBeNull();
            expect(DATA_KEYS.test(res.bodyText), `${what}: the refusal carries no mapping data`).toBe(false);
          }, res);
        }
        // Nothing changed: the replace, the DELETE and the batch DELETE left `existing` as it was, the
        // batch PUT created nothing.
        // (The read of `existing` and the DELETE of `fresh` are independent: together.)
        const [kept, gone] = await inParallel([() => api.get(existing), () => api.delete(fresh)], lanes, (send) => send());
        await verify.checkCell(id, modes.flatMap((m) => ['put', 'delete', 'batch-delete'].map((op) => `${op}:${m.input}`)), () =>
          expect(kept.json?.result, `${existing} keeps its mapping after the refused writes`).toMatchObject({ origin_ip: existing, ...pair }),
        kept);
        // A DELETE finds nothing: the check, and it settles the address for the cleanup.
        await verify.checkCell(id, modes.map((m) => `batch-put:${m.input}`), () =>
          expect(gone.status, `after the refused batch PUTs: nothing stored under ${fresh} (DELETE finds nothing)`).toBe(404),
        gone);
        const del = await api.delete(existing);
        await verify.check('DELETE-REMOVES', () => expect(del.status, `DELETE of ${existing} with the real token`).toBe(200));
      },
    );
  }
});
