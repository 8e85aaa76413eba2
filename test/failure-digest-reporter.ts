// Writes every failed attempt of the project's own tests (FAILED, or RETRIED when a retry follows),
// with the head and the tail of its error, to reports/npm-test-failures.txt. npm test prints it again just before its stage table: a CI log
// that keeps only its last lines still says why a test failed, not only which one.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import fs from 'node:fs';
import path from 'node:path';

export const DIGEST_FILE = path.resolve(__dirname, '..', 'reports', 'npm-test-failures.txt');

const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

export default class FailureDigest implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'passed' || result.status === 'skipped' || result.status === test.expectedStatus) return;
    // An attempt that will be retried is written too: a test that passes on its retry is flaky, and
    // the digest is where that shows after a green stage.
    const label = result.retry < test.retries ? 'RETRIED' : 'FAILED';
    const message = plain(result.errors.map((e) => e.message ?? e.value ?? '').join('\n'));
    // The head names the error; the tail holds the matcher's Expected/Received and, before them, the
    // last lines of a test's own message (a run's transcript ends with its output's last lines).
    const lines = message.split('\n').filter((l) => l.trim());
    const head = lines.slice(0, 2);
    const tail = lines.length > 12 ? ['  ...', ...lines.slice(-10)] : lines.slice(2);
    const where = `${path.relative(process.cwd(), test.location.file)}:${test.location.line}`;
    fs.mkdirSync(path.dirname(DIGEST_FILE), { recursive: true });
    fs.appendFileSync(DIGEST_FILE, [`${label} ${where} › ${test.title}`, ...head, ...tail].map((l) => l.slice(0, 300)).join('\n') + '\n');
  }
}
