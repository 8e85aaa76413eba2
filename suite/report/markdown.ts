// reports/conformance.md: the verdict and the requirement matrix, readable in a pull request.
import { DEFAULT_REQUIREMENTS_DOC_HREF, docAnchor } from './links';
import { matrixGrids, matrixTotals } from './cells';
import type { ConformanceReport } from './types';
import { describeRestoration } from '../state/zone-guard';

const ICON: Record<string, string> = { passed: 'pass', failed: 'FAIL', skipped: 'skip', 'expected-failure': 'expected' };

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** docHref: docs/requirements.md relative to where the report is written; each ID links to its entry. */
export function renderMarkdown(r: ConformanceReport, docHref = DEFAULT_REQUIREMENTS_DOC_HREF): string {
  const out: string[] = [];
  out.push(`# Origin Cloud Regions conformance: ${r.verdict.toUpperCase()}`, '');
  // A merge of an incomplete shard set (conformance:merge --partial) says what it lacks.
  const partial = (r as { partial?: string | null }).partial;
  if (partial) out.push(`PARTIAL: ${cell(partial)}; the verdict covers only the shards given.`, '');
  if (r.skippedMust?.length) {
    // What the verdict does not cover.
    out.push(`${r.skippedMust.length} MUST requirement(s) skipped${r.requireAll ? ' (CONFORMANCE_REQUIRE_ALL: each fails the run)' : ''}:`, '');
    out.push(...r.skippedMust.map((x) => `- ${x.id}: ${cell(x.reason)}`), '');
  }
  out.push(`- Target: ${r.target ? `${r.target.baseUrl}${r.target.embedded ? ' (embedded reference server)' : ''}` : 'not reached'}`);
  out.push(`- Suite version: ${r.suiteVersion}; profile: ${r.profile ?? '-'}; seed: ${r.seed ?? '-'}${r.shard ? `; shard ${r.shard}` : ''}${r.strict ? '; strict (SHOULD failures fail)' : ''}${r.requireAll ? '; a skipped MUST fails the run' : ''}`);
  out.push(`- Requests sent: ${r.requests} (429 responses: ${r.rateLimit.responses429}, waited ${Math.round(r.rateLimit.waitedMs / 1000)} s; transport retries: ${r.transportRetries})`);
  out.push(`- Started ${r.startedAt ?? '-'}, finished ${r.finishedAt}`, '');
  if (r.errors.length) out.push('## Errors of the run', '', ...r.errors.map((e) => `- ${cell(e)}`), '');
  if (r.restoredFromSnapshot?.length)
    out.push(
      '## Zone restored from the preflight snapshot',
      '',
      'The target lost or changed mappings the suite never wrote; they were put back:',
      '',
      ...r.restoredFromSnapshot.map((x) => `- ${cell(describeRestoration(x))}`),
      '',
    );
  const levels = ['MUST', 'SHOULD', 'INFO'] as const;
  out.push('| level | passed | failed | expected-failure | skipped |', '|---|---|---|---|---|');
  for (const l of levels) {
    const n = (s: string) => r.summary[`${l} ${s}`] ?? 0;
    out.push(`| ${l} | ${n('passed')} | ${n('failed')} | ${n('expected-failure')} | ${n('skipped')} |`);
  }
  out.push('', '## Requirements', '', '| status | level | id | operation | requirement | notes |', '|---|---|---|---|---|---|');
  for (const q of r.requirements) {
    const notes = [
      ...(q.failures ?? []).slice(0, 3),
      ...(q.reason ? [q.reason] : []),
      ...(q.stale ? ['stale expectation: passes now'] : []),
      ...(q.expired ? ['expectation expired'] : []),
      ...(q.observations ?? []),
    ];
    out.push(`| ${ICON[q.status]} | ${q.level} | [${q.id}](${docHref}#${docAnchor(q.id)}) | ${q.operation} | ${cell(q.title)} | ${cell(notes.join('; '))} |`);
  }
  const grids = matrixGrids(r.requirements);
  if (grids.length) {
    const t = matrixTotals(r.requirements);
    out.push('', '## Rule × operation matrix', '', `${t.cells} cells: ${t.passed} passed, ${t.failed} failed, ${t['expected-failure']} expected-failure, ${t.skipped} skipped.`);
    for (const g of grids) {
      out.push('', `### ${g.id} (${g.level}): ${g.counts.passed} of ${g.total} cells passed`, '');
      out.push(`| input / position | ${g.columns.map(cell).join(' | ')} |`, `|---|${g.columns.map(() => '---').join('|')}|`);
      for (const row of g.rows) out.push(`| ${cell(row.label)} | ${row.cells.map((c) => (c ? ICON[c.status] : '')).join(' | ')} |`);
      if (g.notes.length) out.push('', ...g.notes.map((n) => `- ${n.cell.id} (${ICON[n.cell.status]}): ${cell(n.text)}`));
    }
  }
  if (r.unattributedFailures.length)
    out.push('', '## Failures no requirement claimed', '', ...r.unattributedFailures.map((u) => `- ${cell(u)}`));
  out.push('');
  return out.join('\n');
}
