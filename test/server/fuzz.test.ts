// A fast-check barrage of malformed requests (decisions 11 and 13: never a 5xx, always an envelope): random methods,
// paths (odd segments, %-escapes), query strings, Authorization and Content-Type headers, and bodies.
// For every request: never a 5xx, always application/json with a well-formed envelope whose
// `success` agrees with the status, and the store unchanged unless the request was a successful
// write. Replay a failure with FUZZ_SEED=<seed> (fast-check prints seed and path).
import fc from 'fast-check';
import { connect } from 'node:net';
import { AUTH, expect, listAll, mapping, rawRequest, test, TOKEN, withServer, type Api, type RawResponse } from './fixtures';

const ZONES = ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'];
const SEEDED = ['192.0.2.1', '2001:db8::1', '::ffff:198.51.100.9'];
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** Percent-encodes the UTF-8 bytes of characters Node refuses in a request path (outside 0x21-0x7e). */
const pathSafe = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((b) => (b >= 0x21 && b <= 0x7e ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');

const addressText = fc.oneof(
  fc.constantFrom(...SEEDED, '192.0.2.01', '010.0.0.1', '127.1', '0x7f.0.0.1', '3232235777', 'fe80::1%eth0', '192.0.2.0/24',
    '[2001:db8::1]', ' 192.0.2.1', '', ':::', '1::2::3', 'batch', 'supported_regions', '..', '.', '2001:DB8:0::1'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const ipSegment = fc.oneof(
  addressText.map(pathSafe),
  addressText.map((t) => encodeURIComponent(t.replace(/[\ud800-\udfff]/g, ''))),
  fc.constantFrom('%', '%2', '%zz', '%25', '%2F', '%00', '%C0%AF', '%E0%A4%A', '%3A%3A1', '%253A'),
);
const zoneSegment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ZONES) },
  { weight: 1, arbitrary: fc.constantFrom(ZONES[0]!.toUpperCase(), 'abc', '', '%zz', '0'.repeat(33), '%61'.repeat(32)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map(pathSafe) },
);
const pathArb = fc.tuple(
  zoneSegment,
  fc.oneof(
    fc.constant('/origin/cloud_regions'),
    fc.constantFrom('/origin/cloud_regions/batch', '/origin/cloud_regions/supported_regions', '/origin', '', '/origin/cloud_regions/',
      '/origin/cloud_regions//', '/origin/cloud_regions/batch/x', '/origin/../origin/cloud_regions'),
    ipSegment.map((s) => `/origin/cloud_regions/${s}`),
    fc.tuple(ipSegment, ipSegment).map(([a, b]) => `/origin/cloud_regions/${a}/${b}`),
  ),
  fc.option(fc.oneof(
    fc.tuple(fc.constantFrom('page', 'per_page', 'x'), fc.constantFrom('1', '0', '-1', '1.5', 'abc', '', '100', '101', '9'.repeat(30), '%zz'))
      .map(([k, v]) => `${k}=${v}`),
    fc.string({ maxLength: 20 }).map(pathSafe),
  )),
).map(([zone, rest, query]) => `/zones/${zone}${rest}${query === null ? '' : `?${query}`}`);

const mappingLike = fc.record(
  { origin_ip: fc.oneof(addressText, fc.integer(), fc.constant(null)), vendor: fc.oneof(fc.constantFrom('aws', 'gcp', 'AWS', 'ibm', '__proto__'), fc.anything()),
    region: fc.oneof(fc.constantFrom('us-east-1', 'us-central1', 'eastus', 'toString'), fc.anything()) },
  { requiredKeys: [] },
);
const bodyArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: mappingLike.map((m) => JSON.stringify(m)) },
  { weight: 2, arbitrary: fc.array(mappingLike, { maxLength: 5 }).map((a) => JSON.stringify(a)) },
  { weight: 1, arbitrary: fc.array(addressText, { maxLength: 5 }).map((a) => JSON.stringify(a)) },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '[', 'null', '[]', '{"origin_ip":', '\u0000', '[' .repeat(10_000)) },
);
const headerArb = fc.record({
  authorization: fc.oneof(
    { weight: 6, arbitrary: fc.constant(`Bearer ${TOKEN}`) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, 'Bearer', 'Bearer wrong', 'Basic dTpw', TOKEN, `bearer ${TOKEN}`, `Bearer ${TOKEN} ${TOKEN}`) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.replace(/[^!-~ ]/g, '').trim() || 'x') },
  ),
  'content-type': fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-8', 'text/plain', 'multipart/form-data', '', 'application/jsonx'),
  'x-auth-key': fc.constantFrom(undefined, 'legacy-key'),
});
const requestArb = fc.record({
  method: fc.constantFrom('GET', 'GET', 'PUT', 'PUT', 'DELETE', 'DELETE', 'POST', 'PATCH', 'OPTIONS', 'HEAD'),
  path: pathArb,
  headers: headerArb,
  body: bodyArb,
});

/** The envelope rules every answer must satisfy; returns what is wrong, or null. */
function envelopeProblem(method: string, res: RawResponse): string | null {
  if (res.status >= 500) return `status ${res.status}`;
  if (!/^application\/json(;|$)/.test(String(res.headers['content-type']))) return `content-type ${res.headers['content-type']}`;
  if (method === 'HEAD') return null;
  const body = res.json;
  if (typeof body !== 'object' || body === null) return 'body is not a JSON object';
  const ok = res.status >= 200 && res.status < 300;
  if (body.success !== ok) return `success ${body.success} with status ${res.status}`;
  if (!Array.isArray(body.errors) || !Array.isArray(body.messages)) return 'errors/messages not arrays';
  if (ok) return body.errors.length === 0 && 'result' in body ? null : 'success envelope malformed';
  const wellFormed = body.errors.length >= 1 && body.result === null &&
    body.errors.every((e: { code: unknown; message: unknown }) => Number.isInteger(e.code) && typeof e.message === 'string');
  return wellFormed ? null : 'failure envelope malformed';
}

async function snapshot(api: Api): Promise<string> {
  return JSON.stringify(await Promise.all(ZONES.map((zone) => listAll(api, zone))));
}

test.describe('malformed request barrage', () => {
  test(`for ${RUNS} random requests: no 5xx, JSON envelopes, and the store changes only on successful writes`, async () => {
    test.setTimeout(60_000);
    const initialZones = Object.fromEntries(ZONES.map((zone) => [zone, SEEDED.map((ip) => mapping(ip))]));
    await withServer({ initialZones }, async (server, api) => {
      let before = await snapshot(api);
      await fc.assert(
        fc.asyncProperty(requestArb, async ({ method, path, headers, body }) => {
          const sent = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
          const res = await rawRequest(server.url, { method, path, headers: sent, body });
          const problem = envelopeProblem(method, res);
          if (problem) throw new Error(`${method} ${path}: ${problem}\n${res.text.slice(0, 500)}`);
          const after = await snapshot(api);
          const mayWrite = res.status === 200 && (method === 'PUT' || method === 'DELETE');
          if (!mayWrite && after !== before) throw new Error(`${method} ${path} answered ${res.status} but changed the store`);
          before = after;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  });

  test('a deeply nested JSON body and a large array of junk are answered with 4xx/200, not a crash', async ({ api }) => {
    const zone = 'cccccccccccccccccccccccccccccccc';
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    for (const body of [deep, `[${deep}]`, JSON.stringify(Array.from({ length: 100 }, () => ({ origin_ip: { deep: [[[]]] } })))]) {
      const res = await api('PUT', `/zones/${zone}/origin/cloud_regions/batch`, body);
      expect(res.status).toBeLessThan(500);
      expect(envelopeProblem('PUT', res)).toBeNull();
    }
    const res = await api('DELETE', `/zones/${zone}/origin/cloud_regions/batch`, `[${deep}]`);
    expect(envelopeProblem('DELETE', res)).toBeNull();
  });

  test('for random bytes ending a request head, the answer is a 4xx JSON envelope or a normal answer, never a 5xx', async ({ server }) => {
    const lines = fc.array(fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, '')), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(lines, async (head) => {
        const answer = await new Promise<string>((resolve) => {
          const socket = connect(server.port, '127.0.0.1', () => socket.write(`${head.join('\r\n')}\r\n\r\n`));
          let data = '';
          socket.setTimeout(300, () => socket.destroy());
          socket.on('data', (chunk) => {
            data += chunk;
            if (data.includes('\r\n\r\n')) socket.destroy();
          });
          socket.on('close', () => resolve(data));
          socket.on('error', () => resolve(data));
        });
        if (answer === '') return true; // a head Node is still waiting on, e.g. an unfinished body
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
        return status < 500 && /content-type: application\/json/i.test(answer);
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  test('legacy X-Auth headers next to a valid bearer token are ignored', async ({ api }) => {
    const res = await api('GET', `/zones/${ZONES[0]}/origin/cloud_regions`, undefined, { ...AUTH, 'x-auth-email': 'a@b.c', 'x-auth-key': 'k' });
    expect(res.status).toBe(200);
  });
});
