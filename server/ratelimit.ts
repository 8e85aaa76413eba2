// Optional Cloudflare-style rate limiting (spec/README.md, "Observed platform behaviour": 1,200
// requests per 5 minutes per token; over it 429 code 971 with retry-after, and every call is blocked
// for the rest of the window). Fixed windows per key. Headers follow the IETF httpapi draft's
// structured-field form, which is what Cloudflare sends:
//   Ratelimit: "default";r=<remaining>;t=<seconds to reset>
//   Ratelimit-Policy: "default";q=<requests>;w=<window seconds>
import type { RateLimit } from './config';

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

interface Window {
  start: number;
  count: number;
}

const PRUNE_ABOVE = 1000; // keys kept before expired windows are dropped

export function createRateLimiter(limit: RateLimit, now: () => number): (key: string) => RateDecision {
  const windows = new Map<string, Window>();
  const windowMs = limit.windowSeconds * 1000;
  const policy = `"default";q=${limit.requests};w=${limit.windowSeconds}`;
  return (key) => {
    const time = now();
    let window = windows.get(key);
    if (!window || time >= window.start + windowMs) {
      if (windows.size > PRUNE_ABOVE) {
        for (const [k, w] of windows) if (time >= w.start + windowMs) windows.delete(k);
      }
      windows.set(key, (window = { start: time, count: 0 }));
    }
    window.count++;
    const reset = Math.max(1, Math.ceil((window.start + windowMs - time) / 1000));
    const remaining = Math.max(0, limit.requests - window.count);
    const headers: Record<string, string> = {
      ratelimit: `"default";r=${remaining};t=${reset}`,
      'ratelimit-policy': policy,
    };
    const allowed = window.count <= limit.requests;
    if (!allowed) headers['retry-after'] = String(reset);
    return { allowed, headers };
  };
}
