// Types shared by the server modules, the hooks and the tests.
import type { IncomingHttpHeaders } from 'node:http';

import type { Mapping as ApiMapping, OperationName, SupportedRegions } from '../contract';

export type { OperationName, ResponseInfo, SupportedRegions } from '../contract';

/** One stored mapping: the reference always stamps modified_on (decision 9). */
export type Mapping = ApiMapping & { modified_on: string };

/** What a caller may give to pre-populate a zone: modified_on optional. */
export type MappingInput = ApiMapping;

/**
 * A reply before it is written. `body` is loosely typed on purpose: reply hooks reshape it freely
 * (the mutants of the self-test break the envelope on purpose).
 */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: { [key: string]: any };
}

/** What is known about any request, including those that match no route. */
export interface RequestInfo {
  method: string;
  /** The raw request path, without the query string, exactly as received (not decoded). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Set when the request matched an operation. */
  operation?: OperationName;
}

/** Input of the modified_on policy (decision 9). */
export interface Stamp {
  /** The clock, in milliseconds since the epoch. */
  now: number;
  /** modified_on of the mapping being replaced, if any. */
  previous?: string;
  /** True when the write repeats the stored vendor and region exactly. */
  unchanged: boolean;
}

/** The mappings of one zone. A plain object of functions, so a hook can wrap it with a spread. */
export interface ZoneStore {
  get(ip: string): Mapping | undefined;
  /** Creates or replaces; a replaced mapping keeps its position in list(). */
  set(mapping: Mapping): void;
  delete(ip: string): Mapping | undefined;
  size(): number;
  /** All mappings in creation order. */
  list(): Mapping[];
  clear(): void;
}

/**
 * Everything a handler may use. Handlers read nothing else, so a middleware hook changes an
 * operation's behaviour by calling next() with a modified copy ({ ...ctx, limit: 3501 }).
 */
export interface Context extends RequestInfo {
  operation: OperationName;
  /** The zone id from the path (already validated: 32 lowercase hex digits). */
  zoneId: string;
  /** The origin_ip path parameter, percent-decoded once; undefined on routes without one. */
  originIp?: string;
  /** The parsed JSON body; undefined when the request carried no body (or the operation takes none). */
  body: unknown;
  store: ZoneStore;
  regions: SupportedRegions;
  limit: number;
  maxBatch: number;
  /** Decision 3: a batch that would cross the limit fails as a whole ('request') or per item ('item'). */
  batchLimitMode: 'request' | 'item';
  now(): number;
  /** Text to canonical address text, or null when the text is not a plain IPv4/IPv6 address. */
  canonicalize(text: string): string | null;
  isSupported(vendor: string, region: string): boolean;
  modifiedOn(stamp: Stamp): string;
}

export type Handler = (ctx: Context) => Reply;
