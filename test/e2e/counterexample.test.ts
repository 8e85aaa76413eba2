// A property failure said as HTTP: against a target whose GET looks the path address up as given
// (the self-test's get-no-normalize mutant), the normalization property fails on GET-FOUND, and its
// evidence lists the shrunk counterexample as numbered requests (method, path, body) with the
// target's answers, in conformance.json, in conformance.html and on the console.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import mutant from '../../selftest/mutants/get-no-normalize';
import { conformance, report, row, runEnv, tempDirs, transcript } from './helpers/cli';
import { reference } from './helpers/targets';

const TOKEN = 'e2e-counterexample-token';

test('a property failure carries its shrunk counterexample as numbered requests and responses', async () => {
  test.setTimeout(180_000);
  const server = await reference({ token: TOKEN, hooks: mutant.hooks });
  try {
    const dirs = tempDirs('counterexample');
    // The full profile shrinks (the budget profile stops at the first failure).
    const env = runEnv(dirs, { url: server.url, token: TOKEN }, { CONFORMANCE_PROFILE: 'full', CONFORMANCE_NUM_RUNS: '30' });
    const r = await conformance(['specs/put/normalization.spec.ts', '--grep', 'PUT stores the canonical text; GET'], env);
    expect(r.code, transcript(r)).toBe(1);
    const ev = row(report(dirs), 'GET-FOUND').evidence!.find((e) => (e as { steps?: unknown }).steps) as unknown as {
      steps: Array<{ method: string; path: string; body?: string; status?: number; response?: string }>;
    };
    expect(ev, 'the evidence has the counterexample as requests').toBeDefined();
    const { steps } = ev;
    // The shrunk run: PUT the address under one spelling (200), then GET it under another (404), the failure.
    expect(steps.length).toBeGreaterThanOrEqual(2);
    const put = steps.find((s) => s.method === 'PUT')!;
    expect(put.status).toBe(200);
    expect(JSON.parse(put.body!)).toMatchObject({ origin_ip: expect.any(String), vendor: expect.any(String), region: expect.any(String) });
    expect(put.path).toMatch(/^\/client\/v4\/zones\/[0-9a-f]{32}\/origin\/cloud_regions\/[^/]+$/);
    const last = steps.at(-1)!;
    expect(last.method).toBe('GET');
    expect(last.status).toBe(404);
    expect(JSON.parse(last.response!)).toMatchObject({ success: false });
    expect(steps.indexOf(put)).toBeLessThan(steps.length - 1);
    // On the console, numbered.
    expect(r.stdout + r.stderr).toContain(`the counterexample as requests (${steps.length}):`);
    expect(r.stdout + r.stderr).toMatch(new RegExp(`\\b1\\. ${steps[0]!.method} ${steps[0]!.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // In the page, one list item per request, in order.
    const html = fs.readFileSync(path.join(dirs.reports, 'conformance.html'), 'utf8');
    const list = /<ol class="steps" data-testid="counterexample">([\s\S]*?)<\/ol>/.exec(html)?.[1];
    expect(list).toBeDefined();
    expect(list!.match(/<li>/g)).toHaveLength(steps.length);
    expect(list).toContain('→ 404');
  } finally {
    await server.close();
  }
});
