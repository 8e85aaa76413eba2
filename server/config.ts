// Validation of createServer options and of the CLI's environment variables. One parser per kind of
// value; each error names the option or variable it is about.

export const DEFAULT_TOKEN = 'reference-token';
export const DEFAULT_LIMIT = 3500; // seed page: "the limit of 3,500 IP mappings"
export const DEFAULT_MAX_BATCH = 100; // openapi: batch PUT maxItems 100
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
    this.name = 'ConfigError';
  }
}

export interface RateLimit {
  requests: number;
  windowSeconds: number;
}

/** A whole number within [min, max], given as a number or as decimal digits. */
export function parseInteger(value: unknown, setting: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const number = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < min || number > max) {
    throw new ConfigError(setting, `expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return number;
}

/** "1200/300" (requests per window in seconds), an object, or undefined/false/"" for off. */
export function parseRateLimit(value: unknown, setting: string): RateLimit | null {
  if (value === undefined || value === false || value === '') return null;
  if (typeof value === 'string') {
    const match = /^([0-9]+)\/([0-9]+)$/.exec(value);
    if (!match) throw new ConfigError(setting, `expected "<requests>/<seconds>" such as "1200/300", got ${JSON.stringify(value)}`);
    value = { requests: match[1], windowSeconds: match[2] };
  }
  if (typeof value !== 'object' || value === null) {
    throw new ConfigError(setting, `expected "<requests>/<seconds>" or { requests, windowSeconds }, got ${JSON.stringify(value)}`);
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
    throw new ConfigError(setting, 'expected a non-empty token of visible ASCII characters without spaces');
  }
  return value;
}
