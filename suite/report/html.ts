// reports/conformance.html: the page a vendor publishes. Self-contained (inline CSS, no script, no
// external resource), readable printed. Every value is HTML-escaped here, and the whole page goes
// through redact() once more before it is written: a report is an output like any other.
import { OPERATIONS as API_OPERATIONS } from '../../contract';
import type { Level, Operation } from '../requirements';
import type { Evidence } from '../verify';
import { DEFAULT_REQUIREMENTS_DOC_HREF, docAnchor } from './links';
import type { RequirementRow } from './model';
import type { ConformanceReport } from './reporter';
import { describeRestoration } from '../zone-guard';

const LEVELS: Level[] = ['MUST', 'SHOULD', 'INFO'];
const STATUSES = ['failed', 'expected-failure', 'passed', 'skipped'] as const;
export const OPERATIONS: Array<{ op: Operation; label: string }> = [
  ...API_OPERATIONS.map((o) => ({ op: o.name, label: o.label })),
  { op: 'all', label: 'Every operation (envelope, auth, zones, robustness)' },
];

export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An id attribute value for a requirement (IDs are [A-Z0-9-], but escape anyway). */
const anchor = (id: string) => `req-${esc(id.replace(/[^A-Za-z0-9_-]/g, '_'))}`;

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",sans-serif;margin:0;color:#1b1f23;background:#fff}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 8px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
h3{font-size:15px;margin:20px 0 6px}h4{font-size:14px;margin:14px 0 4px}
.verdict{display:inline-block;padding:4px 14px;border-radius:4px;font-weight:700;font-size:20px;letter-spacing:.05em}
.v-pass{background:#dafbe1;color:#116329;border:1px solid #4ac26b}.v-fail{background:#ffebe9;color:#a40e26;border:1px solid #ff8182}
.v-error{background:#fff8c5;color:#7d4e00;border:1px solid #d4a72c}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:16px 0}dl.facts dt{font-weight:600;color:#57606a}dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
.s{font-weight:600;white-space:nowrap}.s-passed{color:#116329}.s-failed{color:#a40e26}.s-expected-failure{color:#7d4e00}.s-skipped{color:#57606a}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:4px;padding:8px;white-space:pre-wrap;word-break:break-all;margin:4px 0 8px}
.failure{border:1px solid #ff8182;border-radius:6px;padding:8px 14px;margin:14px 0}.failure.expected{border-color:#d4a72c}
.muted{color:#57606a}.note{font-size:13px}ul.tests{margin:0;padding-left:18px}
@media print{main{max-width:none}pre{break-inside:avoid}}
`;

/** docHref: docs/requirements.md relative to where the page is written; each title links to its entry. */
export function renderHtml(r: ConformanceReport, docHref = DEFAULT_REQUIREMENTS_DOC_HREF): string {
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script, no network: the page must render the same wherever it is published.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>Origin Cloud Regions conformance: ${esc(r.verdict.toUpperCase())}</title>`,
    `<style>${CSS}</style></head><body><main>`,
  );
  out.push(
    '<h1>Origin Cloud Regions API conformance</h1>',
    `<p>Verdict: <span class="verdict v-${esc(r.verdict)}" data-testid="verdict">${esc(r.verdict.toUpperCase())}</span> <span class="muted note">${esc(verdictNote(r))}</span></p>`,
  );
  if (r.restoredFromSnapshot?.length)
    out.push(
      `<p data-testid="restored"><strong>Zone restored from the preflight snapshot:</strong> the target lost or changed ${esc(r.restoredFromSnapshot.length)} mapping(s) the suite never wrote; they were put back.</p><ul>`,
      ...r.restoredFromSnapshot.map((x) => `<li>${esc(describeRestoration(x))}</li>`),
      '</ul>',
    );
  // What the verdict does not cover: every MUST no test showed, with its reason.
  if (r.skippedMust?.length)
    out.push(
      `<p data-testid="skipped-must">${esc(r.skippedMust.length)} MUST requirement(s) skipped${r.requireAll ? ' (CONFORMANCE_REQUIRE_ALL: each fails the run)' : ''}:</p><ul>`,
      ...r.skippedMust.map((x) => `<li><code>${esc(x.id)}</code>: ${esc(x.reason)}</li>`),
      '</ul>',
    );
  out.push('<dl class="facts" data-testid="facts">');
  const fact = (k: string, v: string) => out.push(`<dt>${esc(k)}</dt><dd>${v}</dd>`);
  fact('Target', r.target ? `<code>${esc(r.target.baseUrl)}</code>${r.target.embedded ? ' (embedded reference server)' : ''}` : 'not reached');
  if (r.target?.zones.length) fact('Zones', r.target.zones.map((z) => `<code>${esc(z)}</code>`).join(', '));
  fact('Suite version', esc(r.suiteVersion));
  fact('Seed', `<code>${esc(r.seed ?? '-')}</code>`);
  fact('Profile', esc(r.profile ?? '-'));
  fact('Mode', `${r.strict ? 'strict: SHOULD failures fail the run' : 'default: MUST failures fail the run'}${r.requireAll ? '; a skipped MUST fails the run' : ''}`);
  if (r.shard) fact('Shard', esc(r.shard));
  fact('Run', `${esc(r.startedAt ?? '-')} to ${esc(r.finishedAt)}`);
  fact('Requests sent', `${esc(r.requests)}`);
  fact('Rate limiting', `${esc(r.rateLimit.responses429)} response(s) 429, waited out in ${esc((r.rateLimit.waitedMs / 1000).toFixed(1))} s (never counted as failures)`);
  fact('Transport retries', `${esc(r.transportRetries)} (502/503/504 or connection errors, idempotent requests only)`);
  out.push('</dl>');

  if (r.errors.length) {
    out.push('<h2>Errors of the run</h2>', '<p>The run itself broke: its results prove nothing about the target.</p>', '<ul data-testid="errors">');
    for (const e of r.errors) out.push(`<li><pre>${esc(e)}</pre></li>`);
    out.push('</ul>');
  }

  out.push('<h2>Summary</h2>', '<table data-testid="summary"><thead><tr><th>level</th>');
  for (const s of STATUSES) out.push(`<th>${esc(s)}</th>`);
  out.push('</tr></thead><tbody>');
  for (const l of LEVELS) {
    out.push(`<tr><th>${l}</th>`);
    for (const s of STATUSES) out.push(`<td class="n">${esc(r.summary[`${l} ${s}`] ?? 0)}</td>`);
    out.push('</tr>');
  }
  out.push('</tbody></table>');

  out.push('<h3>By operation</h3>', '<table data-testid="by-operation"><thead><tr><th>operation</th>');
  for (const l of LEVELS) out.push(`<th>${l} passed / failed</th>`);
  out.push('</tr></thead><tbody>');
  for (const { op, label } of OPERATIONS) {
    const rows = r.requirements.filter((q) => q.operation === op);
    if (!rows.length) continue;
    out.push(`<tr><td><code>${esc(label)}</code></td>`);
    for (const l of LEVELS) {
      const at = rows.filter((q) => q.level === l);
      const failed = at.filter((q) => q.status === 'failed').length;
      out.push(`<td class="n">${at.filter((q) => q.status === 'passed').length} / <span class="${failed ? 's-failed s' : ''}">${failed}</span> <span class="muted">of ${at.length}</span></td>`);
    }
    out.push('</tr>');
  }
  out.push('</tbody></table>');

  if (r.staleExpectations.length)
    out.push(`<p data-testid="stale">Stale expectations (listed as known deviations, but passing now): ${r.staleExpectations.map((id) => `<code>${esc(id)}</code>`).join(', ')}</p>`);

  out.push('<h2>Requirement matrix</h2>', '<div data-testid="matrix">');
  for (const l of LEVELS) {
    const atLevel = r.requirements.filter((q) => q.level === l);
    if (!atLevel.length) continue;
    out.push(`<section data-level="${l}"><h3>${l} (${atLevel.length})</h3>`);
    for (const { op, label } of OPERATIONS) {
      const rows = atLevel.filter((q) => q.operation === op);
      if (!rows.length) continue;
      out.push(`<h4><code>${esc(label)}</code></h4>`, '<table><thead><tr><th>status</th><th>id</th><th>requirement</th><th>source</th><th>notes</th></tr></thead><tbody>');
      for (const q of rows) out.push(matrixRow(q, docHref));
      out.push('</tbody></table>');
    }
    out.push('</section>');
  }
  out.push('</div>');

  const withFailures = r.requirements.filter((q) => q.status === 'failed' || q.status === 'expected-failure');
  out.push('<h2>Failures and their evidence</h2>', '<div data-testid="failures">');
  if (!withFailures.length && !r.unattributedFailures.length) out.push('<p>No requirement failed.</p>');
  for (const q of withFailures) out.push(failureSection(q));
  if (r.unattributedFailures.length) {
    out.push('<h3>Failures no requirement claimed</h3>', '<ul>');
    for (const u of r.unattributedFailures) out.push(`<li><pre>${esc(u)}</pre></li>`);
    out.push('</ul>');
  }
  out.push('</div>');
  out.push(`<p class="muted note">Generated by the Origin Cloud Regions conformance suite ${esc(r.suiteVersion)} at ${esc(r.finishedAt)}. Credentials are redacted; curl commands read the token from <code>$CONFORMANCE_API_TOKEN</code>.</p>`);
  out.push('</main></body></html>', '');
  return out.join('\n');
}

function verdictNote(r: ConformanceReport): string {
  if (r.verdict === 'error') return 'the run could not complete (configuration or harness error)';
  const mustFailed = r.summary['MUST failed'] ?? 0;
  const shouldFailed = r.summary['SHOULD failed'] ?? 0;
  if (r.verdict === 'fail') return `${mustFailed} MUST requirement(s) failed${r.strict && shouldFailed ? `, ${shouldFailed} SHOULD (strict)` : ''}`;
  return `no MUST requirement failed${shouldFailed ? `; ${shouldFailed} SHOULD requirement(s) failed` : ''}`;
}

function matrixRow(q: RequirementRow, docHref: string): string {
  const notes: string[] = [];
  for (const f of (q.failures ?? []).slice(0, 3)) notes.push(esc(f));
  if ((q.failures?.length ?? 0) > 3) notes.push(`${q.failures!.length - 3} more`);
  if (q.reason) notes.push(`${q.status === 'skipped' ? 'skipped: ' : 'expectation: '}${esc(q.reason)}`);
  if (q.stale) notes.push('<strong>stale expectation: passes now</strong>');
  if (q.expired) notes.push('<strong>expectation expired: counts as a failure</strong>');
  for (const o of q.observations ?? []) notes.push(`observed: ${esc(o)}`);
  const hasEvidence = q.status === 'failed' || q.status === 'expected-failure';
  const id = hasEvidence ? `<a href="#${anchor(q.id)}"><code>${esc(q.id)}</code></a>` : `<code>${esc(q.id)}</code>`;
  return `<tr data-requirement="${esc(q.id)}" data-status="${esc(q.status)}"><td class="s s-${esc(q.status)}">${esc(q.status)}</td><td>${id}</td><td><a href="${esc(`${docHref}#${docAnchor(q.id)}`)}">${esc(q.title)}</a></td><td class="note">${esc(q.source)}</td><td class="note">${notes.join('<br>')}</td></tr>`;
}

function failureSection(q: RequirementRow): string {
  const out: string[] = [];
  out.push(`<section class="failure${q.status === 'expected-failure' ? ' expected' : ''}" id="${anchor(q.id)}" data-requirement="${esc(q.id)}">`);
  out.push(`<h3><code>${esc(q.id)}</code> ${esc(q.level)}: <span class="s s-${esc(q.status)}">${esc(q.status)}</span></h3>`);
  out.push(`<p><strong>Expected:</strong> ${esc(q.title)}</p>`, `<p class="note muted">Source: ${esc(q.source)}</p>`);
  if (q.reason && q.status === 'expected-failure') out.push(`<p><strong>Known deviation:</strong> ${esc(q.reason)}</p>`);
  if (q.expired) out.push('<p><strong>The expectation for this requirement has expired.</strong></p>');
  if (q.failures?.length) {
    out.push('<h4>What happened</h4><ul>');
    for (const f of q.failures) out.push(`<li>${esc(f)}</li>`);
    out.push('</ul>');
  }
  const evidence = (q.evidence ?? []) as Evidence[];
  evidence.forEach((ev, i) => {
    out.push(`<div class="evidence" data-testid="evidence"><h4>Evidence ${i + 1}${evidence.length > 1 ? ` of ${evidence.length}` : ''}</h4>`);
    if (ev.detail) out.push('<p>Detail:</p>', `<pre>${esc(ev.detail)}</pre>`);
    for (const x of ev.exchanges ?? []) {
      const req = x.request;
      out.push('<p>Request (redacted):</p>', `<pre data-testid="request">${esc(`${req.method} ${req.url}\n${headerLines(req.headers)}${req.body !== undefined ? `\n\n${req.body}` : ''}`)}</pre>`);
      if (x.response)
        out.push('<p>Response (redacted):</p>', `<pre data-testid="response">${esc(`HTTP ${x.response.status}\n${headerLines(x.response.headers)}\n\n${x.response.body}`)}</pre>`);
      if (x.error) out.push('<p>Transport error:</p>', `<pre>${esc(x.error)}</pre>`);
      out.push('<p>curl (set <code>CONFORMANCE_API_TOKEN</code> first):</p>', `<pre data-testid="curl">${esc(x.curl)}</pre>`);
    }
    out.push('<p>Replay:</p>', `<pre data-testid="replay">${esc(ev.replay)}</pre>`, '</div>');
  });
  if (!evidence.length) out.push('<p class="muted">No exchange was recorded for this failure (see the test error in junit.xml or the HTML test report).</p>');
  out.push('</section>');
  return out.join('\n');
}

function headerLines(h: Record<string, string> | undefined): string {
  return Object.entries(h ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}
