// CONFORMANCE_CONCURRENCY changes how many independent requests are in flight, never what is judged:
// the same seed gives the same verdict, the same status for every requirement, and the same requests
// (within 1%) at 1 and at 16. The selection is where requests go out together: the limit scenario's
// fill and its cleanup (35 batches each), the list walk, and global teardown's cleanup; the target is
// non-embedded, so every request also passes the shared gate.
import { expect, test } from '@playwright/test';
import { conformance, report, runEnv, tempDirs, transcript } from './helpers/cli';
import { reference } from './helpers/targets';

const TOKEN = 'e2e-concurrency-token';

async function run(concurrency: number) {
  let answered = 0;
  const server = await reference({ token: TOKEN, hooks: { reply: (reply) => (answered++, reply) } });
  try {
    const dirs = tempDirs(`concurrency-${concurrency}`);
    const env = runEnv(dirs, { url: server.url, token: TOKEN }, {
      CONFORMANCE_WORKERS: '2',
      CONFORMANCE_ALLOW_DESTRUCTIVE: '1',
      CONFORMANCE_PROFILE: 'budget',
      CONFORMANCE_CONCURRENCY: String(concurrency),
    });
    const r = await conformance(['specs/limit.spec.ts', 'specs/list.spec.ts', 'specs/put/create-replace.spec.ts'], env, 300_000);
    expect(r.code, transcript(r)).toBe(0);
    return { r, rep: report(dirs), answered };
  } finally {
    await server.close();
  }
}

test('the same seed gives the same verdict and requests at concurrency 1 and 16', async () => {
  test.setTimeout(330_000);
  const [one, sixteen] = await Promise.all([run(1), run(16)]);
  expect(sixteen.rep.verdict, 'verdict').toBe(one.rep.verdict);
  const statuses = (x: typeof one) => Object.fromEntries(x.rep.requirements.map((q) => [q.id, q.status]));
  expect(statuses(sixteen), 'every requirement has the same status').toEqual(statuses(one));
  expect(one.rep.requests, 'the limit scenario ran (its fill alone is 35 batch PUTs)').toBeGreaterThan(80);
  expect(one.answered, 'concurrency 1: the report counts what the target answered').toBe(one.rep.requests);
  expect(sixteen.answered, 'concurrency 16: the report counts what the target answered').toBe(sixteen.rep.requests);
  expect(Math.abs(sixteen.rep.requests - one.rep.requests), `requests ${one.rep.requests} and ${sixteen.rep.requests}: within 1%`).toBeLessThanOrEqual(
    one.rep.requests / 100,
  );
});
