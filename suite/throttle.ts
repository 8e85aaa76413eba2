// One throttle shared by every worker: a tiny gate served on 127.0.0.1 by the runner process
// (global setup). Before each request a worker asks the gate for a slot; the gate paces requests
// below CONFORMANCE_RATE_LIMIT when set, and holds everyone while the target has said "blocked"
// (a 429's retry-after, or Ratelimit headers with nothing remaining). Cloudflare blocks every call of
// a token for the rest of its window once the limit is passed, so one worker's 429 must stop all.
// The gate also holds the zone lock: tests that read zone-wide figures (list counts, the limit) take
// it exclusively, every other test shares it, so results do not depend on the worker count.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RateLimit } from '../contract';

export interface Gate {
  url: string;
  close(): Promise<void>;
}

/**
 * Cloudflare limits a client IP to 200 requests per second: a remote target is never sent more than
 * 150 in any second, whatever the workers and CONFORMANCE_CONCURRENCY. A server on this machine (the
 * embedded one, the self-test's, the bench's) has no such limit.
 */
export function perIpCeiling(baseUrl: string): RateLimit | undefined {
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  return loopback ? undefined : { requests: 150, windowSeconds: 1 };
}

/** Every limit given holds at once (sliding windows): CONFORMANCE_RATE_LIMIT, the per-IP ceiling. */
export function startGate(...rateLimits: Array<RateLimit | undefined>): Promise<Gate> {
  let blockedUntil = 0;
  // Grant times inside each limit's current window (sliding window pacing).
  const windows = rateLimits.flatMap((limit) => (limit ? [{ limit, granted: [] as number[] }] : []));
  let queue = Promise.resolve();

  async function nextSlot(): Promise<void> {
    for (;;) {
      const now = Date.now();
      if (now < blockedUntil) {
        await sleep(blockedUntil - now);
        continue;
      }
      let waitMs = 0;
      for (const { limit, granted } of windows) {
        const windowMs = limit.windowSeconds * 1000;
        while (granted.length && granted[0]! <= now - windowMs) granted.shift();
        if (granted.length >= limit.requests) waitMs = Math.max(waitMs, granted[0]! + windowMs - now + 1);
      }
      if (waitMs > 0) {
        await sleep(waitMs);
        continue;
      }
      for (const { granted } of windows) granted.push(now);
      return;
    }
  }

  // Readers-writer lock with writer preference. Holders are process ids: a crashed worker's hold is
  // dropped when its process is gone, so one crash cannot hang the run.
  const readers = new Map<number, number>();
  let writer: number | undefined;
  let writersWaiting = 0;
  const waiters: Array<() => void> = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const reap = setInterval(() => {
    let changed = false;
    for (const pid of readers.keys()) if (!alive(pid)) (readers.delete(pid), (changed = true));
    if (writer !== undefined && !alive(writer)) (writer = undefined), (changed = true);
    if (changed) wake();
  }, 1000);
  reap.unref();
  async function lock(pid: number, exclusive: boolean): Promise<void> {
    if (exclusive) writersWaiting++;
    try {
      for (;;) {
        const free = exclusive ? writer === undefined && readers.size === 0 : writer === undefined && writersWaiting === 0;
        if (free) break;
        await new Promise<void>((r) => waiters.push(r));
      }
    } finally {
      if (exclusive) writersWaiting--;
    }
    if (exclusive) writer = pid;
    else readers.set(pid, (readers.get(pid) ?? 0) + 1);
  }
  function unlock(pid: number, exclusive: boolean): void {
    if (exclusive) {
      if (writer === pid) writer = undefined;
    } else {
      const n = (readers.get(pid) ?? 0) - 1;
      if (n > 0) readers.set(pid, n);
      else readers.delete(pid);
    }
    wake();
  }

  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://gate');
    const pid = Number(u.searchParams.get('pid'));
    const exclusive = u.searchParams.get('mode') === 'exclusive';
    if (u.pathname === '/lock') {
      void lock(pid, exclusive).then(() => res.end('ok'));
      return;
    }
    if (u.pathname === '/unlock') {
      unlock(pid, exclusive);
      res.end('ok');
      return;
    }
    if (u.pathname === '/acquire') {
      // Serialize grants so that pacing is exact across workers.
      queue = queue.then(nextSlot).then(() => {
        res.end('ok');
      });
      return;
    }
    if (u.pathname === '/block') {
      const until = Number(u.searchParams.get('until'));
      if (Number.isFinite(until)) blockedUntil = Math.max(blockedUntil, until);
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
            clearInterval(reap);
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

export const acquire = (gateUrl: string): Promise<void> => call(gateUrl, '/acquire');
export const reportBlock = (gateUrl: string, untilMs: number): Promise<void> =>
  call(gateUrl, `/block?until=${Math.ceil(untilMs)}`);

/** Zone lock: shared for ordinary tests, exclusive for zone-wide ones. */
export const lockZone = (gateUrl: string, exclusive: boolean): Promise<void> =>
  call(gateUrl, `/lock?pid=${process.pid}&mode=${exclusive ? 'exclusive' : 'shared'}`);
export const unlockZone = (gateUrl: string, exclusive: boolean): Promise<void> =>
  call(gateUrl, `/unlock?pid=${process.pid}&mode=${exclusive ? 'exclusive' : 'shared'}`);

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}

/**
 * How long the target asks us to wait, from a 429's headers: retry-after (seconds or an HTTP date),
 * retry-after-ms, or the IETF Ratelimit header's reset (t=) / the older reset=. Undefined: not said.
 */
export function waitFromHeaders(headers: Record<string, string>, now = Date.now()): number | undefined {
  const ms = headers['retry-after-ms'];
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms);
  const ra = headers['retry-after']?.trim();
  if (ra) {
    if (/^\d+$/.test(ra)) return Number(ra) * 1000;
    const date = Date.parse(ra);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const rl = headers['ratelimit'];
  if (rl) {
    const t = /(?:^|[;,\s])(?:t|reset)=(\d+)/.exec(rl);
    const r = /(?:^|[;,\s])(?:r|remaining)=(\d+)/.exec(rl);
    if (t && (!r || Number(r[1]) === 0)) return Number(t[1]) * 1000;
  }
  return undefined;
}

/** A successful response whose Ratelimit header says nothing remains: hold everyone until reset. */
export function exhaustedFor(headers: Record<string, string>): number | undefined {
  const rl = headers['ratelimit'];
  if (!rl) return undefined;
  const r = /(?:^|[;,\s])(?:r|remaining)=(\d+)/.exec(rl);
  const t = /(?:^|[;,\s])(?:t|reset)=(\d+)/.exec(rl);
  if (r && t && Number(r[1]) === 0) return Number(t[1]) * 1000;
  return undefined;
}
