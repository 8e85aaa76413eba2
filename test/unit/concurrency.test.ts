// Independent requests in flight together (suite/transport/concurrency.ts), the per-IP ceiling of the gate, and
// the bench's latency proxy (bench/latency-proxy.ts).
import { expect, test } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLatencyProxy } from '../../bench/latency-proxy';
import fc from 'fast-check';
import { chunks, inParallel, lanesFor } from '../../suite/transport/concurrency';
import { runProperty } from '../../suite/judging/property';
import { Verifier } from '../../suite/judging/verify';
import { expect as check } from '../../suite/judging/expect';
import type { RunContext } from '../../suite/run/run-context';
import { acquire, startGate } from '../../suite/transport/gate';
import { perIpCeiling } from '../../suite/transport/throttle';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('inParallel keeps input order and never has more than the limit in flight', async () => {
  for (const limit of [1, 3, 16]) {
    let inFlight = 0;
    let most = 0;
    const out = await inParallel([5, 1, 4, 2, 3, 0, 2], limit, async (ms, i) => {
      most = Math.max(most, ++inFlight);
      await tick(ms);
      inFlight--;
      return i * 10;
    });
    expect(out, `limit ${limit}`).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(most, `limit ${limit}`).toBe(Math.min(limit, 7));
  }
});

test('inParallel: after a failure no new call starts, and the earliest failing item is thrown', async () => {
  const started: number[] = [];
  const run = inParallel([0, 1, 2, 3, 4, 5, 6, 7], 3, async (x) => {
    started.push(x);
    await tick(x === 2 ? 1 : 20);
    if (x === 1 || x === 2) throw new Error(`item ${x}`);
  });
  await expect(run).rejects.toThrow('item 1');
  expect(started, 'item 2 failed first: nothing starts after it').toEqual([0, 1, 2]);
  expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
});

test('lanes: CONFORMANCE_CONCURRENCY for a test, the run\'s whole allowance (up to 16) for one that holds the zone alone', () => {
  expect(lanesFor(4, { alone: false, workers: 4 })).toBe(4);
  expect(lanesFor(4, { alone: true, workers: 4 })).toBe(16);
  expect(lanesFor(4, { alone: true, workers: 2 })).toBe(8);
  expect(lanesFor(16, { alone: true, workers: 4 })).toBe(16);
  expect(lanesFor(1, { alone: true, workers: 1 })).toBe(1);
});

test('a property whose runs name their addresses runs them together: the same inputs as one at a time, never two runs on one address at once; a failure is found and reported as one at a time finds it', async ({}, testInfo) => {
  const ctx = { seed: 7, numRuns: 40, profile: 'full' } as RunContext;
  const arb = fc.record({ ip: fc.integer({ min: 0, max: 9 }), n: fc.nat(1000) });
  const run = async (lanes: number, failOn?: number) => {
    const seen: Array<{ ip: number; n: number }> = [];
    const busy = new Set<number>();
    let inFlight = 0;
    let most = 0;
    const verify = new Verifier(testInfo, () => 'replay');
    const result = runProperty(
      { verify, ctx, testInfo },
      arb,
      async (v) => {
        expect(busy.has(v.ip), `two runs on address ${v.ip} at once`).toBe(false);
        busy.add(v.ip);
        most = Math.max(most, ++inFlight);
        seen.push(v);
        await tick(v.n % 5);
        busy.delete(v.ip);
        inFlight--;
        await verify.check('PUT-CREATE', () => check(v.n, 'n').not.toBe(failOn));
      },
      { addressesOf: (v) => [String(v.ip)], lanes },
    ).then(
      () => 'passed',
      (e: Error) => e.message.split('\n')[0],
    );
    return { result: await result, seen, most };
  };
  const one = await run(1);
  const four = await run(4);
  expect(one.result).toBe('passed');
  expect(four.result).toBe('passed');
  expect(one.most).toBe(1);
  expect(four.most, 'runs in flight together').toBeGreaterThan(1);
  const key = (xs: Array<{ ip: number; n: number }>) => xs.map((x) => `${x.ip}/${x.n}`).sort();
  expect(key(four.seen), 'the same inputs as one at a time').toEqual(key(one.seen));
  expect(four.seen.length).toBe(ctx.numRuns);
  // A failing input: the runs together fail, and fc.check one at a time finds, shrinks and reports it.
  const bad = one.seen[17]!.n;
  const [serial, parallel] = [await run(1, bad), await run(4, bad)];
  expect(serial.result).toContain('PUT-CREATE');
  expect(parallel.result).toBe(serial.result);
});

test('a remote target gets the per-IP ceiling, one on this machine does not', async () => {
  expect(perIpCeiling('https://api.cloudflare.com/client/v4')).toEqual({ requests: 150, windowSeconds: 1 });
  for (const local of ['http://127.0.0.1:8080/client/v4', 'http://localhost:1', 'http://[::1]:9/x'])
    expect(perIpCeiling(local), local).toBeUndefined();
  // Both limits hold at once: 3 a second and 5 in two seconds.
  const gate = await startGate({ requests: 5, windowSeconds: 2 }, { requests: 3, windowSeconds: 1 });
  try {
    const t0 = Date.now();
    const at: number[] = [];
    for (let i = 0; i < 6; i++) {
      await acquire(gate.url);
      at.push(Date.now() - t0);
    }
    expect(at[2], 'the 3rd is free').toBeLessThan(500);
    expect(at[3], 'the 4th waits for the one-second window').toBeGreaterThanOrEqual(950);
    expect(at[5], 'the 6th waits for the two-second window').toBeGreaterThanOrEqual(1950);
  } finally {
    await gate.close();
  }
});

test('the latency proxy adds its round trip to each exchange, one more to open a connection, and passes bodies intact', async () => {
  const upstream = http.createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => res.end(Buffer.concat(body)));
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  const upstreamPort = (upstream.address() as AddressInfo).port;
  const RTT = 300;
  const proxy = await startLatencyProxy(upstreamPort, RTT);
  const agent = new http.Agent({ keepAlive: true });
  // node:http on purpose: the proxy is checked byte for byte and timed per exchange, bodies as Buffers.
  const post = (body: Buffer, port = proxy.port) =>
    new Promise<{ ms: number; body: Buffer }>((resolve, reject) => {
      const t0 = performance.now();
      const req = http.request({ port, host: '127.0.0.1', method: 'POST', agent }, (res) => {
        const got: Buffer[] = [];
        res.on('data', (c: Buffer) => got.push(c));
        res.on('end', () => resolve({ ms: performance.now() - t0, body: Buffer.concat(got) }));
      });
      req.on('error', reject);
      req.end(body);
    });
  try {
    const big = Buffer.alloc(300_000, 7);
    for (const [i, body] of [Buffer.from('ping'), big, Buffer.from('pong')].entries()) {
      const direct = await post(body, upstreamPort);
      const r = await post(body);
      // The first exchange opens the connection: TCP's handshake is one round trip more.
      const trips = i === 0 ? 2 : 1;
      expect(r.body.equals(body), 'the body comes back intact').toBe(true);
      expect(r.ms, `${trips} round trip(s) added`).toBeGreaterThanOrEqual(trips * RTT - 5);
      // Against the same exchange without the proxy, measured just before (a loaded machine slows both).
      expect(r.ms - direct.ms, 'and not one more').toBeLessThan((trips + 0.6) * RTT);
    }
  } finally {
    agent.destroy();
    await proxy.close();
    await new Promise((r) => upstream.close(r));
  }
});
