// Rate limits and transport errors. The reference server enforces a Cloudflare-style window (fixed
// window per token; over it 429 code 971 with retry-after and Ratelimit headers): a run that crosses
// it waits the 429s out, passes, and reports them; with CONFORMANCE_RATE_LIMIT below the server's
// limit the shared throttle paces the run so that no 429 happens at all. Then the transport itself:
// 502/503/504 and connection resets are retried for GET and PUT only, and counted.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Transport, TransportError } from '../../suite/transport/http';
import { stats } from '../../suite/transport/stats';
import { conformance, report, runEnv, tempDirs, transcript } from './helpers/cli';
import { reference } from './helpers/targets';

const TOKEN = 'e2e-rate-limit-token';
const SERVER_LIMIT = '5/1'; // 5 requests per 1-second window, per token: a test's burst crosses it
const ARGS = ['specs/put/create-replace.spec.ts', 'specs/put/mismatch.spec.ts'];

test('a run that crosses the target\'s rate limit waits the 429s out, passes, and reports the 429s and the time waited', async () => {
  let gets = 0;
  const server = await reference({
    token: TOKEN,
    rateLimit: SERVER_LIMIT,
    hooks: {
      reply: (reply, req) => {
        if (reply.status === 429) return reply;
        // Only the 429 tells (retry-after): no Ratelimit headers that would let the throttle hold back
        // before the limit (that path is the unit tests' in test/unit/throttle.test.ts).
        const { ratelimit: _r, 'ratelimit-policy': _p, ...headers } = reply.headers;
        // And a 503 on every 4th GET: retried by the transport, reported, never a failure.
        if (req.method === 'GET' && ++gets % 4 === 0)
          return { status: 503, headers, body: { success: false, errors: [{ code: 1000, message: 'try again' }], messages: [], result: null } };
        return { ...reply, headers };
      },
    },
  });
  try {
    const dirs = tempDirs('ratelimit');
    const r = await conformance(ARGS, runEnv(dirs, { url: server.url, token: TOKEN }));
    expect(r.code, transcript(r)).toBe(0);
    const rep = report(dirs);
    expect(rep.verdict).toBe('pass');
    expect(rep.requests, 'enough requests to cross the window many times').toBeGreaterThan(25);
    expect(rep.rateLimit.responses429, 'the run crossed the limit').toBeGreaterThan(1);
    expect(rep.rateLimit.waitedMs).toBeGreaterThan(0);
    expect(rep.transportRetries, 'the 503s were retried').toBeGreaterThan(0);
    expect(rep.requirements.filter((q) => q.status === 'failed'), 'no 429 and no 503 counts against the target').toEqual([]);
    expect(rep.unattributedFailures).toEqual([]);
    expect(fs.readFileSync(path.join(dirs.reports, 'conformance.md'), 'utf8')).toMatch(/429 responses: [1-9]/);
  } finally {
    await server.close();
  }
});

test('with CONFORMANCE_RATE_LIMIT below the target\'s limit, the shared throttle paces every worker: no 429 at all', async () => {
  const server = await reference({ token: TOKEN, rateLimit: SERVER_LIMIT });
  try {
    const dirs = tempDirs('paced');
    // 2/1 against the server's fixed 5/1 windows: the suite's sliding window lets at most 4 requests
    // into any span of a second plus the spread of their latencies, so no fixed window of the server
    // can see 6, even when a concurrent burst is delayed on its way (4/1 left a margin of one).
    const r = await conformance(['specs/put/create-replace.spec.ts'], runEnv(dirs, { url: server.url, token: TOKEN }, { CONFORMANCE_RATE_LIMIT: '2/1', CONFORMANCE_WORKERS: '2' }));
    expect(r.code, transcript(r)).toBe(0);
    const rep = report(dirs);
    expect(rep.requests, 'more requests than one window allows').toBeGreaterThan(10);
    expect(rep.rateLimit).toEqual({ responses429: 0, waitedMs: 0 });
  } finally {
    await server.close();
  }
});

/** A target that fails the first `failures` requests of each method (a status, or a dropped connection). */
async function flaky(failures: Array<number | 'reset'>) {
  const seen = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const n = seen.get(req.method!) ?? 0;
    seen.set(req.method!, n + 1);
    req.resume();
    req.on('end', () => {
      const f = failures[n];
      if (f === 'reset') return void req.socket.destroy();
      res.writeHead(f ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(f ? { success: false, errors: [{ code: 1000, message: 'upstream' }], messages: [], result: null } : { success: true, errors: [], messages: [], result: null }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const transport = new Transport({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`, token: 't0ken-for-retries' });
  return {
    seen,
    send: (method: string) => transport.send({ method, path: '/zones/z/origin/cloud_regions/192.0.2.9', kind: `${method} test`, body: method === 'PUT' ? '{}' : undefined }),
    close: async () => {
      transport.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

test('the transport retries 502, 503, 504 and connection resets for GET and PUT, counts each retry, and never retries DELETE or POST', async () => {
  test.setTimeout(60_000);
  for (const failures of [[502, 503, 504], ['reset', 'reset'] as const, [503, 'reset'] as const]) {
    const target = await flaky([...failures]);
    try {
      for (const method of ['GET', 'PUT']) {
        const before = stats().transportRetries;
        const res = await target.send(method);
        expect(res.status, `${method} after ${failures.join(', ')}`).toBe(200);
        expect(res.exchange.attempts).toBe(failures.length + 1);
        expect(stats().transportRetries - before, 'each retry is counted (conformance.json transportRetries)').toBe(failures.length);
      }
      for (const method of ['DELETE', 'POST']) {
        const before = stats().transportRetries;
        if (failures[0] === 'reset') await expect(target.send(method)).rejects.toBeInstanceOf(TransportError);
        else expect((await target.send(method)).status, `${method} is answered as it came`).toBe(failures[0]);
        expect(target.seen.get(method), `${method} was sent once`).toBe(1);
        expect(stats().transportRetries - before).toBe(0);
      }
    } finally {
      await target.close();
    }
  }
});

test('the transport gives up after its retries and says so, without the token', async () => {
  const target = await flaky(['reset', 'reset', 'reset', 'reset', 'reset']);
  try {
    const err = await target.send('GET').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).exchange.attempts).toBe(4);
    expect(JSON.stringify((err as TransportError).exchange)).not.toContain('t0ken-for-retries');
  } finally {
    await target.close();
  }
});
