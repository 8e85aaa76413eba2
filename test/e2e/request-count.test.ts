// The `requests` figure of conformance.json is exact (what the budget profile's 1,000 requests are
// counted in). A selection of the suite runs
// with two workers against a reference server that counts every request it answers (its reply hook
// sees every reply: errors, unknown routes and refused methods included); the report must name the
// same number, and the same number per kind of request.
import { expect, test } from '@playwright/test';
import { conformance, report, runEnv, tempDirs, transcript } from './helpers/cli';
import { reference } from './helpers/targets';

const TOKEN = 'e2e-request-count-token';

test('conformance.json requests equals the number of requests the target answered', async () => {
  let answered = 0;
  const byMethod: Record<string, number> = {};
  const server = await reference({
    token: TOKEN,
    hooks: {
      reply: (reply, req) => {
        answered++;
        byMethod[req.method] = (byMethod[req.method] ?? 0) + 1;
        return reply;
      },
    },
  });
  try {
    const dirs = tempDirs('request-count');
    // Global setup (preflight list, supported regions), both workers, raw requests (odd methods and
    // paths, a 2 MiB body), batch endpoints, and teardown's cleanup.
    const grep = '@ROBUST-METHOD|@ROBUST-LARGE-BODY|@BATCH-DELETE-PER-ITEM|@LIST-PAST-END-EMPTY|@PUT-CREATE|@GET-NOT-FOUND';
    const r = await conformance(['--grep', grep], runEnv(dirs, { url: server.url, token: TOKEN }, { CONFORMANCE_WORKERS: '2' }));
    expect(r.code, transcript(r)).toBe(0);
    const rep = report(dirs) as ReturnType<typeof report> & { requestsByKind: Record<string, number> };
    expect(answered, 'the selection sent requests').toBeGreaterThan(30);
    expect(rep.requests, 'conformance.json requests = requests the target answered').toBe(answered);
    const reportedByMethod: Record<string, number> = {};
    for (const [kind, n] of Object.entries(rep.requestsByKind)) {
      const method = kind.split(' ')[0]!;
      reportedByMethod[method] = (reportedByMethod[method] ?? 0) + n;
    }
    expect(reportedByMethod, 'requests per method').toEqual(byMethod);
    expect(rep.transportRetries, 'no attempt was resent (each counts as a request)').toBe(0);
  } finally {
    await server.close();
  }
});
