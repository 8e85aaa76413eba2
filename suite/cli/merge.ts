// npm run conformance:merge -- <conformance.json> <conformance.json>... [--out DIR]
// Merges the reports of sharded runs (`npm run conformance -- --shard i/n` on n machines) into one
// conformance.json, .md, .html and badge.json in DIR (default: CONFORMANCE_REPORTS_DIR, else reports/), and
// exits like a run: 0 pass, 1 a MUST failed (or a SHOULD in strict mode), 2 a shard errored or an
// input is missing or unreadable. A directory argument stands for the conformance.json inside it.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { badge } from '../report/badge';
import { renderHtml } from '../report/html';
import { requirementsDocHref } from '../report/links';
import { renderMarkdown } from '../report/markdown';
import { mergeReports } from '../report/merge';
import type { ConformanceReport } from '../report/reporter';
import { redact, redactValue } from '../redact';

// The exit codes of suite/cli/run.ts (importing it would start a run).
const EXIT = { pass: 0, fail: 1, error: 2 } as const;

function main(): number {
  const args = process.argv.slice(2);
  let out: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') out = args[++i];
    else if (args[i]!.startsWith('--out=')) out = args[i]!.slice('--out='.length);
    else files.push(args[i]!);
  }
  try {
    out ??= loadConfig().reportsDir;
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`);
      return EXIT.error;
    }
    throw e;
  }
  if (!files.length) {
    console.error('Usage: npm run conformance:merge -- <conformance.json or reports dir>... [--out DIR]');
    return EXIT.error;
  }
  const inputs: Array<{ source: string; report: ConformanceReport }> = [];
  for (const f of files) {
    const file = fs.existsSync(f) && fs.statSync(f).isDirectory() ? path.join(f, 'conformance.json') : f;
    try {
      const report = JSON.parse(fs.readFileSync(file, 'utf8')) as ConformanceReport;
      if (!Array.isArray(report.requirements) || typeof report.verdict !== 'string') throw new Error('not a conformance report');
      inputs.push({ source: file, report });
    } catch (e) {
      console.error(`Cannot merge ${file}: ${(e as Error).message} (a shard that wrote no report is a harness error)`);
      return EXIT.error;
    }
  }
  const merged = redactValue(mergeReports(inputs));
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'conformance.json'), `${JSON.stringify(merged, null, 2)}\n`);
  fs.writeFileSync(path.join(out, 'conformance.md'), redact(renderMarkdown(merged, requirementsDocHref(out))));
  fs.writeFileSync(path.join(out, 'conformance.html'), redact(renderHtml(merged, requirementsDocHref(out))));
  fs.writeFileSync(path.join(out, 'badge.json'), `${JSON.stringify(badge(merged))}\n`);
  const failed = merged.requirements.filter((q) => q.status === 'failed');
  console.log(`Merged ${inputs.length} shard report(s) into ${path.join(out, 'conformance.json')}: verdict ${merged.verdict.toUpperCase()}, ${merged.requests} requests`);
  for (const q of failed) console.log(`  ${q.level} ${q.id} failed: ${q.failures?.[0] ?? ''}`);
  for (const e of merged.errors) console.log(`  error: ${e}`);
  return merged.verdict === 'pass' ? EXIT.pass : merged.verdict === 'fail' ? EXIT.fail : EXIT.error;
}

process.exitCode = main();
