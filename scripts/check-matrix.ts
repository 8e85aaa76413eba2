// Fails (exit 1) when a conformance run left a matrix cell unpassed that the catalogue does not excuse:
// npm test runs it after the full suite against the clean reference server, so every cell of the
// rule x operation matrix is shown to run (the budget profile: test/e2e/budget-run.test.ts).
// Usage: tsx scripts/check-matrix.ts [reports/conformance.json]
import fs from 'node:fs';
import path from 'node:path';
import { cellsNotPassed, matrixTotals } from '../suite/report/cells';
import type { ConformanceReport } from '../suite/report/types';

const file = path.resolve(process.argv[2] ?? path.join(process.env.CONFORMANCE_REPORTS_DIR || 'reports', 'conformance.json'));
const report = JSON.parse(fs.readFileSync(file, 'utf8')) as ConformanceReport;
const missing = cellsNotPassed(report.requirements);
const t = matrixTotals(report.requirements);
if (missing.length) {
  console.error(`Rule x operation matrix (${report.profile} profile): ${missing.length} of ${t.cells} cells did not pass:\n${missing.map((m) => `  ${m}`).join('\n')}`);
  process.exit(1);
}
console.log(`Rule x operation matrix (${report.profile} profile): ${t.passed} of ${t.cells} cells passed, ${t.skipped} skipped with a reason in the catalogue.`);
