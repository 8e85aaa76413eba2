// Sharding across machines: `--shard i/n` splits the suite so that the shards together run every
// test exactly once; each shard writes its own conformance.json and blob report; `npm run
// conformance:merge` joins the conformance reports (worst status per requirement, figures summed,
// verdict judged again) and `npx playwright merge-reports` joins the blob reports. Shards here run at
// the same time against one target, one zone each, as CI machines would.
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { mergeReports } from '../../suite/report/merge';
import type { ConformanceReport } from '../../suite/report/types';
import type { RequirementRow } from '../../suite/report/matrix';
import { conformance, report, ROOT, row, runEnv, tempDirs, tool, transcript } from './helpers/cli';
import { reference } from './helpers/targets';

const PLAYWRIGHT = require.resolve('@playwright/test/cli');

function listed(args: string[]): string[] {
  const dirs = tempDirs('list');
  const r = spawnSync(process.execPath, [PLAYWRIGHT, 'test', '--list', ...args], { cwd: ROOT, env: runEnv(dirs, undefined), encoding: 'utf8' });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout.split('\n').filter((l) => /^\s+\S+\.spec\.ts:\d+:\d+ › /.test(l)).map((l) => l.trim());
}

test('--shard 1/2 and 2/2 together list every test of the suite exactly once', () => {
  const all = listed([]);
  const one = listed(['--shard', '1/2']);
  const two = listed(['--shard', '2/2']);
  expect(all.length).toBeGreaterThan(10);
  expect(one.length).toBeGreaterThan(0);
  expect(two.length).toBeGreaterThan(0);
  expect([...one, ...two].sort()).toEqual([...all].sort());
  expect(one.filter((t) => two.includes(t)), 'no test in both shards').toEqual([]);
});

test('two shards run at once, one zone each; conformance:merge and playwright merge-reports join them', async () => {
  const TOKEN = 'e2e-shard-token';
  const server = await reference({ token: TOKEN });
  try {
    const specs = ['specs/put/create-replace.spec.ts', 'specs/put/mismatch.spec.ts'];
    const zones = ['05ad0000000000000000000000000001', '05ad0000000000000000000000000002'];
    const shards = [1, 2].map((i) => ({ i, dirs: tempDirs(`shard${i}`) }));
    const results = await Promise.all(
      shards.map(({ i, dirs }) => conformance([...specs, `--shard=${i}/2`], runEnv(dirs, { url: server.url, token: TOKEN, zone: zones[i - 1] }))),
    );
    results.forEach((r) => expect(r.code, transcript(r)).toBe(0));
    const [a, b] = shards.map(({ dirs }) => report(dirs));

    const out = tempDirs('merged');
    const merged = await tool('merge', [...shards.map(({ dirs }) => dirs.reports), '--out', out.reports], runEnv(out, undefined)).done;
    expect(merged.code, transcript(merged)).toBe(0);
    const m = report(out);
    expect(m.verdict).toBe('pass');
    expect(m.requests).toBe(a!.requests + b!.requests);
    // A requirement one shard ran and the other did not is passed in the merge, not skipped.
    for (const id of ['PUT-CREATE', 'PUT-REPLACE', 'PUT-MISMATCH-REJECTED', 'PUT-SAME-ADDRESS-SPELLING']) {
      expect([row(a!, id).status, row(b!, id).status], `${id} ran in one shard at least`).toContain('passed');
      expect(row(m, id).status).toBe('passed');
    }
    for (const f of ['conformance.md', 'conformance.html', 'badge.json']) expect(fs.existsSync(path.join(out.reports, f))).toBe(true);

    // Playwright's own reports: the blob of each shard, merged into one JUnit file with every test once.
    const blobs = path.join(out.root, 'all-blob-reports');
    fs.mkdirSync(blobs);
    for (const { dirs } of shards)
      for (const f of fs.readdirSync(path.join(dirs.reports, 'blob'))) fs.copyFileSync(path.join(dirs.reports, 'blob', f), path.join(blobs, f));
    expect(fs.readdirSync(blobs), 'one blob per shard, with distinct names').toHaveLength(2);
    const junit = path.join(out.root, 'merged-junit.xml');
    const mr = spawnSync(process.execPath, [PLAYWRIGHT, 'merge-reports', '--reporter', 'junit', blobs], {
      cwd: ROOT,
      env: { ...runEnv(out, undefined), PLAYWRIGHT_JUNIT_OUTPUT_FILE: junit },
      encoding: 'utf8',
    });
    expect(mr.status, `${mr.stdout}\n${mr.stderr}`).toBe(0);
    const cases = [...fs.readFileSync(junit, 'utf8').matchAll(/<testcase name="([^"]*)"/g)].map((x) => x[1]);
    expect(cases.length).toBe(listed(specs).length);
    expect(new Set(cases).size, 'every test once').toBe(cases.length);
  } finally {
    await server.close();
  }
});

// mergeReports on its own: the rules, with hand-made shard reports.
function rep(rows: Array<Partial<RequirementRow> & { id: string; status: RequirementRow['status'] }>, extra: Partial<ConformanceReport> = {}): ConformanceReport {
  return {
    verdict: 'pass',
    target: { baseUrl: 'http://127.0.0.1:1/client/v4', embedded: false, zones: ['z'] },
    suiteVersion: '0.1.0',
    seed: 1,
    profile: 'budget',
    strict: false,
    requireAll: false,
    shard: null,
    startedAt: '2026-11-28T00:00:00.000Z',
    finishedAt: '2026-11-28T00:01:00.000Z',
    requests: 10,
    requestsByKind: { 'PUT x': 4, 'GET x': 6 },
    rateLimit: { responses429: 1, waitedMs: 500 },
    transportRetries: 2,
    summary: {},
    requirements: rows.map((r) => ({ level: 'MUST', operation: 'put', title: r.id, source: 's', tests: [], ...r })),
    staleExpectations: [],
    expiredExpectations: [],
    skippedMust: [],
    restoredFromSnapshot: [],
    unattributedFailures: [],
    errors: [],
    ...extra,
  };
}

test('merge rules: failed > expected-failure > passed > skipped, figures summed, verdict judged on the merged matrix', () => {
  const a = rep([
    { id: 'A', status: 'passed' },
    { id: 'B', status: 'skipped', reason: 'no test ran it' },
    { id: 'C', status: 'skipped' },
    { id: 'D', status: 'passed', stale: true, reason: 'known' },
    { id: 'E', level: 'SHOULD', status: 'failed', failures: ['x'] },
  ]);
  const b = rep([
    { id: 'A', status: 'failed', failures: ['broken'], evidence: [{ requirement: 'A' }] },
    { id: 'B', status: 'passed' },
    { id: 'C', status: 'skipped' },
    { id: 'D', status: 'expected-failure', reason: 'known' },
    { id: 'E', level: 'SHOULD', status: 'passed' },
  ]);
  const m = mergeReports([
    { source: 'a', report: a },
    { source: 'b', report: b },
  ]);
  const st = (id: string) => m.requirements.find((q) => q.id === id)!;
  expect(st('A')).toMatchObject({ status: 'failed', failures: ['broken'], evidence: [{ requirement: 'A' }] });
  expect(st('B').status).toBe('passed');
  expect(st('B').reason, 'a skip reason does not survive a shard that ran it').toBeUndefined();
  expect(st('C').status).toBe('skipped');
  expect(st('D')).toMatchObject({ status: 'expected-failure', reason: 'known' });
  expect(st('D').stale, 'stale only when no shard still fails it').toBeUndefined();
  expect(st('E').status).toBe('failed');
  expect(m.verdict).toBe('fail');
  expect(m.requests).toBe(20);
  expect(m.requestsByKind).toEqual({ 'PUT x': 8, 'GET x': 12 });
  expect(m.rateLimit).toEqual({ responses429: 2, waitedMs: 1000 });
  expect(m.transportRetries).toBe(4);
  expect(m.summary).toMatchObject({ 'MUST failed': 1, 'MUST passed': 1, 'MUST skipped': 1, 'MUST expected-failure': 1, 'SHOULD failed': 1 });

  const onlyShould = mergeReports([{ source: 'a', report: rep([{ id: 'E', level: 'SHOULD', status: 'failed' }]) }, { source: 'b', report: rep([{ id: 'E', level: 'SHOULD', status: 'passed' }]) }]);
  expect(onlyShould.verdict, 'a SHOULD failure passes unless strict').toBe('pass');
  const strict = mergeReports([{ source: 'a', report: rep([{ id: 'E', level: 'SHOULD', status: 'failed' }], { strict: true }) }]);
  expect(strict.verdict).toBe('fail');
  const errored = mergeReports([{ source: 'a', report: rep([{ id: 'A', status: 'passed' }]) }, { source: 'b', report: rep([{ id: 'A', status: 'passed' }], { verdict: 'error', errors: ['boom'] }) }]);
  expect(errored.verdict, 'a shard that errored makes the whole run an error').toBe('error');
  expect(errored.errors).toEqual(['b: boom']);
});

test('conformance:merge exits like a run: 1 when a shard failed a MUST, 2 when a shard report is missing', async () => {
  const dirs = tempDirs('merge-cli');
  fs.mkdirSync(dirs.reports, { recursive: true });
  const ok = path.join(dirs.root, 'ok.json');
  const bad = path.join(dirs.root, 'bad.json');
  fs.writeFileSync(ok, JSON.stringify(rep([{ id: 'A', status: 'passed' }], { shard: '1/2' })));
  fs.writeFileSync(bad, JSON.stringify(rep([{ id: 'A', status: 'failed', failures: ['x'] }], { verdict: 'fail', shard: '2/2' })));
  const failed = await tool('merge', [ok, bad, '--out', dirs.reports], runEnv(dirs, undefined)).done;
  expect(failed.code, transcript(failed)).toBe(1);
  expect(failed.stdout).toContain('MUST A failed');
  const missing = await tool('merge', [ok, path.join(dirs.root, 'absent.json')], runEnv(dirs, undefined)).done;
  expect(missing.code, transcript(missing)).toBe(2);
  expect(missing.stderr).toContain('absent.json');
});

test('conformance:merge refuses a missing or duplicate shard (exit 2) unless told the set is partial', async () => {
  const dirs = tempDirs('merge-partial');
  fs.mkdirSync(dirs.reports, { recursive: true });
  const one = path.join(dirs.root, 'one.json');
  const skippedB = { id: 'B', status: 'skipped' as const, reason: 'no test ran it' };
  fs.writeFileSync(one, JSON.stringify(rep([{ id: 'A', status: 'passed' }, skippedB], { shard: '1/2', seed: 42 })));
  const alone = await tool('merge', [one, '--out', dirs.reports], runEnv(dirs, undefined)).done;
  expect(alone.code, transcript(alone)).toBe(2);
  expect(alone.stderr).toContain('shard 2/2 is missing');
  expect(fs.existsSync(path.join(dirs.reports, 'conformance.json')), 'nothing merged').toBe(false);
  const twice = await tool('merge', [one, one, '--out', dirs.reports], runEnv(dirs, undefined)).done;
  expect(twice.code, transcript(twice)).toBe(2);
  expect(twice.stderr).toContain('shard 1/2 is given twice');
  const partial = await tool('merge', [one, '--partial', '--out', dirs.reports], runEnv(dirs, undefined)).done;
  expect(partial.code, transcript(partial)).toBe(0);
  expect(partial.stdout).toContain('PARTIAL (--partial): shard 2/2 is missing');
  expect(partial.stdout).toContain('Conformance verdict: PASS (1 MUST skipped: B: no test ran it)');
  const merged = JSON.parse(fs.readFileSync(path.join(dirs.reports, 'conformance.json'), 'utf8')) as { partial: string; shards: Array<{ shard: string; seed: number }> };
  expect(merged.partial).toBe('shard 2/2 is missing');
  expect(merged.shards).toMatchObject([{ shard: '1/2', seed: 42 }]);
});
