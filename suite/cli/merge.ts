// npm run conformance:merge -- <conformance.json> <conformance.json>... [--out DIR] [--partial]
// Merges the reports of sharded runs (`npm run conformance -- --shard i/n` on n machines) into one
// conformance.json, .md, .html and badge.json in DIR (default: CONFORMANCE_REPORTS_DIR, else reports/), and
// exits like a run: 0 pass, 1 a MUST failed (or a SHOULD in strict mode), 2 a shard errored or an
// input is missing or unreadable. A directory argument stands for the conformance.json inside it.
// Every shard of the split must be given once (each report records its "i/n"): a missing or
// duplicate shard is refused (exit 2), since the merged verdict would claim tests no shard ran,
// unless --partial says the set is knowingly incomplete (the merged report then says so).
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/config';
import { badge } from '../report/badge';
import { renderHtml } from '../report/html';
import { requirementsDocHref } from '../report/links';
import { renderMarkdown } from '../report/markdown';
import { mergeReports, shardSetProblem } from '../report/merge';
import { verdictLine } from '../report/verdict';
import type { ConformanceReport } from '../report/types';
import { redact, redactValue } from '../transport/redact';

// The exit codes of suite/cli/run.ts (importing it would start a run).
const EXIT = { pass: 0, fail: 1, error: 2 } as const;

function main(): number {
  const args = process.argv.slice(2);
  let out: string | undefined;
  let partial = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--partial') partial = true;
    else if (args[i] === '--out') out = args[++i];
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
    console.error('Usage: npm run conformance:merge -- <conformance.json or reports dir>... [--out DIR] [--partial]');
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
  const problem = shardSetProblem(inputs);
  if (problem && !partial) {
    console.error(`Refusing to merge: ${problem}. The merged verdict would cover tests no given shard ran; pass every shard, or --partial to merge knowingly what you have.`);
    return EXIT.error;
  }
  const merged = redactValue(mergeReports(inputs, { partial: problem }));
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'conformance.json'), `${JSON.stringify(merged, null, 2)}\n`);
  fs.writeFileSync(path.join(out, 'conformance.md'), redact(renderMarkdown(merged, requirementsDocHref(out))));
  fs.writeFileSync(path.join(out, 'conformance.html'), redact(renderHtml(merged, requirementsDocHref(out))));
  fs.writeFileSync(path.join(out, 'badge.json'), `${JSON.stringify(badge(merged))}\n`);
  const failed = merged.requirements.filter((q) => q.status === 'failed');
  console.log(`Merged ${inputs.length} shard report(s) into ${path.join(out, 'conformance.json')}: ${merged.requests} requests`);
  if (problem) console.log(`  PARTIAL (--partial): ${problem}; the verdict covers only the shards given`);
  console.log(`Conformance verdict: ${verdictLine(merged.verdict, merged.skippedMust, { requireAll: merged.requireAll })}`);
  for (const q of failed) console.log(`  ${q.level} ${q.id} failed: ${q.failures?.[0] ?? ''}`);
  for (const e of merged.errors) console.log(`  error: ${e}`);
  return merged.verdict === 'pass' ? EXIT.pass : merged.verdict === 'fail' ? EXIT.fail : EXIT.error;
}

process.exitCode = main();
