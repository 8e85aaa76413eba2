// The budget profile, the default against a real target: the whole run, limit scenario included
// (a second zone and the destructive scenario on), stays within 1,000 requests as counted by the
// server itself, and every cell of the rule x operation matrix runs in it (each cell at least once
// per budget run) and passes against the reference server.
import { expect, test } from '@playwright/test';
import { cellsNotPassed } from '../../suite/report/cells';
import type { ConformanceReport } from '../../suite/report/types';
import { conformance, report, runEnv, tempDirs, transcript } from './helpers/cli';
import { reference } from './helpers/targets';

const TOKEN = 'e2e-budget-run-token';

test('a whole budget run stays within 1,000 requests counted by the server, and every matrix cell runs and passes', async () => {
  test.setTimeout(300_000);
  let answered = 0;
  const server = await reference({ token: TOKEN, hooks: { reply: (reply) => (answered++, reply) } });
  try {
    const dirs = tempDirs('budget-run');
    const r = await conformance(
      [],
      runEnv(dirs, { url: server.url, token: TOKEN }, {
        CONFORMANCE_PROFILE: 'budget',
        CONFORMANCE_ZONE_ID_B: '0e2e00000000000000000000000000b2',
        CONFORMANCE_ALLOW_DESTRUCTIVE: '1',
        // The profile's own property depth: this is the run whose size is promised.
        CONFORMANCE_NUM_RUNS: '',
        CONFORMANCE_WORKERS: '2',
      }),
      280_000,
    );
    expect(r.code, transcript(r)).toBe(0);
    const rep = report(dirs) as unknown as ConformanceReport;
    expect(rep.profile).toBe('budget');
    expect(rep.requests, 'conformance.json requests = requests the server answered').toBe(answered);
    expect(answered, 'requests of the whole budget run, counted by the server').toBeLessThanOrEqual(1000);
    expect(cellsNotPassed(rep.requirements), 'matrix cells that did not run or did not pass in the budget profile').toEqual([]);
    console.log(`budget run: ${answered} requests counted by the server`);
  } finally {
    await server.close();
  }
});
