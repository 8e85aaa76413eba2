// The gate: a tiny HTTP service on 127.0.0.1 that the runner process (global setup) starts and every
// worker calls, so that what must be shared across workers is held in one place: the pacing of
// requests (suite/transport/throttle.ts) and the zone lock (suite/transport/zone-lock.ts). This module is the service and
// its client; the two policies live in their own files.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RateLimit } from '../../contract';
import { createPacer } from './throttle';
import { createZoneLock } from './zone-lock';

export interface Gate {
  url: string;
  close(): Promise<void>;
}

/** Every limit given holds at once (CONFORMANCE_RATE_LIMIT, the per-IP ceiling). */
export function startGate(...rateLimits: Array<RateLimit | undefined>): Promise<Gate> {
  const pacer = createPacer(...rateLimits);
  const zoneLock = createZoneLock();
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://gate');
    const pid = Number(u.searchParams.get('pid'));
    const exclusive = u.searchParams.get('mode') === 'exclusive';
    if (u.pathname === '/lock') {
      void zoneLock.lock(pid, exclusive).then(() => res.end('ok'));
      return;
    }
    if (u.pathname === '/unlock') {
      zoneLock.unlock(pid, exclusive);
      res.end('ok');
      return;
    }
    if (u.pathname === '/acquire') {
      void pacer.acquire().then(() => res.end('ok'));
      return;
    }
    if (u.pathname === '/block') {
      pacer.block(Number(u.searchParams.get('until')));
      res.end('ok');
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  // Workers keep their connection to the gate open between calls. Node's defaults would close an idle
  // one after 5 s (racing a worker that reuses it: "socket hang up") and end a /lock call that waits
  // longer than 5 minutes for a zone-wide test: neither belongs on a private loopback gate.
  server.keepAliveTimeout = 0;
  server.requestTimeout = 0;
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((r) => {
            zoneLock.close();
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

const agent = new http.Agent({ keepAlive: true });

function call(gateUrl: string, pathAndQuery: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(gateUrl + pathAndQuery, { method: 'POST', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end();
  });
}

/** Waits for this worker's next request slot. */
export const acquire = (gateUrl: string): Promise<void> => call(gateUrl, '/acquire');
/** Holds every worker's requests until `untilMs` (the target said it is blocking us). */
export const reportBlock = (gateUrl: string, untilMs: number): Promise<void> =>
  call(gateUrl, `/block?until=${Math.ceil(untilMs)}`);

/** Zone lock: shared for ordinary tests, exclusive for zone-wide ones. */
export const lockZone = (gateUrl: string, exclusive: boolean): Promise<void> =>
  call(gateUrl, `/lock?pid=${process.pid}&mode=${exclusive ? 'exclusive' : 'shared'}`);
export const unlockZone = (gateUrl: string, exclusive: boolean): Promise<void> =>
  call(gateUrl, `/unlock?pid=${process.pid}&mode=${exclusive ? 'exclusive' : 'shared'}`);
