// Optional rate limiting: a fixed window per token, 429 code 971 with retry-after, and the
// Ratelimit/Ratelimit-Policy headers (IETF draft structured-field form). A fake clock keeps it fast.
import { AUTH, expect, JSON_HEADERS, mapping, paths, test, withServer } from './fixtures';

const ZONE = 'fedcba9876543210fedcba9876543210';

test.describe('rate limiting', () => {
  test('is off by default: no Ratelimit headers', async ({ api, zone }) => {
    const res = await api('GET', paths(zone).list);
    expect(res.headers.ratelimit).toBeUndefined();
    expect(res.headers['ratelimit-policy']).toBeUndefined();
  });

  test('past 5 requests in a 2 s window every request is 429 code 971 with retry-after until the window ends', async () => {
    let clock = 1_000_000;
    await withServer({ rateLimit: '5/2', now: () => clock }, async (_server, api) => {
      const p = paths(ZONE);
      for (let i = 1; i <= 5; i++) {
        const res = await api('GET', p.list);
        expect(res.status, `request ${i}`).toBe(200);
        expect(res.headers.ratelimit).toBe(`"default";r=${5 - i};t=2`);
        expect(res.headers['ratelimit-policy']).toBe('"default";q=5;w=2');
      }
      clock += 500;
      const blocked = await api('PUT', p.one('192.0.2.1'), mapping('192.0.2.1'));
      expect(blocked.status).toBe(429);
      expect(blocked.headers['content-type']).toBe('application/json');
      expect(blocked.headers['retry-after']).toBe('2'); // 1.5 s left, in whole seconds rounded up
      expect(blocked.headers.ratelimit).toBe('"default";r=0;t=2');
      expect(blocked.json).toEqual({ success: false, errors: [{ code: 971, message: expect.any(String) }], messages: [], result: null });
      clock += 1000;
      expect((await api('GET', p.list)).headers['retry-after']).toBe('1');
      clock += 500; // the window is over
      const fresh = await api('GET', p.one('192.0.2.1'));
      expect(fresh.status).toBe(404); // the blocked PUT changed nothing
      expect(fresh.headers.ratelimit).toBe('"default";r=4;t=2');
    });
  });

  test('windows are per token: another token is not blocked', async () => {
    await withServer({ rateLimit: { requests: 1, windowSeconds: 60 } }, async (_server, api) => {
      expect((await api('GET', paths(ZONE).list)).status).toBe(200);
      expect((await api('GET', paths(ZONE).list)).status).toBe(429);
      const other = await api('GET', paths(ZONE).list, undefined, { authorization: 'Bearer someone-else' });
      expect(other.status).toBe(403); // counted in its own window, so it reaches auth
      expect((await api('GET', paths(ZONE).list, undefined, { ...AUTH, ...JSON_HEADERS })).status).toBe(429);
    });
  });
});
