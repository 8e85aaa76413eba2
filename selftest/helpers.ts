// Small building blocks the mutants and variants share. Each wraps the reference behaviour (the
// `next` a hook receives) rather than copying it, so a case states only what it changes.
import { OPERATION_NAMES } from '../contract';
import { Code, fail, type Context, type IpAddress, type Mapping, type Middleware, type OperationName, type Reply, type RequestInfo, type ZoneStore } from '../server';

/** The operations that read or write mappings; supported_regions is left out of envelope defects
 * so that the suite's preflight still gets the region list and the defect is judged by the checks
 * that target it rather than by every test failing at setup. */
export const MAPPING_OPERATIONS: readonly OperationName[] = OPERATION_NAMES.filter((name) => name !== 'supported-regions');

/** A reply hook that applies `change` only to replies of the given operations. */
export function onReplies(
  operations: readonly OperationName[],
  change: (reply: Reply, request: RequestInfo) => Reply,
): (reply: Reply, request: RequestInfo) => Reply {
  return (reply, request) => (request.operation && operations.includes(request.operation) ? change(reply, request) : reply);
}

export const isSuccess = (reply: Reply) => reply.status >= 200 && reply.status < 300;

/** The first error code of a failure reply. */
export const errorCode = (reply: Reply): unknown => reply.body?.errors?.[0]?.code;

/**
 * A canonicalize that still rejects what the reference rejects but returns valid text unchanged:
 * the address "as given" instead of its canonical form.
 */
export function asGiven(ctx: Context): (text: string) => string | null {
  return (text) => (ctx.canonicalize(text) === null ? null : text);
}

/** The store of a context with some of its functions replaced. */
export function withStore(ctx: Context, change: Partial<ZoneStore>): Context {
  return { ...ctx, store: { ...ctx.store, ...change } };
}

/** A context whose query string is a copy with `change` applied (the list's page and per_page). */
export function withQuery(ctx: Context, change: (query: URLSearchParams) => void): Context {
  const query = new URLSearchParams(ctx.query);
  change(query);
  return { ...ctx, query };
}

/** The body's origin_ip when the body is an object carrying a string there. */
export function bodyIp(ctx: Context): string | undefined {
  const body = ctx.body as { origin_ip?: unknown } | null | undefined;
  return body && typeof body === 'object' && typeof body.origin_ip === 'string' ? body.origin_ip : undefined;
}

/** True when the PUT's path and body name two different valid addresses (decision 1's mismatch). */
export function isMismatch(ctx: Context): boolean {
  const fromBody = bodyIp(ctx);
  if (fromBody === undefined || ctx.originIp === undefined) return false;
  const a = ctx.canonicalize(ctx.originIp);
  const b = ctx.canonicalize(fromBody);
  return a !== null && b !== null && a !== b;
}

/** Writes a mapping straight into the store (the side effects of the defective servers). */
export function store(ctx: Context, ip: string, vendor: string, region: string): Mapping {
  const mapping = { origin_ip: ip, vendor, region, modified_on: new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  ctx.store.set(mapping);
  return mapping;
}

/** State kept per zone id by a stateful mutant (a cache, a high-water mark). */
export function perZone<T>(init: () => T): (zoneId: string) => T {
  const states = new Map<string, T>();
  return (zoneId) => {
    let state = states.get(zoneId);
    if (state === undefined) states.set(zoneId, (state = init()));
    return state;
  };
}

/**
 * Second rows kept per zone, and a middleware through which an operation sees them (withExtraRows):
 * for mutants whose writes add rows on one path while every other operation only reads them.
 */
export function extraRowsPerZone(): { rowsOf: (zoneId: string) => Map<string, Mapping[]>; seeingRows: Middleware } {
  const rowsOf = perZone(() => new Map<string, Mapping[]>());
  return { rowsOf, seeingRows: (ctx, next) => next({ ...ctx, store: withExtraRows(ctx.store, rowsOf(ctx.zoneId)) }) };
}

/**
 * A store without a unique key: `rows` holds second rows of addresses the base store already has.
 * Reads find the first row; a DELETE removes one row at a time, so after one DELETE the address may
 * still have a mapping; size and list count every row. The caller decides when a write adds a row.
 */
export function withExtraRows(base: ZoneStore, rows: Map<string, Mapping[]>): ZoneStore {
  return {
    ...base,
    get: (ip) => base.get(ip) ?? rows.get(ip)?.[0],
    delete: (ip) => {
      const primary = base.delete(ip);
      if (primary) return primary;
      const list = rows.get(ip);
      const row = list?.shift();
      if (list && list.length === 0) rows.delete(ip);
      return row;
    },
    size: () => base.size() + [...rows.values()].reduce((n, l) => n + l.length, 0),
    list: () => [...base.list(), ...[...rows.values()].flat()],
    clear: () => {
      base.clear();
      rows.clear();
    },
  };
}

/** Adds a second row of `m` to `rows` (the defect of a table without a unique key). */
export const addRow = (rows: Map<string, Mapping[]>, m: Mapping): void => void rows.set(m.origin_ip, [...(rows.get(m.origin_ip) ?? []), m]);

/**
 * The stores of every zone a server has served, for mutants whose defect crosses zones (decision 12).
 * `track` is a '*' middleware that records each request's zone; `others(ctx)` are the stores of the
 * zones other than the request's. Keyed by zone id: the self-test gives every run its own zones.
 */
export function zoneRegistry(): { track: Middleware; others(ctx: Context): ZoneStore[]; all(): ZoneStore[] } {
  const stores = new Map<string, ZoneStore>();
  return {
    track: (ctx, next) => {
      stores.set(ctx.zoneId, ctx.store);
      return next(ctx);
    },
    others: (ctx) => [...stores.entries()].filter(([zone]) => zone !== ctx.zoneId).map(([, s]) => s),
    all: () => [...stores.values()],
  };
}

/**
 * A lenient reader's clean-up of address text: surrounding whitespace, brackets, a zone index and a
 * prefix length dropped before parsing (what decision 6 forbids).
 */
export function lenientText(text: string): string {
  return text.trim().replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '').replace(/\/\d+$/, '');
}

/** Decorated address text, decision 6's list (a zone index, a CIDR suffix, brackets, whitespace), that is not a plain address. */
export function isDecorated(ctx: Context, text: string | undefined): text is string {
  return text !== undefined && /[%/[\]\s]/.test(text) && ctx.canonicalize(text) === null;
}

/** A lookup that never validates its key: decorated text in the path finds no mapping, 404 instead of 400. */
export const notFoundForDecorated: Middleware = (ctx, next) =>
  isDecorated(ctx, ctx.originIp)
    ? fail(404, Code.notFound, 'Unable to retrieve origin_public_cloud_region setting value. The zone setting does not exist.')
    : next(ctx);

/** Decision 5's well-known prefixes with an embedded IPv4 address, by the address's eight groups. */
export const EMBEDDED_PREFIX = {
  /** IPv4-translated, ::ffff:0:0:0/96 (RFC 2765). */
  translated: (g: readonly number[]) => g.slice(0, 4).every((x) => x === 0) && g[4] === 0xffff && g[5] === 0,
  /** NAT64's well-known prefix, 64:ff9b::/96 (RFC 6052). */
  nat64: (g: readonly number[]) => g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0),
} as const;

/** An ip.format hook that changes only the addresses under `prefix` (IPv6), the reference printing the rest. */
export function formatUnder(prefix: (g: readonly number[]) => boolean, format: (groups: number[]) => string) {
  return (address: IpAddress, next: (address: IpAddress) => string): string =>
    address.version === 6 && prefix(address.groups) ? format(address.groups) : next(address);
}
