// One run of the real CLI against a hostile, failing target (server hooks: PUT answers 201, a
// mismatch loses code 1146, and the Authorization header is echoed back in bodies and headers), with
// a marker token. It proves: exit code 1 for a MUST failure; the marker appears in no file the run
// left behind nor in its output; a failure carries complete evidence whose replay command
// reproduces it; the HTML report shows verdict, matrix and evidence in a real Chromium. Then a dry run
// against the same kind of target: GETs only, and the marker nowhere either.
import { chromium, expect, test } from '@playwright/test';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { conformance, report, ROOT, row, runEnv, tempDirs, transcript, ZONE, type Dirs, type Result } from './helpers/cli';
import { searchText, searchTree } from './helpers/secrets';
import { hostile, reference, type ReferenceServer } from './helpers/targets';
import { unzip } from './helpers/zip';

// Characters that percent-encoding and JSON escaping change, so that every spelling is searched.
const MARKER = 'marker-0f3c9a7d+51e2/4b68=a0c4e1';
const SPECS = ['specs/put/create-replace.spec.ts', 'specs/put/mismatch.spec.ts'];
const GREP = ['--grep', '@PUT-CREATE|@PUT-MISMATCH-CODE'];

test.describe.configure({ mode: 'serial' });

/** The run's blob report: blob/report-<hash of the command line>.zip. */
const blobOf = (d: Dirs) => `blob/${fs.readdirSync(path.join(d.reports, 'blob')).find((f) => f.endsWith('.zip'))}`;

let server: ReferenceServer;
let dirs: Dirs;
let run: Result;

test.beforeAll(async () => {
  server = await reference({ token: MARKER, hooks: hostile });
  dirs = tempDirs('failing');
  run = await conformance([...SPECS, ...GREP], runEnv(dirs, { url: server.url, token: MARKER }));
});

test.afterAll(async () => {
  await server?.close();
});

test('a target that breaks a MUST: exit code 1, the requirement failed in conformance.json', () => {
  expect(run.code, transcript(run)).toBe(1);
  const r = report(dirs);
  expect(r.verdict).toBe('fail');
  expect(row(r, 'PUT-CREATE').status, 'PUT answers 201: a MUST').toBe('failed');
  expect(row(r, 'PUT-MISMATCH-CODE').status, 'no code 1146: a SHOULD').toBe('failed');
  expect(row(r, 'PUT-MISMATCH-REJECTED').status, 'the 400 itself is right').toBe('passed');
  expect(r.errors).toEqual([]);
  const badge = JSON.parse(fs.readFileSync(path.join(dirs.reports, 'badge.json'), 'utf8')) as { message: string };
  expect(badge, 'the shields.io endpoint shows the failure').toMatchObject({ schemaVersion: 1, label: 'conformance', color: 'red' });
  expect(badge.message).toMatch(/^\d+\/\d+ MUST, \d+ failed/);
  // The console's next steps: the page to open and the replay command of the first failure (the MUST).
  const tail = run.stdout.slice(run.stdout.lastIndexOf('Next steps:'));
  expect(tail, transcript(run)).toContain(`  open the report:          ${path.join(dirs.reports, 'conformance.html')}`);
  expect(tail).toContain('  replay the first failure (MUST PUT-CREATE):');
  expect(tail).toContain(`    ${row(r, 'PUT-CREATE').evidence![0]!.replay}\n`);
});

test('the marker token appears in no file the run left behind and in none of its output, in any spelling', () => {
  const expected = [
    'conformance.json', 'conformance.md', 'conformance.html', 'badge.json', 'junit.xml', 'html/index.html', blobOf(dirs),
  ];
  for (const f of expected) expect(fs.existsSync(path.join(dirs.reports, f)), `${f} was written`).toBe(true);
  expect(fs.readdirSync(dirs.state).length, 'the run journal is searched too').toBeGreaterThan(0);
  const { findings, files } = searchTree([dirs.root], MARKER);
  expect(files, 'files searched (zip entries included)').toBeGreaterThan(10);
  const output = [...searchText('stdout', run.stdout, MARKER), ...searchText('stderr', run.stderr, MARKER)];
  expect([...findings, ...output]).toEqual([]);
  // Control: the target did send the marker back, so the redaction was exercised, not bypassed.
  const ev = row(report(dirs), 'PUT-MISMATCH-CODE').evidence![0]!;
  const res = ev.exchanges.at(-1)!.response!;
  expect(res.body).toContain('you sent Authorization: Bearer [REDACTED]');
  expect(res.headers['x-echo-authorization']).toBe('Bearer [REDACTED]');
});

test('a failure carries its requirement, what was expected, the redacted exchange, a curl command and a replay command that reproduces it', async () => {
  const r = report(dirs);
  const q = row(r, 'PUT-CREATE');
  expect(q.failures?.length).toBeGreaterThan(0);
  const ev = q.evidence![0]!;
  expect(ev.requirement).toBe('PUT-CREATE');
  expect(ev.level).toBe('MUST');
  expect(ev.expected.length).toBeGreaterThan(10);
  expect(ev.detail).toContain('201');
  const x = ev.exchanges.at(-1)!;
  expect(x.request.method).toBe('PUT');
  expect(x.request.url).toMatch(new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/zones/${ZONE}/origin/cloud_regions/[^/]+$`));
  expect(x.request.headers.authorization).toBe('Bearer [REDACTED]');
  expect(JSON.parse(x.request.body!)).toMatchObject({ origin_ip: expect.any(String), vendor: expect.any(String), region: expect.any(String) });
  expect(x.response!.status).toBe(201);
  // The curl command: the same request, the token read from the environment, quoted for a shell.
  expect(x.curl).toMatch(/^curl -sS -X PUT '[^']+' /);
  expect(x.curl).toContain(`'${x.request.url}'`);
  expect(x.curl).toContain('-H "Authorization: Bearer $CONFORMANCE_API_TOKEN"');
  expect(x.curl).toContain(`--data-raw '${x.request.body}'`);
  // The evidence travels as a Playwright attachment too (the HTML test report, blob reports).
  const blob = unzip(fs.readFileSync(path.join(dirs.reports, blobOf(dirs))));
  const events = blob.get('report.jsonl')!.toString('utf8');
  expect(events).toContain('evidence-1-PUT-CREATE.json');

  // The replay command: CONFORMANCE_SEED=<seed> npm run conformance -- <file>:<line>.
  const m = /^CONFORMANCE_SEED=(\d+) npm run conformance -- (specs\/\S+\.spec\.ts:\d+)$/.exec(ev.replay);
  expect(m, ev.replay).not.toBeNull();
  const again = tempDirs('replay');
  const replay = await conformance([m![2]!], runEnv(again, { url: server.url, token: MARKER }, { CONFORMANCE_SEED: m![1]! }));
  expect(replay.code, transcript(replay)).toBe(1);
  const ev2 = row(report(again), 'PUT-CREATE').evidence![0]!;
  expect(ev2.exchanges.at(-1)!.request.url, 'the same seed writes the same address').toBe(x.request.url);
  expect(ev2.exchanges.at(-1)!.request.body).toBe(x.request.body);
  // Pasted into a shell where only the suite's own variable is set, the curl sends the same request
  // and gets the 201 the suite saw: one token variable for the suite and its curl commands. (After
  // the replay, which must find the address free; asynchronously: the target runs in this process.)
  const pasted = await promisify(execFile)('sh', ['-c', `${x.curl} -o /dev/null -w '%{http_code}'`], {
    env: { PATH: process.env.PATH, CONFORMANCE_API_TOKEN: MARKER },
    encoding: 'utf8',
  });
  expect(pasted.stdout).toBe('201');
});

test('conformance.html in a real headless Chromium: the verdict, then the failures with their evidence (the first one on a phone\'s first screen), then the matrix', async () => {
  test.setTimeout(300_000); // a first run may install Debian's chromium
  execFileSync('sh', [path.join(ROOT, 'scripts/ensure-chromium.sh')], { stdio: 'inherit' });
  const file = path.join(dirs.reports, 'conformance.html');
  const html = fs.readFileSync(file, 'utf8');
  expect(html, 'self-contained: no script, no external resource').not.toMatch(/<script|<link|src=|https?:\/\/(?!127\.0\.0\.1)/i);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (req) => requested.push(req.url()));
    await page.goto(`file://${file}`);
    await expect(page.getByTestId('verdict')).toHaveText('FAIL');
    await expect(page.getByTestId('facts')).toContainText(server.url);
    await expect(page.getByTestId('facts')).toContainText('20261128');
    const matrix = page.getByTestId('matrix');
    await expect(matrix.locator('section[data-level="MUST"] h3')).toContainText('MUST');
    await expect(matrix.locator('section[data-level="SHOULD"] h3')).toContainText('SHOULD');
    await expect(matrix.locator('tr[data-requirement="PUT-CREATE"]')).toContainText('failed');
    await expect(matrix.locator('tr[data-requirement="PUT-MISMATCH-REJECTED"]')).toContainText('passed');
    await expect(matrix.getByText('PUT /zones/{zone_id}/origin/cloud_regions/{origin_ip}').first()).toBeVisible();
    await expect(page.getByTestId('by-operation')).toBeVisible();
    const failure = page.locator('section.failure[data-requirement="PUT-CREATE"]');
    await expect(failure).toBeVisible();
    await expect(failure.getByTestId('request').first()).toContainText('Bearer [REDACTED]');
    await expect(failure.getByTestId('response').first()).toContainText('HTTP 201');
    await expect(failure.getByTestId('curl').first()).toContainText('$CONFORMANCE_API_TOKEN');
    await expect(failure.getByTestId('replay').first()).toContainText('CONFORMANCE_SEED=20261128 npm run conformance --');
    // Failures first: the failed MUST leads, with expected versus received, before the matrix.
    const first = page.getByTestId('first-failure');
    await expect(first).toHaveAttribute('data-requirement', 'PUT-CREATE');
    const xr = first.getByTestId('expected-received').first();
    await expect(xr).toContainText('expected');
    await expect(xr).toContainText('200');
    await expect(xr).toContainText('201');
    const y = async (l: typeof first) => (await l.boundingBox())!.y;
    expect(await y(first), 'the failures come before the facts and the matrix').toBeLessThan(await y(page.getByTestId('facts')));
    expect(await y(page.getByTestId('facts'))).toBeLessThan(await y(matrix));
    expect(await y(page.locator('section.failure[data-requirement="PUT-MISMATCH-CODE"]')), 'MUST before SHOULD').toBeGreaterThan(await y(first));
    // Copy without script: one click selects the whole command (user-select: all).
    const curl = first.getByTestId('curl').first();
    await curl.click();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(await curl.textContent());
    // Each row links to the requirement's entry in docs/requirements.md, relative to the report's place.
    const doc = await matrix.locator('tr[data-requirement="PUT-CREATE"] a[href*="requirements.md"]').getAttribute('href');
    expect(doc).toMatch(/docs\/requirements\.md#put-create$/);
    expect(fs.existsSync(fileURLToPath(new URL(doc!, `file://${file}`))), `${doc} resolves from ${file}`).toBe(true);
    // The matrix links to the evidence.
    await matrix.locator('tr[data-requirement="PUT-CREATE"] a[href^="#req-"]').click();
    await expect(page).toHaveURL(/#req-PUT-CREATE$/);
    expect(await page.content()).not.toContain(MARKER);
    expect(requested.every((u) => u.startsWith('file://')), requested.join('\n')).toBe(true);
    // The first screen at desktop and at phone width, unscrolled: the verdict and the first failure
    // (its heading and expected versus received) are in it.
    for (const [width, height] of [[1400, 900], [400, 780]] as const) {
      const shot = await browser.newPage({ viewport: { width, height } });
      await shot.goto(`file://${file}`);
      for (const part of [shot.getByTestId('verdict'), shot.getByTestId('first-failure').locator('h3'), shot.getByTestId('first-failure').getByTestId('expected-received').first()]) {
        const box = (await part.boundingBox())!;
        expect(box.y + box.height, `at ${width} px, visible without scrolling`).toBeLessThanOrEqual(height);
        expect(box.x + box.width, `at ${width} px, not cut off at the right`).toBeLessThanOrEqual(width);
      }
      const png = path.join(dirs.reports, `conformance-html-${width}.png`);
      await shot.screenshot({ path: png });
      expect(fs.statSync(png).size).toBeGreaterThan(10_000);
      // Kept with the project's own test results (the run's temporary directory is removed).
      await test.info().attach(`conformance-html-${width}.png`, { path: png, contentType: 'image/png' });
      await shot.close();
    }
  } finally {
    await browser.close();
  }
});

test('a dry run against the failing target sends GETs only, lists the mutating requests, and leaks the marker nowhere', async () => {
  const methods: string[] = [];
  const target = await reference({
    token: MARKER,
    hooks: { reply: (reply, request) => (methods.push(request.method), hostile.reply!(reply, request)) },
  });
  try {
    const d = tempDirs('dry');
    const r = await conformance([...SPECS, ...GREP, '--dry-run'], runEnv(d, { url: target.url, token: MARKER }));
    expect(r.code, transcript(r)).toBe(0);
    const dry = JSON.parse(fs.readFileSync(path.join(d.reports, 'dry-run', 'dry-run.json'), 'utf8')) as { mutatingRequests: Record<string, number>; mutatingTotal: number };
    expect(dry.mutatingTotal).toBeGreaterThan(0);
    expect(Object.keys(dry.mutatingRequests).every((k) => /^(PUT|DELETE) \//.test(k))).toBe(true);
    expect(methods.length, 'the real target was read').toBeGreaterThan(0);
    expect([...new Set(methods)], 'and only read').toEqual(['GET']);
    const { findings } = searchTree([d.root], MARKER);
    expect([...findings, ...searchText('stdout', r.stdout, MARKER), ...searchText('stderr', r.stderr, MARKER)]).toEqual([]);
  } finally {
    await target.close();
  }
});
