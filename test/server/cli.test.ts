// `npm run serve` (server/cli.ts) as a process: its start lines (URL first), one log line per request
// without the token, a clean exit 0 on SIGTERM/SIGINT, and exit 2 naming the variable on bad config.
// The server runs in the spawned node process itself (node --import tsx), so the signal reaches it
// directly: the tsx CLI would relay it with a deadline that a loaded machine misses.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NODE_TS } from '../../suite/run/launch';
import { expect, rawRequest, test } from './fixtures';

const ROOT = resolve(__dirname, '../..');
const CLI_TOKEN = 'cli-secret-token-123';
const ZONE = '0123456789abcdef0123456789abcdef';

function serve(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [...NODE_TS, 'server/cli.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function waitFor<T>(probe: () => T | undefined, what: string, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test.describe('npm run serve (server/cli.ts)', () => {
  test.describe.configure({ mode: 'parallel' });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    test(`prints its URL, logs requests without the token, and exits 0 on ${signal}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'reference-cli-'));
      const state = join(dir, 'state.json');
      writeFileSync(state, JSON.stringify({ [ZONE]: [{ origin_ip: '2001:DB8::7', vendor: 'gcp', region: 'us-central1' }] }));
      const { child, output, exited } = serve({ PORT: '0', REFERENCE_API_TOKEN: CLI_TOKEN, REFERENCE_STATE_FILE: state, REFERENCE_RATE_LIMIT: '1200/300' });
      try {
        const url = await waitFor(() => /^Reference server listening on (http:\/\/127\.0\.0\.1:\d+\/client\/v4)\n/.exec(output())?.[1], 'the URL line');
        const auth = { authorization: `Bearer ${CLI_TOKEN}` };
        const res = await rawRequest(url, { method: 'GET', path: `/zones/${ZONE}/origin/cloud_regions/2001:db8::7`, headers: auth });
        expect(res.status).toBe(200);
        expect(res.json.result).toMatchObject({ origin_ip: '2001:db8::7', vendor: 'gcp' }); // from REFERENCE_STATE_FILE
        expect(res.headers['ratelimit-policy']).toBe('"default";q=1200;w=300'); // REFERENCE_RATE_LIMIT
        await rawRequest(url, { method: 'GET', path: `/zones/${ZONE}/origin/cloud_regions/${CLI_TOKEN}`, headers: auth });
        // The start lines (URL, token, a curl to try; test/e2e/serve-start.test.ts), then the log.
        const lines = await waitFor(() => {
          const l = output().trim().split('\n').filter((x) => !/^(Reference server listening| {2}(token|try):)/.test(x));
          return l.length >= 2 ? ['', ...l] : undefined;
        }, 'two log lines');
        expect(lines[1]).toMatch(new RegExp(`^GET /client/v4/zones/${ZONE}/origin/cloud_regions/2001:db8::7 200 \\d+\\.\\dms$`));
        expect(lines[2]).toMatch(/ 400 \d+\.\dms$/);
        expect(output()).not.toContain(CLI_TOKEN);
        child.kill(signal);
        expect(await exited).toBe(0);
      } finally {
        child.kill('SIGKILL');
      }
    });
  }

  const bad: Array<[Record<string, string>, string]> = [
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '0', REFERENCE_RATE_LIMIT: '5' }, 'REFERENCE_RATE_LIMIT'],
    [{ PORT: '0', REFERENCE_API_TOKEN: 'has space' }, 'REFERENCE_API_TOKEN'],
    [{ PORT: '0', REFERENCE_STATE_FILE: '/nonexistent/state.json' }, 'REFERENCE_STATE_FILE'],
  ];
  for (const [env, variable] of bad) {
    test(`a bad ${variable} exits with code 2 and names the variable`, async () => {
      const { output, exited } = serve(env);
      expect(await exited).toBe(2);
      expect(output()).toContain(`Configuration error: ${variable}`);
    });
  }
});
