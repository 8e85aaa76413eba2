// reports/conformance.html: the page a vendor publishes. Self-contained (inline CSS, no script, no
// external resource), readable printed. Every value is HTML-escaped here, and the whole page goes
// through redact() once more before it is written: a report is an output like any other.
import { OPERATIONS as API_OPERATIONS } from '../../contract';
import type { Level, Operation } from '../judging/requirements';
import type { Evidence } from '../judging/verify';
import { DEFAULT_REQUIREMENTS_DOC_HREF, docAnchor } from './links';
import { matrixGrids, matrixTotals } from './cells';
import type { RequirementRow } from './matrix';
import type { ConformanceReport } from './types';
import { describeRestoration } from '../state/zone-guard';

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
.run-line{margin:0 0 12px;word-break:break-all}
details.skipped{margin:6px 0 10px}details.skipped li{margin:2px 0}
.lvl{font-size:12px;font-weight:700;border:1px solid #d0d7de;border-radius:3px;padding:0 5px;vertical-align:middle}
.failure h3{margin:6px 0 4px}.req{margin:0 0 6px}.check{margin:6px 0 2px;font-weight:600}
table.xr{width:auto;max-width:100%;margin:2px 0 6px}table.xr th{background:#f6f8fa;font-weight:600;width:1%;white-space:nowrap}table.xr td code{word-break:break-all}
details{margin:4px 0}summary{cursor:pointer}details.exchange>summary,details.more>summary{color:#0550ae;word-break:break-all}
.cmd-label{margin:6px 0 0;font-size:13px}.hint{font-size:12px}
pre.cmd{user-select:all;-webkit-user-select:all;cursor:text;background:#fff8c5;border-color:#d4a72c}
ol.steps{padding-left:22px;margin:4px 0 8px}ol.steps pre{margin:2px 0}ol.steps pre.answer{background:#fff;margin-bottom:8px}
details.deviations{border:1px solid #d4a72c;border-radius:6px;padding:6px 12px;margin:14px 0}
@media (max-width:600px){main{padding:10px}h1{font-size:19px}h2{font-size:17px;margin-top:22px}.verdict{font-size:17px}
.failure{padding:6px 10px;margin:10px 0}table{display:block;overflow-x:auto}dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:4px}}
@media print{main{max-width:none}pre{break-inside:avoid}details>*{display:block}}
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
    `<p class="muted note run-line" data-testid="run-line">${esc(runLine(r))}</p>`,
  );
  if (r.restoredFromSnapshot?.length)
    out.push(
      `<p data-testid="restored"><strong>Zone restored from the preflight snapshot:</strong> the target lost or changed ${esc(r.restoredFromSnapshot.length)} mapping(s) the suite never wrote; they were put back.</p><ul>`,
      ...r.restoredFromSnapshot.map((x) => `<li>${esc(describeRestoration(x))}</li>`),
      '</ul>',
    );
  // What the verdict does not cover: every MUST no test showed, with its reason (folded: the
  // failures below must stay in the first screen, phones included).
  if (r.skippedMust?.length) {
    const ids = r.skippedMust.map((x) => x.id);
    const named = ids.length > 4 ? `${ids.slice(0, 4).join(', ')} and ${ids.length - 4} more` : ids.join(', ');
    out.push(
      `<details class="skipped" data-testid="skipped-must"><summary><strong>${esc(ids.length)} MUST requirement(s) skipped</strong>${r.requireAll ? ' (CONFORMANCE_REQUIRE_ALL: each fails the run)' : ': the verdict does not cover them'}: ${esc(named)}</summary><ul>`,
      ...r.skippedMust.map((x) => `<li><a href="#row-${anchor(x.id)}"><code>${esc(x.id)}</code></a>: ${esc(x.reason)}</li>`),
      '</ul></details>',
    );
  }
  // Failures first: a vendor opening the page wants what failed, with its evidence, before the matrix.
  if (r.errors.length) {
    out.push('<h2>Errors of the run</h2>', '<p>The run itself broke: its results prove nothing about the target.</p>', '<ul data-testid="errors">');
    for (const e of r.errors) out.push(`<li><pre>${esc(e)}</pre></li>`);
    out.push('</ul>');
  }
  out.push(failuresFirst(r, docHref));

  out.push('<h2>The run</h2>');
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

  out.push(...ruleMatrix(r));

  out.push(`<p class="muted note">Generated by the Origin Cloud Regions conformance suite ${esc(r.suiteVersion)} at ${esc(r.finishedAt)}. Credentials are redacted; curl commands read the token from <code>$CONFORMANCE_API_TOKEN</code>.</p>`);
  out.push('</main></body></html>', '');
  return out.join('\n');
}

/** The rule x operation matrix: one grid per cross-cutting requirement, every cell's status. */
function ruleMatrix(r: ConformanceReport): string[] {
  const grids = matrixGrids(r.requirements);
  if (!grids.length) return [];
  const t = matrixTotals(r.requirements);
  const out = [
    '<h2>Rule × operation matrix</h2>',
    `<p data-testid="rule-matrix-totals">${esc(t.cells)} cells: ${esc(t.passed)} passed, ${esc(t.failed)} failed, ${esc(t['expected-failure'])} expected-failure, ${esc(t.skipped)} skipped. Each cross-cutting rule applied to every operation and input position it covers.</p>`,
    '<div data-testid="rule-matrix">',
  ];
  for (const g of grids) {
    out.push(`<section data-requirement="${esc(g.id)}"><h3><code>${esc(g.id)}</code> ${esc(g.level)}: ${esc(g.counts.passed)} of ${esc(g.total)} cells passed</h3>`);
    out.push(`<p class="note">${esc(g.title)}</p>`);
    out.push(`<table><thead><tr><th>input / position</th>${g.columns.map((c) => `<th><code>${esc(c)}</code></th>`).join('')}</tr></thead><tbody>`);
    for (const row of g.rows) {
      const tds = row.cells.map((c) =>
        c ? `<td class="s s-${esc(c.status)}" data-cell="${esc(c.id)}" data-status="${esc(c.status)}" title="${esc(c.reason ?? c.status)}">${esc(c.status)}</td>` : '<td class="muted">-</td>',
      );
      out.push(`<tr><th>${esc(row.label)}</th>${tds.join('')}</tr>`);
    }
    out.push('</tbody></table>');
    if (g.notes.length) {
      out.push('<ul class="note">');
      for (const n of g.notes) out.push(`<li><code>${esc(n.cell.id)}</code> <span class="s s-${esc(n.cell.status)}">${esc(n.cell.status)}</span>: ${esc(n.text)}</li>`);
      out.push('</ul>');
    }
    out.push('</section>');
  }
  out.push('</div>');
  return out;
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
  return `<tr id="row-${anchor(q.id)}" data-requirement="${esc(q.id)}" data-status="${esc(q.status)}"><td class="s s-${esc(q.status)}">${esc(q.status)}</td><td>${id}</td><td><a href="${esc(`${docHref}#${docAnchor(q.id)}`)}">${esc(q.title)}</a></td><td class="note">${esc(q.source)}</td><td class="note">${notes.join('<br>')}</td></tr>`;
}

function runLine(r: ConformanceReport): string {
  const target = r.target ? `${r.target.baseUrl}${r.target.embedded ? ' (embedded reference server)' : ''}` : 'target not reached';
  return `${target} · seed ${r.seed ?? '-'} · profile ${r.profile ?? '-'} · ${r.requests} requests · ${r.finishedAt}`;
}

/**
 * The top of the page: failed requirements (MUST first), each with its evidence; failures no
 * requirement claimed; then the known deviations, folded.
 */
function failuresFirst(r: ConformanceReport, docHref: string): string {
  const rank = (q: RequirementRow) => LEVELS.indexOf(q.level);
  const failed = r.requirements.filter((q) => q.status === 'failed').sort((a, b) => rank(a) - rank(b));
  const expected = r.requirements.filter((q) => q.status === 'expected-failure');
  const out: string[] = [];
  out.push('<div data-testid="failures">');
  if (!failed.length && !r.unattributedFailures.length) out.push('<p data-testid="no-failures">No requirement failed.</p>');
  else out.push(`<h2 id="failures">Failed requirements (${failed.length})</h2>`);
  failed.forEach((q, i) => out.push(failureSection(q, docHref, i === 0)));
  if (r.unattributedFailures.length) {
    out.push('<h3>Failures no requirement claimed</h3>', '<ul>');
    for (const u of r.unattributedFailures) out.push(`<li><pre>${esc(u)}</pre></li>`);
    out.push('</ul>');
  }
  if (expected.length) {
    out.push(`<details class="deviations"><summary><strong>Known deviations (${expected.length})</strong>: failures the expectations file excuses</summary>`);
    for (const q of expected) out.push(failureSection(q, docHref, false));
    out.push('</details>');
  }
  out.push('</div>');
  return out.join('\n');
}

/** "Expected: x" / "Received: y" of an assertion message (Playwright's expect), when it has them. */
export function expectedReceived(detail: string): { check: string; expected?: string; received?: string; diff?: string } {
  const lines = detail.split('\n');
  // The check's own words: the first line that is not the matcher's header (an unlabelled expect).
  const check = lines.find((l) => l.trim() && !/^(expect\(|Expected|Received|- Expected|\+ Received)/.test(l.trim()))?.trim() ?? '';
  const expected = /^Expected(?: [a-z]+)?: ?(.*)$/m.exec(detail)?.[1];
  const received = /^Received(?: [a-z]+)?: ?(.*)$/m.exec(detail)?.[1];
  if (expected !== undefined || received !== undefined) return { check, expected, received };
  // toEqual and friends print a diff: "- Expected", "+ Received", then the lines.
  const at = lines.findIndex((l) => /^- Expected\b/.test(l));
  if (at >= 0) return { check, diff: lines.slice(at).join('\n').trim() };
  return { check };
}

/** A command to copy, without script: one click selects all of it (user-select: all). */
function copyBlock(label: string, text: string, testid: string): string {
  return `<div class="copy"><p class="cmd-label">${label} <span class="muted hint">(one click selects it all)</span></p><pre class="cmd" data-testid="${esc(testid)}">${esc(text)}</pre></div>`;
}

function failureSection(q: RequirementRow, docHref: string, first: boolean): string {
  const out: string[] = [];
  out.push(`<section class="failure${q.status === 'expected-failure' ? ' expected' : ''}" id="${anchor(q.id)}" data-requirement="${esc(q.id)}"${first ? ' data-testid="first-failure"' : ''}>`);
  out.push(`<h3><code>${esc(q.id)}</code> <span class="lvl">${esc(q.level)}</span> <span class="s s-${esc(q.status)}">${esc(q.status)}</span></h3>`);
  out.push(`<p class="req"><a href="${esc(`${docHref}#${docAnchor(q.id)}`)}">${esc(q.title)}</a></p>`);
  if (q.reason && q.status === 'expected-failure') out.push(`<p><strong>Known deviation:</strong> ${esc(q.reason)}</p>`);
  if (q.expired) out.push('<p><strong>The expectation for this requirement has expired.</strong></p>');
  const evidence = (q.evidence ?? []) as Evidence[];
  // Failures without their own evidence (a test stopped by an unclaimed error) are listed as text.
  const extra = (q.failures ?? []).slice(evidence.length ? 1 : 0);
  if (!evidence.length && extra.length) out.push(`<pre class="what">${esc(extra.join('\n'))}</pre>`);
  evidence.forEach((ev, i) => {
    const body = evidenceBlock(ev);
    if (i === 0) out.push(`<div class="evidence" data-testid="evidence">${body}</div>`);
    else out.push(`<details class="evidence more" data-testid="evidence"><summary>Evidence ${i + 1} of ${evidence.length}: ${esc(expectedReceived(ev.detail ?? '').check || ev.expected)}</summary>${body}</details>`);
  });
  if (!evidence.length) out.push('<p class="muted">No exchange was recorded for this failure (see the test error in junit.xml or the HTML test report).</p>');
  if (evidence.length && extra.length > evidence.length - 1) {
    out.push(`<details class="more"><summary>All ${q.failures!.length} failures of this requirement</summary><ul>`);
    for (const f of q.failures!) out.push(`<li>${esc(f)}</li>`);
    out.push('</ul></details>');
  }
  out.push(`<p class="note muted">Source: ${esc(q.source)}</p>`);
  out.push('</section>');
  return out.join('\n');
}

function evidenceBlock(ev: Evidence): string {
  const out: string[] = [];
  const er = expectedReceived(ev.detail ?? '');
  if (er.check) out.push(`<p class="check">${esc(er.check)}</p>`);
  if (er.expected !== undefined || er.received !== undefined) {
    out.push('<table class="xr" data-testid="expected-received"><tbody>');
    out.push(`<tr><th>expected</th><td><code>${esc(er.expected ?? '-')}</code></td></tr>`);
    out.push(`<tr><th>received</th><td><code>${esc(er.received ?? '-')}</code></td></tr>`);
    out.push('</tbody></table>');
  } else if (er.diff) {
    out.push('<p class="note">Expected (<code>-</code>) versus received (<code>+</code>):</p>', `<pre data-testid="expected-received">${esc(er.diff)}</pre>`);
  } else {
    out.push(`<p class="note"><strong>Expected:</strong> ${esc(ev.expected)}</p>`);
  }
  if (ev.detail && ev.detail.trim() !== er.check) out.push(`<details class="more"><summary>Full message</summary><pre>${esc(ev.detail)}</pre></details>`);
  // A property's shrunk counterexample, said as the requests that reproduce it.
  if (ev.steps?.length) {
    out.push(`<p class="note"><strong>The counterexample as requests</strong> (${esc(ev.steps.length)}, the last one failed):</p>`, '<ol class="steps" data-testid="counterexample">');
    for (const st of ev.steps)
      out.push(
        `<li><pre>${esc(`${st.method} ${st.path}${st.body !== undefined ? `\n${st.body}` : ''}`)}</pre><pre class="answer">${esc(`→ ${st.status ?? 'no answer'}${st.response ? ` ${st.response}` : ''}`)}</pre></li>`,
      );
    out.push('</ol>');
  }
  const exchanges = ev.exchanges ?? [];
  exchanges.forEach((x, i) => {
    const last = i === exchanges.length - 1;
    const req = x.request;
    const parts: string[] = [];
    parts.push('<p class="note">Request (redacted):</p>', `<pre data-testid="request">${esc(`${req.method} ${req.url}\n${headerLines(req.headers)}${req.body !== undefined ? `\n\n${req.body}` : ''}`)}</pre>`);
    if (x.response)
      parts.push('<p class="note">Response (redacted):</p>', `<pre data-testid="response">${esc(`HTTP ${x.response.status}\n${headerLines(x.response.headers)}\n\n${x.response.body}`)}</pre>`);
    if (x.error) parts.push('<p class="note">Transport error:</p>', `<pre>${esc(x.error)}</pre>`);
    parts.push(copyBlock('curl, reads <code>$CONFORMANCE_API_TOKEN</code>:', x.curl, 'curl'));
    const title = `${esc(req.method)} ${esc(shortPath(req.url))}${x.response ? ` → ${esc(x.response.status)}` : x.error ? ' → no answer' : ''}`;
    // The failing exchange is open; the ones before it, context, are folded.
    out.push(`<details class="exchange"${last ? ' open' : ''}><summary>${last ? 'The exchange' : `An earlier exchange (${i + 1} of ${exchanges.length})`}: ${title}</summary>${parts.join('\n')}</details>`);
  });
  out.push(copyBlock('Replay this check:', ev.replay, 'replay'));
  return out.join('\n');
}

/** The path of a request URL (the base URL is the same for all: it is in the run line). */
function shortPath(url: string): string {
  const at = url.indexOf('/zones/');
  return at >= 0 ? url.slice(at) : url;
}

function headerLines(h: Record<string, string> | undefined): string {
  return Object.entries(h ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}
