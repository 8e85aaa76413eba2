// The transport: node:http(s) with keep-alive, because it sends the path exactly as given (the
// robustness checks need raw %2F, dot segments and brackets that fetch/URL would normalize) and is
// several times faster than Playwright's APIRequestContext for bulk property runs (BENCHMARKS.md).
// Every attempt is counted (stats.ts), paced by the shared gate (gate.ts, throttle.ts), and recorded as a
// redacted exchange. 429s are waited out and retried: never reported as the target's failure.
import http from 'node:http';
import https from 'node:https';
import { redact, redactHeaders, registerSecret } from './redact';
import { record } from './stats';
import { acquire, reportBlock } from './gate';
import { exhaustedFor, sleep, waitFromHeaders } from './throttle';

export interface RawRequest {
  method: string;
  /** Path under the base URL, already percent-encoded as it must go on the wire. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Template used for counting by kind, e.g. "PUT /zones/{zone}/origin/cloud_regions/{ip}". */
  kind: string;
  /** Send no Authorization header (auth checks). */
  noAuth?: boolean;
  /** Retry transport errors though the method is not idempotent: for a body no server may apply. */
  retryTransport?: boolean;
}

export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body: string };
  error?: string;
  durationMs: number;
  attempts: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  exchange: Exchange;
}

export interface TransportOptions {
  baseUrl: string;
  token: string;
  gateUrl?: string;
  timeoutMs?: number;
  /** Retries for 502/503/504 and connection errors, idempotent requests only. */
  transportRetries?: number;
  /** Gives up on a 429 wait longer than this (a run must end); default 10 minutes. */
  maxRateLimitWaitMs?: number;
}

/** Methods retried after a transport error. DELETE is idempotent in HTTP, but a retried DELETE
 * answers 404 when the first attempt did land, which would read as a defect. */
const RETRYABLE = new Set(['GET', 'HEAD', 'PUT']);
/** How long a DELETE's or POST's connection may sit idle and still be reused. */
const BRIEF_IDLE_MS = 1000;
const BODY_LIMIT_SHOWN = 8192;

export class TransportError extends Error {
  constructor(
    message: string,
    readonly exchange: Exchange,
    /** The socket error code (ECONNRESET, EPIPE, ...) when there was one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export class Transport {
  private readonly agent: http.Agent;
  /** Non-idempotent requests (DELETE, POST) reuse only a connection used within the last second: see send(). */
  private readonly briefAgent: http.Agent;
  private readonly base: URL;
  constructor(readonly options: TransportOptions) {
    this.base = new URL(options.baseUrl);
    // Whoever builds a transport, its token is scrubbed from everything the suite writes.
    registerSecret(options.token);
    const Agent = this.base.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true, maxSockets: 16 });
    // A fresh connection costs a far target one round trip more (TLS one or two more): DELETEs, a
    // quarter of a run, each opened one. A free socket of this agent is closed after BRIEF_IDLE_MS
    // idle, well inside any server's keep-alive timeout (seconds to minutes), so a server never closes
    // one for idleness just as a DELETE goes out on it.
    this.briefAgent = new Agent({ keepAlive: true, maxSockets: 16, timeout: BRIEF_IDLE_MS });
  }

  url(path: string): string {
    return this.options.baseUrl + path;
  }

  async send(req: RawRequest): Promise<RawResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...(req.headers ?? {}) };
    const hasAuth = Object.keys(headers).some((h) => h.toLowerCase() === 'authorization');
    if (!req.noAuth && !hasAuth) headers.authorization = `Bearer ${this.options.token}`;
    const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
    if (body) headers['content-length'] = String(body.length);
    const started = Date.now();
    const resendable = RETRYABLE.has(req.method.toUpperCase()) || !!req.retryTransport;
    const retries = resendable ? (this.options.transportRetries ?? 3) : 0;
    const maxWait = this.options.maxRateLimitWaitMs ?? 600_000;
    let attempts = 0;
    let transportFailures = 0;
    const exchange = (): Exchange => ({
      request: {
        method: req.method,
        url: redact(this.url(req.path)),
        headers: redactHeaders(headers),
        body: body ? shown(body.toString('utf8')) : undefined,
      },
      durationMs: Date.now() - started,
      attempts,
    });
    for (;;) {
      if (this.options.gateUrl) await acquire(this.options.gateUrl);
      attempts++;
      record((s) => {
        s.requests++;
        s.byKind[req.kind] = (s.byKind[req.kind] ?? 0) + 1;
      });
      let res: OneAnswer;
      try {
        res = await this.once(req.method, req.path, headers, body);
      } catch (e) {
        // A kept-alive socket the server closed while idle (Node's http documentation, "reusedSocket"):
        // sent again, if the request may be. A reset cannot tell "never arrived" from
        // "arrived, then the connection dropped", and a DELETE resent after it landed answers 404, which
        // would read as a defect: a DELETE or POST is never sent twice. It reuses only a socket idle
        // for at most BRIEF_IDLE_MS, which no server closes for idleness.
        if ((e as StaleSocket).staleSocket && resendable && attempts < 5) {
          record((s) => s.transportRetries++);
          continue;
        }
        if (transportFailures < retries) {
          transportFailures++;
          record((s) => s.transportRetries++);
          await sleep(200 * 2 ** transportFailures);
          continue;
        }
        const ex = exchange();
        ex.error = redact(String((e as Error).message ?? e));
        throw new TransportError(`${req.method} ${ex.request.url}: ${ex.error}`, ex, (e as NodeJS.ErrnoException).code);
      }
      if (res.status === 429) {
        const wait = waitFromHeaders(res.headers) ?? 1000 * 2 ** Math.min(attempts, 6);
        if (wait > maxWait) {
          const ex = exchange();
          ex.error = `rate limited for ${Math.round(wait / 1000)} s, more than the ${maxWait / 1000} s the run may wait`;
          throw new TransportError(ex.error, ex);
        }
        record((s) => {
          s.rateLimited++;
          s.waitedMs += wait;
        });
        if (this.options.gateUrl) await reportBlock(this.options.gateUrl, Date.now() + wait);
        await sleep(wait);
        continue;
      }
      if ((res.status === 502 || res.status === 503 || res.status === 504) && transportFailures < retries) {
        transportFailures++;
        record((s) => s.transportRetries++);
        await sleep(200 * 2 ** transportFailures);
        continue;
      }
      const held = exhaustedFor(res.headers);
      if (held !== undefined && this.options.gateUrl) await reportBlock(this.options.gateUrl, Date.now() + held);
      const ex = exchange();
      ex.response = { status: res.status, headers: redactHeaders(res.headers), body: shown(res.bodyText) };
      return { ...res, exchange: ex };
    }
  }

  private once(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: Buffer | undefined,
  ): Promise<OneAnswer> {
    return sendOnce(this.base, {
      method,
      path,
      headers,
      body,
      agent: RETRYABLE.has(method.toUpperCase()) ? this.agent : this.briefAgent,
      timeoutMs: this.options.timeoutMs,
    });
  }

  close(): void {
    this.agent.destroy();
    this.briefAgent.destroy();
  }
}

type StaleSocket = Error & { staleSocket?: boolean };

/** One answer: the status, the headers (names lower case, repeated ones joined) and the body text. */
export interface OneAnswer {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
}

/**
 * One request and its answer, nothing else: the path goes on the wire byte for byte under the base
 * URL's path; no Authorization added, no retry, pacing or counting (Transport adds those). The one raw
 * client of the project: the Transport's, and the one the project's own tests and the bench use to
 * reach a server exactly as a client would.
 */
export function sendOnce(
  baseUrl: string | URL,
  req: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer; agent?: http.Agent; timeoutMs?: number },
): Promise<OneAnswer> {
  const base = typeof baseUrl === 'string' ? new URL(baseUrl) : baseUrl;
  const mod = base.protocol === 'https:' ? https : http;
  const timeoutMs = req.timeoutMs ?? 30_000;
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
  // Node sends no body framing for DELETE unless told the length.
  const headers = body && !Object.keys(req.headers ?? {}).some((h) => h.toLowerCase() === 'content-length')
    ? { 'content-length': String(body.length), ...req.headers }
    : (req.headers ?? {});
  return new Promise((resolve, reject) => {
    const r = mod.request(
      {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port || undefined,
        method: req.method,
        path: base.pathname.replace(/\/$/, '') + req.path,
        headers,
        agent: req.agent,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (v !== undefined) h[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
          }
          resolve({ status: res.statusCode ?? 0, headers: h, bodyText: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    r.on('timeout', () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    r.on('error', (e: NodeJS.ErrnoException) => {
      if (r.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE')) (e as StaleSocket).staleSocket = true;
      reject(e);
    });
    r.end(body);
  });
}

function shown(text: string): string {
  const t = redact(text);
  return t.length > BODY_LIMIT_SHOWN ? `${t.slice(0, BODY_LIMIT_SHOWN)}… (${t.length} characters)` : t;
}
