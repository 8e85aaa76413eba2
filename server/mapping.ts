// The rules shared by the single and the batch PUT: validating one {origin_ip, vendor, region} item,
// and writing it with the modified_on policy.
import { Code } from '../contract';
import { Message } from './envelope';
import type { Context, Mapping, Stamp } from './types';

export type CheckedItem =
  | { ok: true; ip: string; vendor: string; region: string; given: string }
  | { ok: false; status: number; code: number; message: string; given: string };

/**
 * An address as the client gave it, for batch `failed` entries: strings as is, other scalars as
 * their JSON text, objects and arrays (never echoed back) as "".
 */
export function givenText(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' || value === null ? String(value) : '';
}

/**
 * Validates one item in the order: shape (all three fields present strings; unknown fields are
 * allowed, openapi has no additionalProperties: false), address, path match (single PUT only,
 * decision 1), vendor and region (decision 10).
 */
export function checkItem(ctx: Context, value: unknown, pathIp?: string): CheckedItem {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const given = givenText(isObject ? (value as Record<string, unknown>).origin_ip : undefined);
  const failure = (status: number, code: number, message: string): CheckedItem => ({
    ok: false, status, code, message, given,
  });
  if (!isObject) {
    return failure(400, Code.invalidBody, 'expected a JSON object with string fields origin_ip, vendor and region');
  }
  const item = value as Record<string, unknown>;
  for (const field of ['origin_ip', 'vendor', 'region']) {
    if (!Object.hasOwn(item, field)) return failure(400, Code.invalidBody, `${field} is required`);
    if (typeof item[field] !== 'string') return failure(400, Code.invalidBody, `${field} must be a string`);
  }
  const { origin_ip, vendor, region } = item as Record<'origin_ip' | 'vendor' | 'region', string>;
  const ip = ctx.canonicalize(origin_ip);
  if (ip === null) {
    return failure(400, Code.invalidParameter, `origin_ip ${JSON.stringify(origin_ip)} is not a valid IPv4 or IPv6 address`);
  }
  if (pathIp !== undefined && ip !== pathIp) return failure(400, Code.invalidParameter, Message.mismatch);
  if (!ctx.isSupported(vendor, region)) return failure(400, Code.unsupportedRegion, Message.unsupportedRegion);
  return { ok: true, ip, vendor, region, given };
}

/** True when writing `ip` would add a mapping to a zone that is already full (decision 2). */
export function isOverLimit(ctx: Context, ip: string): boolean {
  return ctx.store.get(ip) === undefined && ctx.store.size() >= ctx.limit;
}

/** Creates or replaces a mapping. */
export function writeMapping(ctx: Context, ip: string, vendor: string, region: string): Mapping {
  const previous = ctx.store.get(ip);
  const unchanged = previous?.vendor === vendor && previous.region === region;
  const modified_on = ctx.modifiedOn({ now: ctx.now(), previous: previous?.modified_on, unchanged });
  const mapping = { origin_ip: ip, region, vendor, modified_on };
  ctx.store.set(mapping);
  return mapping;
}

/** RFC 3339 UTC with second precision, like the spec's example "2026-03-01T12:00:00Z". */
export function formatTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Decision 9: an identical repeat keeps modified_on; any other write takes the clock, but never a
 * time before the previous value (a clock that went back keeps the previous second).
 */
export function referenceModifiedOn({ now, previous, unchanged }: Stamp): string {
  if (previous !== undefined && unchanged) return previous;
  const before = previous === undefined ? NaN : Date.parse(previous);
  return formatTimestamp(Number.isNaN(before) ? now : Math.max(now, before));
}
