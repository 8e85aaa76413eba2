// Authentication matrix (spec/README.md, "Observed platform behaviour"; decision 11).
import { expect, mapping, paths, test, TOKEN, withServer } from './fixtures';

test.describe('authentication', () => {
  const cases: Array<[string, Record<string, string>, number, number]> = [
    ['no credentials', {}, 400, 9106],
    ['only the legacy X-Auth-Email/X-Auth-Key pair', { 'x-auth-email': 'a@example.com', 'x-auth-key': 'k' }, 400, 9106],
    ['a Basic scheme', { authorization: 'Basic dXNlcjpwYXNz' }, 400, 6003],
    ['"Bearer" without a token', { authorization: 'Bearer' }, 400, 6003],
    ['a token with an inner space', { authorization: `Bearer ${TOKEN} x` }, 400, 6003],
    ['a bare token', { authorization: TOKEN }, 400, 6003],
    ['a wrong token', { authorization: 'Bearer wrong-token' }, 403, 9109],
    ['the token with a suffix', { authorization: `Bearer ${TOKEN}x` }, 403, 9109],
    ['the token as a prefix', { authorization: `Bearer ${TOKEN.slice(0, -1)}` }, 403, 9109],
  ];
  for (const [name, headers, status, code] of cases) {
    test(`${name}: ${status} code ${code}, and nothing is written`, async ({ api, zone }) => {
      const p = paths(zone);
      const res = await api('PUT', p.one('192.0.2.1'), mapping('192.0.2.1'), { 'content-type': 'application/json', ...headers });
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.json).toMatchObject({ success: false, errors: [{ code }], messages: [], result: null });
      expect((await api('GET', p.one('192.0.2.1'))).status).toBe(404);
    });
  }

  test('a malformed Authorization header carries an error_chain with code 6111', async ({ api, zone }) => {
    const res = await api('GET', paths(zone).list, undefined, { authorization: 'Token abc' });
    expect(res.json.errors[0].error_chain).toEqual([{ code: 6111, message: expect.any(String) }]);
  });

  test('the scheme name is case-insensitive (RFC 6750)', async ({ api, zone }) => {
    expect((await api('GET', paths(zone).list, undefined, { authorization: `bearer ${TOKEN}` })).status).toBe(200);
  });

  test('auth is checked before the zone id and the body are looked at', async ({ api }) => {
    const res = await api('PUT', '/zones/not-a-zone/origin/cloud_regions/batch', '{bad json', { authorization: 'Bearer wrong' });
    expect(res.status).toBe(403);
    expect(res.json.errors[0].code).toBe(9109);
  });

  test('the token comes from the token option, else REFERENCE_API_TOKEN, else "reference-token"', async () => {
    const saved = process.env.REFERENCE_API_TOKEN;
    try {
      process.env.REFERENCE_API_TOKEN = 'from-env';
      await withServer({ token: undefined }, async (_s, api) => {
        expect((await api('GET', paths('0'.repeat(32)).list, undefined, { authorization: 'Bearer from-env' })).status).toBe(200);
      });
      delete process.env.REFERENCE_API_TOKEN;
      await withServer({ token: undefined }, async (_s, api) => {
        expect((await api('GET', paths('0'.repeat(32)).list, undefined, { authorization: 'Bearer reference-token' })).status).toBe(200);
      });
    } finally {
      if (saved === undefined) delete process.env.REFERENCE_API_TOKEN;
      else process.env.REFERENCE_API_TOKEN = saved;
    }
  });

  test.describe('the legacy X-Auth-Email/X-Auth-Key pair, when the server is given one (option legacyAuth)', () => {
    const LEGACY = { email: 'owner@example.com', key: '0123456789abcdef0123456789abcdef01234' };
    const good = { 'x-auth-email': LEGACY.email, 'x-auth-key': LEGACY.key };
    const refused: Array<[string, Record<string, string>, number, number]> = [
      ['the email without the key', { 'x-auth-email': LEGACY.email }, 400, 9106],
      ['the key without the email', { 'x-auth-key': LEGACY.key }, 400, 9106],
      ['an email that is no address', { ...good, 'x-auth-email': 'owner' }, 400, 6003],
      ['a key with a space', { ...good, 'x-auth-key': 'a b' }, 400, 6003],
      ['a wrong key', { ...good, 'x-auth-key': `${LEGACY.key}x` }, 403, 9103],
      ['a wrong email', { ...good, 'x-auth-email': 'other@example.com' }, 403, 9103],
    ];
    test('the right pair is accepted on reads and writes', async () => {
      await withServer({ legacyAuth: LEGACY }, async (_s, api) => {
        const p = paths('1'.repeat(32));
        expect((await api('PUT', p.one('192.0.2.1'), mapping('192.0.2.1'), { 'content-type': 'application/json', ...good })).status).toBe(200);
        expect((await api('GET', p.one('192.0.2.1'), undefined, good)).status).toBe(200);
        expect((await api('GET', p.list, undefined, { authorization: `Bearer ${TOKEN}` })).status, 'the bearer token still works').toBe(200);
      });
    });
    test('half a pair, a malformed or a wrong one is refused and changes nothing', async () => {
      await withServer({ legacyAuth: LEGACY }, async (_s, api) => {
        const p = paths('2'.repeat(32));
        for (const [name, headers, status, code] of refused) {
          const res = await api('PUT', p.one('192.0.2.1'), mapping('192.0.2.1'), { 'content-type': 'application/json', ...headers });
          expect(res.status, name).toBe(status);
          expect(res.json, name).toMatchObject({ success: false, errors: [{ code }], result: null });
        }
        expect((await api('GET', p.one('192.0.2.1'), undefined, good)).status, 'nothing was written').toBe(404);
      });
    });
    test('a pair that is not an email and a key is a configuration error naming the option', async () => {
      await expect(withServer({ legacyAuth: { email: 'nobody', key: 'k' } }, async () => {})).rejects.toThrow(/legacyAuth \(email\)/);
      await expect(withServer({ legacyAuth: { email: 'a@b.c', key: 'has space' } }, async () => {})).rejects.toThrow(/legacyAuth \(key\)/);
    });
  });
});
