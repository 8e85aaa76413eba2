// reports/badge.json: a shields.io endpoint (https://shields.io/badges/endpoint-badge) for a README
// badge such as "conformance | 57/57 MUST". It counts the MUST requirements of the whole catalogue that
// passed, and names what keeps the others from passing, so a partial run never looks complete.
import type { ConformanceReport } from './types';

export interface Badge {
  schemaVersion: 1;
  label: string;
  message: string;
  color: 'brightgreen' | 'yellow' | 'red' | 'lightgrey';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function badge(r: Pick<ConformanceReport, 'verdict' | 'requirements' | 'strict'>): Badge {
  const must = r.requirements.filter((q) => q.level === 'MUST');
  const count = (status: string, rows = must) => rows.filter((q) => q.status === status).length;
  const parts = [`${count('passed')}/${must.length} MUST`];
  if (count('failed')) parts.push(`${count('failed')} failed`);
  if (count('expected-failure')) parts.push(plural(count('expected-failure'), 'expected failure', 'expected failures'));
  if (count('skipped')) parts.push(`${count('skipped')} skipped`);
  const shouldFailed = count('failed', r.requirements.filter((q) => q.level === 'SHOULD'));
  if (r.strict && shouldFailed) parts.push(`${shouldFailed} SHOULD failed (strict)`);
  if (r.verdict === 'error') parts.push('run error');
  const complete = count('passed') === must.length;
  const color = r.verdict === 'error' ? 'lightgrey' : r.verdict === 'fail' ? 'red' : complete ? 'brightgreen' : 'yellow';
  return { schemaVersion: 1, label: 'conformance', message: parts.join(', '), color };
}
