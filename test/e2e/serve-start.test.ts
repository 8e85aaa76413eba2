// `npm run serve`'s start lines, as a newcomer reads them: the URL, the token to send (the built-in
// default is public, server/README.md; a token from REFERENCE_API_TOKEN is only named, never
// printed), and a curl for supported_regions that works when pasted into a shell as printed.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { start, type Running } from './helpers/cli';
import { NODE_TS } from '../../suite/run/launch';


function serve(env: Record<string, string | undefined>): Running & { output: () => string } {
  const base = { ...process.env };
  delete base.REFERENCE_API_TOKEN;
  const run = start(process.execPath, [...NODE_TS, 'server/cli.ts'], { ...base, PORT: '0', ...env }, 30_000);
  let output = '';
  run.child.stdout!.on('data', (d: Buffer) => (output += d.toString('utf8')));
  return { ...run, output: () => output };
}

/** The three start lines, once printed. */
async function startLines(run: { output: () => string }): Promise<string[]> {
  await expect.poll(() => run.output().split('\n').length, { timeout: 20_000 }).toBeGreaterThan(3);
  return run.output().split('\n').slice(0, 3);
}

/** Runs the printed command in a shell, as a user pasting it would, with `shellEnv` exported. */
function paste(command: string, shellEnv: Record<string, string> = {}): { success?: boolean; result?: { vendors?: Record<string, unknown> } } {
  return JSON.parse(execFileSync('sh', ['-c', command], { env: { PATH: process.env.PATH, ...shellEnv }, encoding: 'utf8', timeout: 10_000 }));
}

test('with the default token: the URL, the token itself, and a curl that lists supported regions as pasted', async () => {
  const run = serve({});
  try {
    const [url, token, tryLine] = await startLines(run);
    expect(url).toMatch(/^Reference server listening on http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
    expect(token).toBe('  token: reference-token (the built-in default; set REFERENCE_API_TOKEN to choose another)');
    const m = /^ {2}try: {3}(curl .*)$/.exec(tryLine!);
    expect(m, tryLine).not.toBeNull();
    expect(m![1]).toContain('/zones/023e105f4ecef8ad9ca31a8372d0c353/origin/cloud_regions/supported_regions');
    const body = paste(m![1]!);
    expect(body.success).toBe(true);
    expect(Object.keys(body.result?.vendors ?? {})).toContain('aws');
  } finally {
    run.killGroup();
    await run.done;
  }
});

test('with REFERENCE_API_TOKEN: the token is named, never printed, and the curl reads it from the shell', async () => {
  const secret = 'serve-start-secret-7f3a';
  const run = serve({ REFERENCE_API_TOKEN: secret });
  try {
    const [, token, tryLine] = await startLines(run);
    expect(token).toContain('the value of REFERENCE_API_TOKEN');
    expect(tryLine).toContain('"Authorization: Bearer $REFERENCE_API_TOKEN"');
    const command = /^ {2}try: {3}(curl .*)$/.exec(tryLine!)![1]!;
    expect(paste(command, { REFERENCE_API_TOKEN: secret }).success, 'the pasted curl works with the variable exported').toBe(true);
    expect(paste(command, { REFERENCE_API_TOKEN: 'wrong' }).success, 'and really sends it').toBe(false);
    expect(run.output()).not.toContain(secret);
  } finally {
    run.killGroup();
    await run.done;
  }
  expect(run.output()).not.toContain(secret);
});
