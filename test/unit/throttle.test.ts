// The shared throttle: waits read from a 429's headers, pacing across callers, and the zone lock.
import { expect, test } from '@playwright/test';
import { acquire, lockZone, reportBlock, startGate, unlockZone } from '../../suite/transport/gate';
import { exhaustedFor, waitFromHeaders } from '../../suite/transport/throttle';

test('waits come from retry-after (seconds or date), retry-after-ms, or Ratelimit reset', () => {
  expect(waitFromHeaders({ 'retry-after': '42' })).toBe(42_000);
  expect(waitFromHeaders({ 'retry-after-ms': '250' })).toBe(250);
  expect(waitFromHeaders({ 'retry-after': new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString() }, Date.UTC(2030, 0, 1))).toBe(10_000);
  expect(waitFromHeaders({ ratelimit: '"default";r=0;t=17' })).toBe(17_000);
  expect(waitFromHeaders({ ratelimit: 'limit=1200, remaining=0, reset=30' })).toBe(30_000);
  expect(waitFromHeaders({})).toBeUndefined();
  expect(exhaustedFor({ ratelimit: '"default";r=0;t=5' })).toBe(5000);
  expect(exhaustedFor({ ratelimit: '"default";r=3;t=5' })).toBeUndefined();
});

test('the gate paces requests below the configured limit and holds everyone while blocked', async () => {
  const gate = await startGate({ requests: 3, windowSeconds: 1 });
  try {
    const t0 = Date.now();
    for (let i = 0; i < 4; i++) await acquire(gate.url);
    expect(Date.now() - t0, 'the 4th request waits for the window').toBeGreaterThanOrEqual(900);
    await reportBlock(gate.url, Date.now() + 600);
    const t1 = Date.now();
    await acquire(gate.url);
    expect(Date.now() - t1, 'a reported block holds the next request').toBeGreaterThanOrEqual(500);
  } finally {
    await gate.close();
  }
});

test('the zone lock: an exclusive holder waits for shared holders and blocks new ones', async () => {
  const gate = await startGate();
  try {
    await lockZone(gate.url, false);
    let exclusiveGot = false;
    const ex = lockZone(gate.url, true).then(() => (exclusiveGot = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(exclusiveGot, 'waits for the shared holder').toBe(false);
    await unlockZone(gate.url, false);
    await ex;
    expect(exclusiveGot).toBe(true);
    await unlockZone(gate.url, true);
  } finally {
    await gate.close();
  }
});
