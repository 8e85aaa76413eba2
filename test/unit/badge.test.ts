// reports/badge.json (a shields.io endpoint) counts the catalogue's MUSTs honestly, and every row of
// conformance.md and conformance.html links to the requirement's entry in docs/requirements.md.
import { expect, test } from '@playwright/test';
import { finding } from '../../suite/judging/annotations';
import { badge } from '../../suite/report/badge';
import { renderHtml } from '../../suite/report/html';
import { renderMarkdown } from '../../suite/report/markdown';
import { judge, type TestOutcome } from '../../suite/report/matrix';
import type { ConformanceReport } from '../../suite/report/types';
import { REQUIREMENTS } from '../../suite/judging/requirements';

const MUSTS = [...REQUIREMENTS.values()].filter((r) => r.level === 'MUST').map((r) => r.id);
const SHOULDS = [...REQUIREMENTS.values()].filter((r) => r.level === 'SHOULD').map((r) => r.id);

function outcome(o: Partial<TestOutcome>): TestOutcome {
  return { title: 't', file: 'specs/x.spec.ts', line: 1, status: 'passed', cited: [], violations: [], observations: [], evidence: [], ...o };
}

/** A report as the reporter builds it, from outcomes judged against the whole catalogue. */
function report(outcomes: TestOutcome[], opts: { strict?: boolean; error?: boolean; expectations?: Array<{ id: string; reason: string }> } = {}): ConformanceReport {
  const judged = judge(outcomes, opts.expectations ?? [], { strict: opts.strict });
  return {
    verdict: opts.error ? 'error' : judged.verdict,
    target: { baseUrl: 'http://127.0.0.1:1/client/v4', embedded: true, zones: ['z'] },
    suiteVersion: '0.1.0',
    seed: 1,
    profile: 'full',
    strict: !!opts.strict,
    requireAll: false,
    shard: null,
    startedAt: null,
    finishedAt: '2026-11-29T00:00:00.000Z',
    requests: 0,
    requestsByKind: {},
    rateLimit: { responses429: 0, waitedMs: 0 },
    transportRetries: 0,
    summary: {},
    requirements: judged.requirements,
    staleExpectations: judged.staleExpectations,
    expiredExpectations: judged.expiredExpectations,
    skippedMust: judged.skippedMust,
    restoredFromSnapshot: [],
    unattributedFailures: judged.unattributed,
    errors: opts.error ? ['boom'] : [],
  };
}

const all = (extra: Partial<TestOutcome> = {}) => outcome({ cited: [...REQUIREMENTS.keys()], ...extra });

test('every MUST passed: brightgreen, "N/N MUST" over the whole catalogue', () => {
  expect(badge(report([all()]))).toEqual({ schemaVersion: 1, label: 'conformance', message: `${MUSTS.length}/${MUSTS.length} MUST`, color: 'brightgreen' });
});

test('a failed MUST turns the badge red and is counted', () => {
  const b = badge(report([all({ violations: [finding(MUSTS[0]!, 'broken')] })]));
  expect(b).toMatchObject({ message: `${MUSTS.length - 1}/${MUSTS.length} MUST, 1 failed`, color: 'red' });
});

test('skipped MUSTs are named in the message and keep the badge from green', () => {
  const ran = MUSTS.slice(3);
  const b = badge(report([outcome({ cited: ran })]));
  expect(b).toMatchObject({ message: `${ran.length}/${MUSTS.length} MUST, 3 skipped`, color: 'yellow' });
});

test('an expected failure is not a pass; a strict SHOULD failure and a run error are stated', () => {
  const expected = badge(report([all({ violations: [finding(MUSTS[1]!, 'known')] })], { expectations: [{ id: MUSTS[1]!, reason: 'known gap' }] }));
  expect(expected).toMatchObject({ message: `${MUSTS.length - 1}/${MUSTS.length} MUST, 1 expected failure`, color: 'yellow' });
  const strict = badge(report([all({ violations: [finding(SHOULDS[0]!, 'no')] })], { strict: true }));
  expect(strict).toMatchObject({ message: `${MUSTS.length}/${MUSTS.length} MUST, 1 SHOULD failed (strict)`, color: 'red' });
  expect(badge(report([all()], { error: true }))).toMatchObject({ message: `${MUSTS.length}/${MUSTS.length} MUST, run error`, color: 'lightgrey' });
});

test('each requirement row of conformance.md and conformance.html links to its docs/requirements.md entry', () => {
  const r = report([all()]);
  const md = renderMarkdown(r, '../docs/requirements.md');
  const html = renderHtml(r, '../../docs/requirements.md');
  for (const id of REQUIREMENTS.keys()) {
    const anchor = id.toLowerCase();
    expect(md, `${id} in conformance.md`).toContain(`| [${id}](../docs/requirements.md#${anchor}) |`);
    expect(html, `${id} in conformance.html`).toMatch(new RegExp(`data-requirement="${id}"[^\\n]*<a href="\\.\\./\\.\\./docs/requirements\\.md#${anchor}">`));
  }
});
