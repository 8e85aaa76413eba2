// The pacing of requests, shared by every worker through the gate (suite/transport/gate.ts): requests are paced
// below CONFORMANCE_RATE_LIMIT when set and below the per-IP ceiling of a remote target, and everyone
// is held while the target has said "blocked" (a 429's retry-after, or Ratelimit headers with nothing
// remaining). Cloudflare blocks every call of a token for the rest of its window once the limit is
// passed, so one worker's 429 must stop all.
import type { RateLimit } from '../../contract';

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

export interface Pacer {
  /** Resolves when the next request may go (grants are serialized, so pacing is exact across workers). */
  acquire(): Promise<void>;
  /** Holds every request until `untilMs`. */
  block(untilMs: number): void;
}

/** Every limit given holds at once (sliding windows): CONFORMANCE_RATE_LIMIT, the per-IP ceiling. */
export function createPacer(...rateLimits: Array<RateLimit | undefined>): Pacer {
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

  return {
    acquire: () => (queue = queue.then(nextSlot)),
    block: (untilMs) => {
      if (Number.isFinite(untilMs)) blockedUntil = Math.max(blockedUntil, untilMs);
    },
  };
}

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
