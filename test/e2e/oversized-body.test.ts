// A server may refuse a body over its limit by answering and closing the connection at once, while
// the client is still sending (RFC 9110 section 15.5.14: "the server MAY close the connection"); the
// client then sees a reset instead of the 413. The suite must not read that as a missing answer
// (ENV-NO-5XX), or a correct target fails on that race. Here a front
// server does it on purpose, on every oversized request, in front of the reference server.
import { expect, test } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { conformance, report, row, runEnv, tempDirs, transcript } from './helpers/cli';
import { reference } from './helpers/targets';

const TOKEN = 'e2e-oversized-token';

/**
 * Proxies to `target`; a request declaring more than 1 MiB is met with a TCP reset and no answer:
 * what the client sees when the server answered 413 and closed with the body unread, and the reset
 * overtook the answer (the client, still writing, gets EPIPE or ECONNRESET before it reads the 413).
 */
async function slammingFront(target: string) {
  const upstream = new URL(target);
  let slammed = 0;
  const server = http.createServer((req, res) => {
    if (Number(req.headers['content-length']) > 1024 * 1024) {
      slammed++;
      return void req.socket.resetAndDestroy();
    }
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    req.pipe(out);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base + upstream.pathname,
    slammed: () => slammed,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

test('a target that answers an oversized body by closing the connection passes ROBUST-LARGE-BODY, and nothing counts as a missing answer', async () => {
  const server = await reference({ token: TOKEN });
  const front = await slammingFront(server.url);
  try {
    const dirs = tempDirs('oversized');
    const r = await conformance(['specs/robustness.spec.ts', '-g', '2 MiB'], runEnv(dirs, { url: front.url, token: TOKEN }));
    expect(r.code, transcript(r)).toBe(0);
    expect(front.slammed(), 'both oversized requests reached the front server').toBeGreaterThanOrEqual(2);
    const rep = report(dirs);
    expect(row(rep, 'ROBUST-LARGE-BODY').status).toBe('passed');
    expect(row(rep, 'ROBUST-LARGE-BODY').observations?.join('\n'), 'the closed connection is noted').toMatch(/connection was closed/);
    expect(row(rep, 'ENV-NO-5XX').status).not.toBe('failed');
    expect(rep.unattributedFailures).toEqual([]);
  } finally {
    await front.close();
    await server.close();
  }
});
