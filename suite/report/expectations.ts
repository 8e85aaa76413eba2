// Known deviations, declared outside the tests (like web-platform-tests' expectation files): a
// vendor's tracked gaps, or a staging quirk recorded rather than hidden. An entry turns a failure of
// its requirement into "expected-failure"; an entry whose requirement now passes is reported stale;
// an entry past its expiry date no longer excuses anything.
import fs from 'node:fs';
import { ConfigError } from '../config';
import { REQUIREMENTS } from '../requirements';

export interface Expectation {
  id: string;
  reason: string;
  /** YYYY-MM-DD: from this day on the entry is expired. */
  expires?: string;
}

export function loadExpectations(file: string): Expectation[] {
  if (!fs.existsSync(file)) return [];
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const entries = (data as { expectations?: unknown })?.expectations;
  if (!Array.isArray(entries)) throw new ConfigError(`${file} must be {"expectations": [{"id", "reason", "expires"?}]}`);
  const seen = new Set<string>();
  return entries.map((e, i) => {
    const where = `${file}: expectations[${i}]`;
    if (!e || typeof e !== 'object') throw new ConfigError(`${where} must be an object`);
    const { id, reason, expires } = e as Record<string, unknown>;
    if (typeof id !== 'string' || !REQUIREMENTS.has(id)) throw new ConfigError(`${where}: unknown requirement id ${JSON.stringify(id)}`);
    if (seen.has(id)) throw new ConfigError(`${where}: ${id} is listed twice`);
    seen.add(id);
    if (typeof reason !== 'string' || !reason.trim()) throw new ConfigError(`${where}: "reason" must say why ${id} is expected to fail`);
    if (expires !== undefined && (typeof expires !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(expires) || Number.isNaN(Date.parse(expires))))
      throw new ConfigError(`${where}: "expires" must be a date YYYY-MM-DD, got ${JSON.stringify(expires)}`);
    return { id, reason, ...(expires ? { expires } : {}) };
  });
}

export function isExpired(e: Expectation, today = new Date()): boolean {
  return !!e.expires && today.toISOString().slice(0, 10) >= e.expires;
}
