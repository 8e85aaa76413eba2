// The embedded reference server for the Origin Cloud Regions API (spec/README.md, every decision).
// createServer(options) -> { url, port, close }. Options are the only way to change its behaviour;
// test code alters it from outside through options.hooks (see hooks.ts).
import { createServer as createHttpServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Code, isRfc3339, OPERATION_NAMES } from '../contract';
import { credentialKey, credentialsAuth, type LegacyCredentials } from './auth';
import { readJsonBody } from './body';
import {
  ConfigError,
  DEFAULT_LIMIT,
  DEFAULT_MAX_BATCH,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TOKEN,
  parseInteger,
  parseLegacyCredentials,
  parseRateLimit,
  parseToken,
  type RateLimit,
} from './config';
import { fail } from './envelope';
import { handlers, takesBody } from './handlers';
import { resolveHooks, type Hooks } from './hooks';
import { formatIp, parseIp } from './ip';
import { formatTimestamp, referenceModifiedOn } from './mapping';
import { createRateLimiter } from './ratelimit';
import { DEFAULT_REGIONS, supportedChecker } from './regions';
import { BASE_PATH, matchRoute } from './routes';
import { createZones } from './store';
import type { Context, MappingInput, OperationName, Reply, RequestInfo, SupportedRegions } from './types';

export { Code } from '../contract';
export { fail, Message, ok } from './envelope';
export { canonicalizeIp, formatIp, formatIPv6, isIPv4Mapped, longestZeroRun, parseIp, zeroRuns } from './ip';
export type { IpAddress, ZeroRun } from './ip';
export { formatTimestamp, referenceModifiedOn } from './mapping';
export { DEFAULT_REGIONS } from './regions';
export { BASE_PATH } from './routes';
export { ConfigError, DEFAULT_TOKEN, parseRateLimit } from './config';
export type { RateLimit } from './config';
export type { LegacyCredentials } from './auth';
export type { Hooks, Middleware } from './hooks';
export type * from './types';

export interface ServerOptions {
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Port; 0 (the default) picks a free one. */
  port?: number;
  /** The one valid bearer token. Default: env REFERENCE_API_TOKEN, else "reference-token". */
  token?: string;
  /** An X-Auth-Email/X-Auth-Key pair accepted besides the token (the legacy scheme). Default: none. */
  legacyAuth?: LegacyCredentials;
  /** Mappings per zone. Default 3500. */
  limit?: number;
  /** Items per batch request. Default 100. */
  maxBatch?: number;
  /** Largest accepted request body. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Requests per fixed window and token, e.g. "1200/300" or { requests: 1200, windowSeconds: 300 }. Off by default. */
  rateLimit?: RateLimit | string | false;
  /** Receives one line per request (never the token). Default: no logging. */
  log?: ((line: string) => void) | false;
  /** Replaces the supported vendors and regions. */
  regions?: SupportedRegions;
  /** Zones that already hold mappings when the server starts: { [zoneId]: mappings }. */
  initialZones?: Record<string, MappingInput[]>;
  /** The clock in milliseconds since the epoch (modified_on, rate-limit windows). Default Date.now. */
  now?: () => number;
  /** Behaviour changes for tests (mutants, variants). See hooks.ts. */
  hooks?: Hooks;
}

export interface ReferenceServer {
  /** The base URL including the base path: http://127.0.0.1:<port>/client/v4 */
  url: string;
  port: number;
  close(): Promise<void>;
}

// The spec's identifiers are 32 hex digits (example 023e105f4ecef8ad9ca31a8372d0c353); the reference
// accepts them in lowercase only, as Cloudflare prints them.
const ZONE_ID = /^[0-9a-f]{32}$/;

/** Percent-decodes a path parameter exactly once; null when an escape is malformed. */
function decodeOnce(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** A path fit for a one-line log: escaped non-printables, bounded length. */
function printable(path: string): string {
  const escaped = path.replace(/[^!-~]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return escaped.length > 300 ? `${escaped.slice(0, 300)}...` : escaped;
}

function internalError(error: unknown): Reply {
  return fail(500, Code.internalError, `internal error in the reference server: ${(error as Error)?.message ?? String(error)}`);
}

function write(res: ServerResponse, reply: Reply): void {
  const text = JSON.stringify(reply.body) ?? '';
  res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function createServer(options: ServerOptions = {}): Promise<ReferenceServer> {
  const host = options.host ?? '127.0.0.1';
  const port = parseInteger(options.port ?? 0, 'port', 0, 65535);
  const token = parseToken(options.token ?? process.env.REFERENCE_API_TOKEN ?? DEFAULT_TOKEN, 'token');
  const legacyAuth = options.legacyAuth && parseLegacyCredentials(options.legacyAuth, 'legacyAuth');
  const limit = parseInteger(options.limit ?? DEFAULT_LIMIT, 'limit', 1);
  const maxBatch = parseInteger(options.maxBatch ?? DEFAULT_MAX_BATCH, 'maxBatch', 1);
  const maxBodyBytes = parseInteger(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, 'maxBodyBytes', 1);
  const rateLimit = parseRateLimit(options.rateLimit, 'rateLimit');
  const regions = options.regions ?? DEFAULT_REGIONS;
  const now = options.now ?? Date.now;
  const log = options.log || undefined;

  const resolved = resolveHooks(options.hooks ?? {}, {
    parse: parseIp,
    format: formatIp,
    auth: credentialsAuth(token, legacyAuth),
    isSupported: supportedChecker(regions),
    modifiedOn: referenceModifiedOn,
  });
  const operations = Object.fromEntries(
    OPERATION_NAMES.map((name) => [name, resolved.operation(name, handlers[name])]),
  ) as Record<OperationName, (ctx: Context) => Reply | Promise<Reply>>;
  const zones = createZones();
  const storeOf = (zoneId: string) => zones(resolved.zoneKey(zoneId));
  const rateLimiter = rateLimit && createRateLimiter(rateLimit, now);

  for (const [zoneId, mappings] of Object.entries(options.initialZones ?? {})) {
    const setting = `initialZones[${JSON.stringify(zoneId)}]`;
    if (!ZONE_ID.test(zoneId)) throw new ConfigError('a zone id is 32 lowercase hexadecimal digits', setting);
    if (!Array.isArray(mappings)) throw new ConfigError('expected an array of mappings', setting);
    if (mappings.length > limit) throw new ConfigError(`${mappings.length} mappings exceed the limit of ${limit}`, setting);
    const store = storeOf(zoneId);
    for (const [index, m] of mappings.entries()) {
      const where = `${setting}[${index}]`;
      const ip = typeof m?.origin_ip === 'string' ? resolved.canonicalize(m.origin_ip) : null;
      if (ip === null) throw new ConfigError(`origin_ip ${JSON.stringify(m?.origin_ip)} is not a valid IPv4 or IPv6 address`, where);
      if (store.get(ip)) throw new ConfigError(`${ip} is listed twice`, where);
      if (typeof m.vendor !== 'string' || typeof m.region !== 'string' || !resolved.isSupported(m.vendor, m.region)) {
        throw new ConfigError(`vendor ${JSON.stringify(m.vendor)} with region ${JSON.stringify(m.region)} is not supported`, where);
      }
      if (m.modified_on !== undefined && !isRfc3339(m.modified_on)) {
        throw new ConfigError(`modified_on ${JSON.stringify(m.modified_on)} is not an RFC 3339 date-time`, where);
      }
      const time = m.modified_on === undefined ? now() : Date.parse(m.modified_on);
      store.set({ origin_ip: ip, region: m.region, vendor: m.vendor, modified_on: formatTimestamp(time) });
    }
  }

  /** Order: rate limit, route, method, auth (before anything that reads the zone), zone id, body. */
  async function route(req: IncomingMessage, info: RequestInfo): Promise<Reply> {
    const match = matchRoute(info.method, info.path);
    if (match.kind === 'none') return fail(400, Code.noRoute, 'No route for that URI');
    if (match.kind === 'method') {
      const reply = fail(405, Code.methodNotAllowed, `Method ${info.method} is not allowed here; allowed: ${match.allow.join(', ')}`);
      reply.headers.allow = match.allow.join(', ');
      return reply;
    }
    const operation = (info.operation = match.operation);
    const denied = resolved.auth(req.headers, info);
    if (denied) return denied;
    const zoneId = decodeOnce(match.params.zone_id!);
    if (zoneId === null || !ZONE_ID.test(zoneId)) {
      return fail(400, Code.invalidZone, `Could not route to /zones/${match.params.zone_id}, perhaps your object identifier is invalid? (a zone id is 32 lowercase hexadecimal digits)`);
    }
    const rawIp = match.params.origin_ip;
    const originIp = rawIp === undefined ? undefined : decodeOnce(rawIp);
    if (originIp === null) {
      return fail(400, Code.invalidParameter, `origin_ip path parameter ${JSON.stringify(rawIp)} has a malformed percent-escape`);
    }
    let body: unknown;
    if (takesBody.has(operation)) {
      const read = await readJsonBody(req, maxBodyBytes);
      if ('reply' in read) return read.reply;
      body = read.body;
    }
    const ctx: Context = {
      ...info,
      operation,
      zoneId,
      originIp,
      body,
      store: storeOf(zoneId),
      regions,
      limit,
      maxBatch,
      batchLimitMode: resolved.batchLimitMode,
      now,
      canonicalize: resolved.canonicalize,
      isSupported: resolved.isSupported,
      modifiedOn: resolved.modifiedOn,
    };
    return operations[operation](ctx);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = req.url ?? '';
    const queryAt = url.indexOf('?');
    const info: RequestInfo = {
      method: req.method ?? '',
      path: queryAt === -1 ? url : url.slice(0, queryAt),
      query: new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1)),
      headers: req.headers,
    };
    let reply: Reply;
    try {
      // Blocked requests change nothing: they are answered before routing.
      const rate = rateLimiter?.(credentialKey(req.headers));
      reply = rate && !rate.allowed
        ? fail(429, Code.rateLimited, 'Please wait and consider throttling your request speed')
        : await route(req, info);
      reply = { ...reply, headers: { 'content-type': 'application/json', ...rate?.headers, ...reply.headers } };
      reply = resolved.reply(reply, info);
      write(res, reply);
    } catch (error) {
      // Decision 13 forbids 5xx; the fuzz tests make sure this is reached only through a broken hook.
      reply = internalError(error);
      reply.headers['content-type'] = 'application/json';
      if (!res.headersSent) write(res, reply);
    }
    const line = `${info.method} ${printable(info.path)} ${reply.status} ${(performance.now() - started).toFixed(1)}ms`;
    log?.(line.split(token).join('[redacted]'));
  }

  const server = createHttpServer((req, res) => void handle(req, res));
  // Requests Node cannot parse never reach handle(); they still get a JSON failure envelope.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const text = JSON.stringify(fail(status, Code.malformedHttp, `malformed HTTP request (${error.code ?? error.message})`).body);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\n` +
        `content-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
    );
    log?.(`- - ${status} (${error.code ?? 'client error'})`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const hostText = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostText}:${actualPort}${BASE_PATH}`,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
