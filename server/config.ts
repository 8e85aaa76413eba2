// Validation of createServer options and of the CLI's environment variables. One parser per kind of
// value; each error names the option or variable it is about.

import { ConfigError, MAPPING_LIMIT, MAX_BATCH, parseRateLimit as parseRateLimitText, type RateLimit } from '../contract';

export { ConfigError, type RateLimit } from '../contract';

export const DEFAULT_TOKEN = 'reference-token';
export const DEFAULT_LIMIT = MAPPING_LIMIT;
export const DEFAULT_MAX_BATCH = MAX_BATCH;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** A whole number within [min, max], given as a number or as decimal digits. */
export function parseInteger(value: unknown, setting: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const number = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < min || number > max) {
    throw new ConfigError(`expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`, setting);
  }
  return number;
}

/** "1200/300" (the contract's grammar), an object, or undefined/false/"" for off. */
export function parseRateLimit(value: unknown, setting: string): RateLimit | null {
  if (value === undefined || value === false || value === '') return null;
  if (typeof value === 'string') return parseRateLimitText(value, setting);
  if (typeof value !== 'object' || value === null) {
    throw new ConfigError(`expected "<requests>/<seconds>" or { requests, windowSeconds }, got ${JSON.stringify(value)}`, setting);
  }
  const { requests, windowSeconds } = value as Record<string, unknown>;
  return {
    requests: parseInteger(requests, `${setting} (requests)`, 1),
    windowSeconds: parseInteger(windowSeconds, `${setting} (window seconds)`, 1),
  };
}

/** A token must be sendable as `Authorization: Bearer <token>`: visible ASCII, no spaces. */
export function parseToken(value: unknown, setting: string): string {
  if (typeof value !== 'string' || !/^[!-~]+$/.test(value)) {
    throw new ConfigError('expected a non-empty token of visible ASCII characters without spaces', setting);
  }
  return value;
}

/** A legacy X-Auth-Email/X-Auth-Key pair: an email address, and a key of visible ASCII without spaces. */
export function parseLegacyCredentials(value: unknown, setting: string): { email: string; key: string } {
  const { email, key } = (value ?? {}) as Record<string, unknown>;
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email)) throw new ConfigError('expected an email address such as user@example.com', `${setting} (email)`);
  return { email, key: parseToken(key, `${setting} (key)`) };
}
