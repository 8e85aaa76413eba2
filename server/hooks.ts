// The seam through which test code changes the server's behaviour from outside (the self-test's
// mutants and variants). The reference code carries no defect flags: each hook below is applied at
// exactly one place, named in its comment. Every `next` is the reference behaviour.
import type { IncomingHttpHeaders } from 'node:http';
import { ConfigError, OPERATION_NAMES } from '../contract';
import type { IpAddress } from './ip';
import type { Context, OperationName, Reply, RequestInfo, Stamp } from './types';

/**
 * Wraps one operation: return next(ctx) unchanged, call it with a modified copy, or answer alone.
 * It may answer through a Promise: the server awaits it, so requests can interleave at its awaits
 * (the reference handlers are synchronous and never do; a test server with a race needs this).
 * `next` is always synchronous; an asynchronous operation middleware cannot sit inside a '*' one.
 */
export type Middleware = (ctx: Context, next: (ctx: Context) => Reply) => Reply | Promise<Reply>;

export interface Hooks {
  ip?: {
    /** Text to address (null = not a plain address). Used by every canonicalization. */
    parse?(text: string, next: (text: string) => IpAddress | null): IpAddress | null;
    /** Address to its stored/returned text. */
    format?(address: IpAddress, next: (address: IpAddress) => string): string;
    /** The whole conversion text -> canonical text (null = invalid); wraps parse + format. */
    canonicalize?(text: string, next: (text: string) => string | null): string | null;
  };
  /**
   * Decides whether a request is authenticated: null lets it through, a Reply refuses it. `request`
   * (its operation set) lets a hook treat operations differently; the reference ignores it.
   */
  auth?(headers: IncomingHttpHeaders, next: (headers: IncomingHttpHeaders) => Reply | null, request: RequestInfo): Reply | null;
  /** Maps a zone id to the key of its store (reference: the zone id itself). */
  zoneKey?(zoneId: string): string;
  /** Vendor/region validation (decision 10). */
  isSupported?(vendor: string, region: string, next: (vendor: string, region: string) => boolean): boolean;
  /** modified_on of a write (decision 9). */
  modifiedOn?(stamp: Stamp, next: (stamp: Stamp) => string): string;
  /** Decision 3: whole batch rejected ('request', the reference) or excess items failed ('item'). */
  batchLimitMode?: 'request' | 'item';
  /** Middleware per operation; '*' wraps every operation (outside the operation's own). */
  operations?: Partial<Record<OperationName | '*', Middleware>>;
  /** Post-processes every reply, errors and unknown routes included, just before it is written. */
  reply?(reply: Reply, request: RequestInfo): Reply;
}

/** A function with the reference behaviour, optionally wrapped by a hook of the same shape plus next. */
function wrap<A extends unknown[], R>(
  reference: (...args: A) => R,
  hook: ((...args: [...A, (...args: A) => R]) => R) | undefined,
): (...args: A) => R {
  return hook ? (...args: A) => hook(...args, reference) : reference;
}

/** The reference behaviour that the hooks wrap (built by createServer from its options). */
export interface Reference {
  parse(text: string): IpAddress | null;
  format(address: IpAddress): string;
  auth(headers: IncomingHttpHeaders): Reply | null;
  isSupported(vendor: string, region: string): boolean;
  modifiedOn(stamp: Stamp): string;
}

/** The effective behaviour: the reference functions with the hooks applied. */
export interface Resolved {
  canonicalize(text: string): string | null;
  auth(headers: IncomingHttpHeaders, request: RequestInfo): Reply | null;
  zoneKey(zoneId: string): string;
  isSupported(vendor: string, region: string): boolean;
  modifiedOn(stamp: Stamp): string;
  batchLimitMode: 'request' | 'item';
  /** The handler of an operation wrapped by its middleware ('*' outermost); a Promise only from a middleware. */
  operation(name: OperationName, handler: (ctx: Context) => Reply): (ctx: Context) => Reply | Promise<Reply>;
  reply(reply: Reply, request: RequestInfo): Reply;
}

export function resolveHooks(hooks: Hooks, reference: Reference): Resolved {
  // A key that names no operation would wrap nothing, silently (plain JavaScript callers get no type check).
  for (const key of Object.keys(hooks.operations ?? {}))
    if (key !== '*' && !(OPERATION_NAMES as readonly string[]).includes(key))
      throw new ConfigError(`unknown operation ${JSON.stringify(key)}; one of ${OPERATION_NAMES.join(', ')} or "*"`, 'hooks.operations');
  const parse = wrap(reference.parse, hooks.ip?.parse);
  const format = wrap(reference.format, hooks.ip?.format);
  const canonicalize = wrap((text: string) => {
    const address = parse(text);
    return address && format(address);
  }, hooks.ip?.canonicalize);
  /** The operation's own middleware seen as the synchronous `next` of a '*' middleware. */
  const synchronous = (inner: (ctx: Context) => Reply | Promise<Reply>) => (ctx: Context): Reply => {
    const reply = inner(ctx);
    if (reply instanceof Promise) throw new Error(`an asynchronous middleware of ${ctx.operation} cannot sit inside a '*' middleware`);
    return reply;
  };
  return {
    canonicalize,
    auth: (headers, request) => (hooks.auth ? hooks.auth(headers, reference.auth, request) : reference.auth(headers)),
    zoneKey: hooks.zoneKey ?? ((zoneId) => zoneId),
    isSupported: wrap(reference.isSupported, hooks.isSupported),
    modifiedOn: wrap(reference.modifiedOn, hooks.modifiedOn),
    batchLimitMode: hooks.batchLimitMode ?? 'request',
    operation: (name, handler) => {
      const own = hooks.operations?.[name] ? (ctx: Context) => hooks.operations![name]!(ctx, handler) : handler;
      const all = hooks.operations?.['*'];
      return all ? (ctx: Context) => all(ctx, synchronous(own)) : own;
    },
    reply: hooks.reply ?? ((reply) => reply),
  };
}
