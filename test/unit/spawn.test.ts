// `run --spawn`'s wait for the target (suite/cli/spawn.ts), with short-lived commands and a server of
// the test's own on 127.0.0.1.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { answersNow, startTarget, waitForUrl } from '../../suite/cli/spawn';

function logFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spawn-unit-')), 'spawned.log');
}

/** A server that answers every request after `delayMs`. */
async function slowServer(delayMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => setTimeout(() => res.end('{}'), delayMs));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/client/v4`,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

test('an answer that arrives after the command died came from another process: a named error, not a start', async () => {
  // The answer comes 4 s after the request, long after the command has exited, even on a loaded
  // machine; the first request goes out before that exit, and the attempt waits 15 s for its answer.
  const other = await slowServer(4000);
  const target = startTarget('exit 3', logFile());
  try {
    await expect(waitForUrl(other.url, 20_000, target, 15_000)).rejects.toThrow(/the command exited \(3\), yet .* answers: another process holds that port/);
  } finally {
    await target.stop();
    await other.close();
  }
});

test('a command that exits before anything answers is named with its exit code', async () => {
  const target = startTarget('echo no luck; exit 4', logFile());
  try {
    // Port 9 (discard) of 127.0.0.1: nothing listens there.
    await expect(waitForUrl('http://127.0.0.1:9/client/v4', 10_000, target)).rejects.toThrow(/the command exited \(4\) before/);
    expect(target.tail()).toContain('no luck');
  } finally {
    await target.stop();
  }
});

test('a live command whose URL answers: the wait ends', async () => {
  const server = await slowServer(0);
  const target = startTarget('sleep 30', logFile());
  try {
    await waitForUrl(server.url, 10_000, target);
    await target.stop();
    expect((await target.exited).signal ?? (await target.exited).code).not.toBeNull();
  } finally {
    await target.stop();
    await server.close();
  }
});

test('answersNow: a listening server answers, a closed port does not', async () => {
  const server = await slowServer(0);
  try {
    expect(await answersNow(server.url)).toBe(true);
  } finally {
    await server.close();
  }
  expect(await answersNow(server.url)).toBe(false);
});
