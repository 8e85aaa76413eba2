// The thin API client: one method per operation of openapi.json, no assertions. Every response is
// handed to `onResponse` (the fixture validates it there, in one place), and every request that may
// change an address is journaled first (crash-safe cleanup, suite/state/journal.ts).
import { TransportError, type Exchange, type RawResponse, type Transport } from './http';
import { OPERATION, type BatchResult, type Mapping, type OperationName } from '../../contract';
import type { Journal } from '../state/journal';
import { keysFor } from '../state/journal';

export interface ApiResponse<T = unknown> {
  op: OperationName | undefined;
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: { success?: unknown; errors?: unknown; messages?: unknown; result?: T; result_info?: unknown } | undefined;
  exchange: Exchange;
  /** Set (to the socket error code) when an `oversized` request's connection was closed with no answer. */
  closed?: string;
}

/** Error codes of a failure envelope (empty when the body is not one). */
export function errorCodes(res: ApiResponse): unknown[] {
  const errors = res.json?.errors;
  return Array.isArray(errors) ? errors.map((e: { code?: unknown }) => e?.code) : [];
}

export interface SendOptions {
  headers?: Record<string, string>;
  noAuth?: boolean;
  /** The response is expected to be an auth failure (relaxed envelope, decision 11). */
  authFailureExpected?: boolean;
  zone?: string;
  /**
   * The body is larger than a server may accept. A server may refuse it by answering and closing the
   * connection while the body is still on its way (RFC 9110 section 15.5.14: for 413 "the server MAY
   * close the connection"); the client then often sees only a reset. Such a request is retried (the
   * body is invalid whatever its size, so no server may apply it), and a connection still closed
   * without an answer comes back as status 0 with `closed` set, not as a transport failure.
   */
  oversized?: boolean;
}

export type ResponseHook = (res: ApiResponse, opts: SendOptions) => void;

/**
 * A request that could change mappings it does not name (so the journal cannot cover them): a
 * method on the collection, a batch request without a usable body, a path that may resolve to
 * something other than one address. `requirement` is the rule a target breaks if it does.
 */
export interface Risk {
  requirement: string;
  what: string;
}

export interface RiskGuard {
  /** Before the request: may refuse it (skip the test) when nothing could be restored. */
  before(risk: Risk): void;
  /** After the answer: compares the zone with the preflight snapshot and restores what changed. */
  after(res: ApiResponse, risk: Risk): Promise<void>;
  /** True when risky requests must go one at a time, each with its comparison (the zone holds
   * mappings the suite never wrote): a loss is then put down to the one request that caused it,
   * whatever requests of the test are in flight together. */
  alone?(): boolean;
}

const ZONE_BASE = /^\/zones\/[^/?]+\/origin\/cloud_regions/;
const MIB = 1024 * 1024;

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The risk of a request, or undefined for a read or a request whose effect its journal covers. */
export function riskOf(method: string, path: string, payload: string | Buffer | undefined, headers: Record<string, string>): Risk | undefined {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS') return undefined;
  const p = path.split('?')[0]!;
  const base = ZONE_BASE.exec(p);
  if (!base) return undefined;
  const rest = p.slice(base[0].length);
  const what = `${m} ${rest || '(collection)'}`;
  if (rest === '' || rest === '/' || rest === '/supported_regions') return { requirement: 'ROBUST-METHOD', what };
  if (rest === '/batch') {
    if (m !== 'PUT' && m !== 'DELETE') return { requirement: 'ROBUST-METHOD', what };
    const type = Object.entries(headers).find(([h]) => h.toLowerCase() === 'content-type')?.[1];
    if (type && !/^application\/json\b/i.test(type)) return { requirement: 'ROBUST-CONTENT-TYPE', what: `${what} as ${type}` };
    if (payload !== undefined && payload.length > MIB) return { requirement: 'ROBUST-LARGE-BODY', what: `${what} with a body over 1 MiB` };
    const noBody = m === 'DELETE' ? 'BATCH-DELETE-NO-BODY' : 'BATCH-PUT-NOT-ARRAY';
    if (payload === undefined || payload.length === 0) return { requirement: noBody, what: `${what} without a body` };
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload.toString());
    } catch {
      return { requirement: 'ROBUST-MALFORMED-JSON', what: `${what} with malformed JSON` };
    }
    return Array.isArray(parsed) ? undefined : { requirement: noBody, what: `${what} with a body that is not an array` };
  }
  // One segment naming an address is covered by the journal; a slash, a dot segment or an encoded
  // one (once or twice) may resolve to the collection or to another address.
  const seg = rest.slice(1);
  const once = decodeSafely(seg);
  const twice = decodeSafely(once);
  if ([seg, once, twice].some((x) => /[/\\]/.test(x) || /^\.\.?$/.test(x))) return { requirement: 'ROBUST-PATH-ENCODING', what };
  return undefined;
}
/** Called when a request got no HTTP answer at all (after the transport's retries). */
export type TransportErrorHook = (error: TransportError) => void;

export interface ListQuery {
  page?: number | string;
  per_page?: number | string;
}

/** Percent-encodes address text for the path like the SDK does: raw colons, `%` as %25, `/` as %2F. */
export function encodePathIp(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':');
}

export class ApiClient {
  onResponse?: ResponseHook;
  onTransportError?: TransportErrorHook;
  guard?: RiskGuard;
  /** Risky requests waiting for their turn when the guard wants them alone; shared by inZone(). */
  private riskTurn: { last: Promise<unknown> } = { last: Promise.resolve() };

  constructor(
    private readonly transport: Transport,
    readonly zoneId: string,
    private readonly journal?: Journal,
  ) {}

  /** The same client in another zone (zone isolation checks). */
  inZone(zoneId: string): ApiClient {
    const c = new ApiClient(this.transport, zoneId, this.journal);
    c.onResponse = this.onResponse;
    c.onTransportError = this.onTransportError;
    c.guard = this.guard;
    c.riskTurn = this.riskTurn;
    return c;
  }

  private base(zone = this.zoneId): string {
    return `/zones/${encodeURIComponent(zone)}/origin/cloud_regions`;
  }

  async send<T>(
    op: OperationName | undefined,
    method: string,
    path: string,
    kind: string,
    body: unknown,
    opts: SendOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    let payload: string | Buffer | undefined;
    if (body instanceof RawBody) payload = body.data;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/json';
    const risk = this.guard ? riskOf(method, path, payload, headers) : undefined;
    if (risk && this.guard!.alone?.()) {
      // One risky request and its comparison at a time, in the order they were asked for.
      const mine = this.riskTurn.last.then(() => this.sendJudged<T>(op, method, path, kind, headers, payload, opts, risk));
      this.riskTurn.last = mine.catch(() => undefined);
      return mine;
    }
    return this.sendJudged<T>(op, method, path, kind, headers, payload, opts, risk);
  }

  private async sendJudged<T>(
    op: OperationName | undefined,
    method: string,
    path: string,
    kind: string,
    headers: Record<string, string>,
    payload: string | Buffer | undefined,
    opts: SendOptions,
    risk: Risk | undefined,
  ): Promise<ApiResponse<T>> {
    if (risk) this.guard!.before(risk);
    let raw: RawResponse;
    try {
      raw = await this.transport.send({ method, path, kind, headers, body: payload, noAuth: opts.noAuth, retryTransport: opts.oversized });
    } catch (e) {
      if (opts.oversized && e instanceof TransportError && (e.code === 'EPIPE' || e.code === 'ECONNRESET'))
        return { op, status: 0, headers: {}, bodyText: '', json: undefined, exchange: e.exchange, closed: e.code };
      if (e instanceof TransportError) this.onTransportError?.(e);
      throw e;
    }
    let json: ApiResponse<T>['json'];
    try {
      const parsed: unknown = JSON.parse(raw.bodyText);
      json = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as ApiResponse<T>['json']) : undefined;
    } catch {
      json = undefined;
    }
    const res: ApiResponse<T> = { op, status: raw.status, headers: raw.headers, bodyText: raw.bodyText, json, exchange: raw.exchange };
    this.onResponse?.(res, opts);
    if (risk) await this.guard!.after(res, risk);
    return res;
  }

  /** One operation of the contract's table: its method, and its label as the request's kind (stats). */
  private call<T>(op: OperationName, below: string, body: unknown, opts: SendOptions): Promise<ApiResponse<T>> {
    const { method, label } = OPERATION[op];
    return this.send<T>(op, method, `${this.base()}${below}`, label, body, opts);
  }

  private touch(texts: Iterable<string>, opts: SendOptions): void {
    this.journal?.touch(opts.zone ?? this.zoneId, texts);
  }

  private settle(texts: Iterable<string>, opts: SendOptions): void {
    if (!this.journal) return;
    const keys: string[] = [];
    for (const t of texts) keys.push(...keysFor(t));
    this.journal.settle(opts.zone ?? this.zoneId, keys);
  }

  /** PUT one mapping. `pathIp` is the address text as it goes in the path (encoded here). */
  put(pathIp: string, body: unknown, opts: SendOptions = {}): Promise<ApiResponse<Mapping>> {
    const texts = [pathIp];
    if (body && typeof body === 'object' && typeof (body as { origin_ip?: unknown }).origin_ip === 'string')
      texts.push((body as { origin_ip: string }).origin_ip);
    this.touch(texts, opts);
    return this.call('put', `/${encodePathIp(pathIp)}`, body, opts);
  }

  get(pathIp: string, opts: SendOptions = {}): Promise<ApiResponse<Mapping>> {
    return this.call('get', `/${encodePathIp(pathIp)}`, undefined, opts);
  }

  async delete(pathIp: string, opts: SendOptions = {}): Promise<ApiResponse<{ origin_ip: string }>> {
    this.touch([pathIp], opts);
    const res = await this.call<{ origin_ip: string }>('delete', `/${encodePathIp(pathIp)}`, undefined, opts);
    // Gone either way: deleted now, or not there (a run-created key back to "absent"). Not for a
    // probe that should have been refused: such probes go out together with refused writes of the
    // same key, which a target ignoring the credentials may apply after this DELETE.
    if ((res.status === 200 || res.status === 404) && !opts.authFailureExpected) this.settleCreated([pathIp], opts);
    return res;
  }

  list(query: ListQuery | string = {}, opts: SendOptions = {}): Promise<ApiResponse<Mapping[]>> {
    const qs =
      typeof query === 'string'
        ? query
        : Object.entries(query)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
            .join('&');
    return this.call('list', qs ? `?${qs}` : '', undefined, opts);
  }

  batchPut(items: unknown, opts: SendOptions = {}): Promise<ApiResponse<BatchResult>> {
    if (Array.isArray(items))
      this.touch(
        items.flatMap((i) => (i && typeof i === 'object' && typeof i.origin_ip === 'string' ? [i.origin_ip as string] : [])),
        opts,
      );
    return this.call('batch-put', '/batch', items, opts);
  }

  /** DELETE batch. `body` undefined sends no body at all (the SDK's default, decision 7). */
  async batchDelete(body: unknown, opts: SendOptions = {}): Promise<ApiResponse<BatchResult>> {
    const texts = Array.isArray(body) ? body.filter((x): x is string => typeof x === 'string') : [];
    this.touch(texts, opts);
    const res = await this.call<BatchResult>('batch-delete', '/batch', body, opts);
    const r = res.json?.result;
    // A probe that should have been refused settles nothing (as in delete()).
    if (res.status === 200 && r && Array.isArray(r.succeeded) && Array.isArray(r.failed) && !opts.authFailureExpected) {
      // Listed as deleted, or as failed (not found or invalid): either way not there any more.
      // A set of the named keys: comparing each text with each named item cost 20,000 address parses
      // per batch of 100, about 1 s of a worker's CPU over the limit scenario's 36-batch cleanup.
      const named = new Set([...r.succeeded, ...r.failed].flatMap((i) => (typeof i?.origin_ip === 'string' ? [keysFor(i.origin_ip)[0]] : [])));
      this.settleCreated(texts.filter((t) => named.has(keysFor(t)[0])), opts);
    }
    return res;
  }

  supportedRegions(opts: SendOptions = {}): Promise<ApiResponse<unknown>> {
    return this.call('supported-regions', '/supported_regions', undefined, opts);
  }

  /** Any request, path relative to the base URL as it goes on the wire (robustness checks). */
  raw(method: string, path: string, body?: string | Buffer, opts: SendOptions & { op?: OperationName; writes?: string[] } = {}) {
    if (opts.writes) this.touch(opts.writes, opts);
    return this.send(opts.op, method, path, `${method} (raw)`, body === undefined ? undefined : new RawBody(body), opts);
  }

  /** Path of this zone's collection, for raw requests. */
  collectionPath(zone = this.zoneId): string {
    return this.base(zone);
  }

  /** Settles keys the run created; pre-existing ones stay open until restored. */
  private settleCreated(texts: string[], opts: SendOptions): void {
    if (!this.journal) return;
    const zone = opts.zone ?? this.zoneId;
    this.settle(
      texts.filter((t) => keysFor(t).every((k) => !this.journal!.preexisting(zone, k))),
      opts,
    );
  }
}

/** A body sent byte for byte, not JSON-encoded. */
export class RawBody {
  constructor(readonly data: string | Buffer) {}
}
