// The interrupt watchdog (suite/cli/interrupt.ts) on a stand-in for a stuck Playwright runner: a
// process that ignores SIGINT and waits for a child named like a Playwright worker.
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { interruptPlaywright, workerPids } from '../../suite/cli/interrupt';

// The runner stand-in: starts a "worker" that never exits by itself and exits once that worker is gone.
const RUNNER = `
process.on('SIGINT', () => {});
const { spawn } = require('node:child_process');
const w = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'workerProcessEntry'], { stdio: 'ignore' });
w.on('exit', () => process.exit(7));
console.log('ready ' + w.pid);
`;

test('a runner still waiting for its worker after the grace period: the worker is killed, the runner then ends, and the line says why', async () => {
  const runner = spawn(process.execPath, ['-e', RUNNER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const workerPid = await new Promise<number>((resolve) => runner.stdout!.on('data', (d: Buffer) => resolve(Number(/ready (\d+)/.exec(d.toString())![1]))));
  expect(workerPids(runner.pid!)).toEqual([workerPid]);
  const said: string[] = [];
  interruptPlaywright(runner, (l) => said.push(l), 300);
  interruptPlaywright(runner, (l) => said.push(l), 300); // armed once only
  const code = await new Promise<number | null>((resolve) => runner.on('exit', (c) => resolve(c)));
  expect(code).toBe(7);
  expect(said).toHaveLength(1);
  expect(said[0]).toContain(`killed them (${workerPid})`);
});

test('a runner that stops within the grace period: nothing is killed and nothing said', async () => {
  const runner = spawn(process.execPath, ['-e', `process.on('SIGINT', () => setTimeout(() => process.exit(0), 50)); setInterval(() => {}, 1000); console.log('ready');`], { stdio: ['ignore', 'pipe', 'inherit'] });
  // Its SIGINT handler is in place once it says so.
  await new Promise((r) => runner.stdout!.once('data', r));
  const said: string[] = [];
  interruptPlaywright(runner, (l) => said.push(l), 500);
  expect(await new Promise((resolve) => runner.on('exit', (c) => resolve(c)))).toBe(0);
  await new Promise((r) => setTimeout(r, 700));
  expect(said).toEqual([]);
});
