// Verdicts that say exactly what was shown: the console line and every report list the MUSTs that
// were skipped, each with its reason, and CONFORMANCE_REQUIRE_ALL=1 turns a skipped MUST into a
// failure of the run.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { conformance, report, ROOT, runEnv, tempDirs, transcript } from './helpers/cli';
import { reference } from './helpers/targets';

const TOKEN = 'e2e-honest-verdicts-token';

test('the verdict line lists the skipped MUSTs with their reasons; CONFORMANCE_REQUIRE_ALL=1 makes them fail the run', async () => {
  test.setTimeout(240_000);
  const server = await reference({ token: TOKEN });
  try {
    const args = ['specs/zones.spec.ts'];
    const dirs = tempDirs('skipped-must');
    const r = await conformance(args, runEnv(dirs, { url: server.url, token: TOKEN }));
    expect(r.code, transcript(r)).toBe(0);
    expect(r.stdout).toMatch(/Conformance verdict: PASS \(\d+ MUST skipped: [^\n]*ZONE-ISOLATION[^\n]*: needs a second zone: set CONFORMANCE_ZONE_ID_B/);
    const rep = report(dirs) as unknown as { verdict: string; skippedMust: Array<{ id: string; reason: string }> };
    expect(rep.verdict).toBe('pass');
    expect(rep.skippedMust).toContainEqual({ id: 'ZONE-ISOLATION', reason: 'needs a second zone: set CONFORMANCE_ZONE_ID_B' });
    expect(fs.readFileSync(path.join(dirs.reports, 'conformance.md'), 'utf8')).toContain('- ZONE-ISOLATION: needs a second zone');
    expect(fs.readFileSync(path.join(dirs.reports, 'conformance.html'), 'utf8')).toContain('data-testid="skipped-must"');

    const strict = tempDirs('require-all');
    const all = await conformance(args, runEnv(strict, { url: server.url, token: TOKEN }, { CONFORMANCE_REQUIRE_ALL: '1' }));
    expect(all.code, transcript(all)).toBe(1);
    expect(all.stdout).toMatch(/Conformance verdict: FAIL \(\d+ MUST skipped: .*CONFORMANCE_REQUIRE_ALL=1 counts each as a failure\)/);
    expect(report(strict).verdict).toBe('fail');
  } finally {
    await server.close();
  }
});

test('the dry run writes only its own files, in reports/dry-run/: the last real run\'s reports stay untouched', async () => {
  test.setTimeout(240_000);
  const server = await reference({ token: TOKEN });
  try {
    const dirs = tempDirs('dry-untouched');
    const env = runEnv(dirs, { url: server.url, token: TOKEN });
    const real = await conformance(['specs/put/create-replace.spec.ts', '--grep', '@PUT-CREATE'], env);
    expect(real.code, transcript(real)).toBe(0);
    const files = ['conformance.json', 'conformance.md', 'conformance.html', 'junit.xml', 'html/index.html'];
    const before = Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(dirs.reports, f), 'utf8')]));
    const dry = await conformance(['specs/put/create-replace.spec.ts', '--dry-run'], env);
    expect(dry.code, transcript(dry)).toBe(0);
    for (const f of files) expect(fs.readFileSync(path.join(dirs.reports, f), 'utf8'), `${f} untouched`).toBe(before[f]);
    expect(fs.existsSync(path.join(dirs.reports, 'dry-run.json')), 'nothing of the dry run beside them').toBe(false);
    for (const f of ['dry-run.json', 'dry-run.md', 'junit.xml']) expect(fs.existsSync(path.join(dirs.reports, 'dry-run', f)), f).toBe(true);
    expect(dry.stdout).toContain(`Written to ${path.join(path.relative(ROOT, dirs.reports), 'dry-run', 'dry-run.json')}`);
  } finally {
    await server.close();
  }
});
