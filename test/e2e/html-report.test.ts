// reports/conformance.html as a page: everything a target or a test can put in it is escaped, and
// it stays self-contained. (What it shows in a browser: failing-target.test.ts.)
import { expect, test } from '@playwright/test';
import { renderHtml } from '../../suite/report/html';
import type { ConformanceReport } from '../../suite/report/types';

const MARKUP = `<script>alert(1)</script><img src=x onerror="alert(2)">'"&`;

function report(HOSTILE: string): ConformanceReport {
  return {
    verdict: 'fail',
    target: { baseUrl: `http://127.0.0.1:1/client/v4?${HOSTILE}`, embedded: false, zones: [HOSTILE] },
    suiteVersion: '0.1.0',
    seed: 7,
    profile: 'budget',
    strict: false,
    requireAll: false,
    shard: null,
    startedAt: '2026-11-28T00:00:00.000Z',
    finishedAt: '2026-11-28T00:01:00.000Z',
    requests: 3,
    requestsByKind: {},
    rateLimit: { responses429: 0, waitedMs: 0 },
    transportRetries: 0,
    summary: { 'MUST failed': 1 },
    requirements: [
      {
        id: 'PUT-CREATE',
        level: 'MUST',
        operation: 'put',
        status: 'failed',
        title: `create ${HOSTILE}`,
        source: HOSTILE,
        tests: [HOSTILE],
        failures: [HOSTILE],
        cells: [
          { id: HOSTILE, operation: HOSTILE, position: HOSTILE, input: HOSTILE, status: 'failed', reason: HOSTILE, tests: [HOSTILE] },
          { id: 'get:none', operation: 'get', position: HOSTILE, status: 'skipped', reason: HOSTILE, tests: [] },
        ],
        evidence: [
          {
            requirement: 'PUT-CREATE',
            level: 'MUST',
            expected: HOSTILE,
            detail: `${HOSTILE}\nExpected: ${HOSTILE}\nReceived: ${HOSTILE}`,
            replay: `CONFORMANCE_SEED=7 npm run conformance -- specs/x.spec.ts:1 ${HOSTILE}`,
            exchanges: [
              {
                request: { method: 'PUT', url: `http://127.0.0.1:1/${HOSTILE}`, headers: { 'x-h': HOSTILE }, body: HOSTILE },
                response: { status: 201, headers: { 'x-h': HOSTILE }, body: HOSTILE },
                durationMs: 1,
                attempts: 1,
                curl: `curl ${HOSTILE}`,
              },
            ],
          },
        ],
      },
    ],
    staleExpectations: [HOSTILE],
    expiredExpectations: [HOSTILE],
    skippedMust: [{ id: HOSTILE, reason: HOSTILE }],
    restoredFromSnapshot: [],
    unattributedFailures: [HOSTILE],
    errors: [HOSTILE],
  };
}

test('every value in conformance.html is HTML-escaped: no markup from a target or a test gets through', () => {
  const html = renderHtml(report(MARKUP));
  expect(html).not.toContain('<script');
  expect(html).not.toContain('<img');
  expect(html).not.toContain('onerror="');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;&#39;&quot;&amp;');
});

test('conformance.html is self-contained: inline style, no script, no external resource, a CSP that forbids loading any', () => {
  const html = renderHtml(report('plain text'));
  expect(html.match(/<style>/g)).toHaveLength(1);
  expect(html).not.toMatch(/<script|<link|<iframe|<object|\ssrc=|url\(/i);
  expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
});
