// Known deviations, declared outside the tests (like web-platform-tests' expectation files): a
// vendor's tracked gaps, or a staging quirk recorded rather than hidden. An entry turns a failure of
// its requirement into "expected-failure"; an entry whose requirement now passes is reported stale;
// an entry past its expiry date no longer excuses anything.
import fs from 'node:fs';
import { ConfigError } from '../config/config';
import { REQUIREMENTS } from '../judging/requirements';
import { schemaErrors } from '../judging/schemas';

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
  // The shape, unknown keys included, by its JSON Schema (schemas/config/expectations.schema.json).
  const problems = schemaErrors('config/expectations.schema.json', data);
  if (problems.length)
    throw new ConfigError(`${file} does not match schemas/config/expectations.schema.json: ${problems.map((p) => p.text.replace(/^\/expectations\/(\d+)/, 'expectations[$1]')).join('; ')}`);
  const entries = (data as { expectations: Expectation[] }).expectations;
  const seen = new Set<string>();
  return entries.map((e, i) => {
    const where = `${file}: expectations[${i}]`;
    const { id, reason, expires } = e;
    if (!REQUIREMENTS.has(id)) throw new ConfigError(`${where}: unknown requirement id ${JSON.stringify(id)}`);
    if (seen.has(id)) throw new ConfigError(`${where}: ${id} is listed twice`);
    seen.add(id);
    return { id, reason, ...(expires ? { expires } : {}) };
  });
}

export function isExpired(e: Expectation, today = new Date()): boolean {
  return !!e.expires && today.toISOString().slice(0, 10) >= e.expires;
}
