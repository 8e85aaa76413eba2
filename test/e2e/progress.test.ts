// Progress through the long zone-wide phases: against a far target (200 ms round trip) with 1,500
// mappings already in the zone, the limit fill and the list walk (each over 3 s) print lines such as
// "limit fill: filled 1,200 / 1,999", counting up, at most one every 2 seconds, once each (through the
// conformance reporter, not the workers' console). (A phase under 2 s prints nothing: test/unit/progress.test.ts.)
import { expect, test } from '@playwright/test';
import { startLatencyProxy } from '../../bench/latency-proxy';
import { runEnv, tempDirs, tool, transcript, ZONE } from './helpers/cli';
import { reference } from './helpers/targets';

const TOKEN = 'e2e-progress-token';
const INITIAL = Array.from({ length: 1500 }, (_, i) => ({ origin_ip: `10.7.${i >> 8}.${i & 255}`, vendor: 'aws', region: 'us-east-1' }));
const LINE = /^ {2}(limit fill: filled|list walk: listed) ([\d,]+) \/ ([\d,]+)$/;

interface Seen {
  phase: string;
  done: number;
  total: number;
  at: number;
}

test('the limit fill and the list walk print their progress at most every 2 seconds', async () => {
  test.setTimeout(240_000);
  const server = await reference({ token: TOKEN, initialZones: { [ZONE]: INITIAL } });
  const proxy = await startLatencyProxy(Number(new URL(server.url).port), 200);
  try {
    const dirs = tempDirs('progress');
    const url = server.url.replace(/:\d+\//, `:${proxy.port}/`);
    const env = runEnv(dirs, { url, token: TOKEN }, { CONFORMANCE_ALLOW_DESTRUCTIVE: '1', CONFORMANCE_CONCURRENCY: '1' });
    const run = tool('run', ['specs/limit.spec.ts', 'specs/list.spec.ts', '--grep', '@LIMIT-3500-ACCEPTED|@LIST-PAGES-PARTITION'], env, 200_000);
    // Each line as it arrives, with the time it arrived.
    const seen: Seen[] = [];
    let partial = '';
    run.child.stdout!.on('data', (d: Buffer) => {
      const text = partial + d.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop()!;
      for (const l of lines) {
        const m = LINE.exec(l);
        if (m) seen.push({ phase: m[1]!, done: Number(m[2]!.replace(/,/g, '')), total: Number(m[3]!.replace(/,/g, '')), at: Date.now() });
      }
    });
    const r = await run.done;
    expect(r.code, transcript(r)).toBe(0);
    // The fill: the 3,500th and the scenario's own extras aside; the walk: the zone and the list test's own mappings.
    for (const [phase, totals] of [['limit fill: filled', [3500 - INITIAL.length - 1]], ['list walk: listed', [INITIAL.length, INITIAL.length + 12]]] as const) {
      const lines = seen.filter((s) => s.phase === phase);
      expect(lines.length, `${phase}: a line after 2 s of a phase that takes longer\n${transcript(r)}`).toBeGreaterThanOrEqual(1);
      const total = lines[0]!.total;
      expect(total).toBeGreaterThanOrEqual(totals[0]);
      expect(total).toBeLessThanOrEqual(totals.at(-1)!);
      for (const [i, s] of lines.entries()) {
        expect(s.total).toBe(total);
        expect(s.done).toBeGreaterThan(i ? lines[i - 1]!.done : 0);
        expect(s.done).toBeLessThanOrEqual(total);
        // The worker spaces them 2 s apart; allow for the pipe's jitter on a loaded machine.
        if (i) expect(s.at - lines[i - 1]!.at, `${phase}: lines at most every 2 s`).toBeGreaterThanOrEqual(1500);
      }
    }
    // Printed once each: by the conformance reporter, not also as worker output by the list reporter.
    const printed = r.stdout.split('\n').filter((l) => LINE.test(l));
    expect(new Set(printed).size).toBe(printed.length);
    expect(r.stdout).not.toContain('progress: ');
  } finally {
    await proxy.close();
    await server.close();
  }
});
