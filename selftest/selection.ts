// Which tests a self-test run needs. A mutant is judged only on its expected requirements, so it
// runs only the tests that cite them (their @ID tags), which is most of the self-test's speed.
// Variants always run the whole suite: legitimate variation may trip any check.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../suite/config/config';

/**
 * ENV-* requirements are checked on every response and cited at run time, not by tags. A mutant
 * expected to fail only those runs this probe instead: the tests of a few SHOULD/INFO/MUST IDs that
 * together send every operation, with success and failure answers, and are not the model-based test.
 */
export const ENV_PROBE = [
  'PUT-MODIFIED-ON-REPEAT', // PUT (create, repeat), GET found
  'PUT-BODY-INVALID', // PUT 4xx, GET 404
  'GET-NOT-FOUND-CODE', // GET 404
  'DELETE-NOT-FOUND-CODE', // DELETE 200 and 404
  'LIST-DEFAULT-PER-PAGE', // list
  'BATCH-PUT-MAX-ITEMS', // batch PUT 200 and 4xx
  'BATCH-DELETE-MAX-ITEMS', // batch DELETE 200 and 4xx
  'REGIONS-SHAPE', // supported regions
  'AUTH-WRONG-TOKEN', // auth failures
  'ROBUST-METHOD', // 405s
];

export const isDynamic = (id: string) => id.startsWith('ENV-');

/** A --grep pattern selecting exactly the tests tagged with these IDs (not longer IDs they prefix). */
export function grepFor(ids: string[]): string {
  return `@(${ids.join('|')})(?![\\w-])`;
}

export interface Selection {
  /** --grep pattern, or undefined for the whole suite. */
  grep?: string;
  /** The spec files holding the selected tests (Playwright then loads only those); empty: all. */
  files: string[];
  /** Why this selection, for the report. */
  why: string;
}

/** One test of the suite as `playwright test --list` shows it. */
export interface ListedTest {
  /** Path relative to the repository root, e.g. specs/get.spec.ts. */
  file: string;
  /** Requirement IDs of its tags, without "@". */
  tags: string[];
}

/** The tests a mutant runs, given the suite's tests and their tags. */
export function selectFor(expected: string[], tests: ListedTest[]): Selection {
  const fixed = expected.filter((id) => !isDynamic(id));
  // An ENV ID that some tests cite by tag (the matrix cells of ENV-NO-5XX) adds those tests: they
  // send the requests that reach its cells.
  const tagged = expected.filter((id) => isDynamic(id) && tests.some((t) => t.tags.includes(id)));
  const ids = [...(fixed.length ? fixed : ENV_PROBE), ...tagged];
  const missing = ids.filter((id) => !tests.some((t) => t.tags.includes(id)));
  if (missing.length) return { files: [], why: `whole suite: no test is tagged @${missing.join(', @')}` };
  const files = [...new Set(tests.filter((t) => t.tags.some((tag) => ids.includes(tag))).map((t) => t.file))].sort();
  const why = fixed.length ? `tests tagged @${fixed.join(', @')}` : 'the ENV probe tests';
  return { grep: grepFor(ids), files, why: tagged.length ? `${why} and @${tagged.join(', @')}` : why };
}

/** Every test of the suite with its tags (playwright test --list; no global setup runs). */
export function listTests(): ListedTest[] {
  const cli = require.resolve('@playwright/test/cli');
  const r = spawnSync(process.execPath, [cli, 'test', '--list', '--reporter=json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`playwright test --list failed (exit ${r.status}):\n${r.stderr.slice(0, 2000)}`);
  const report = JSON.parse(r.stdout) as { config: { rootDir: string }; suites: ListedSuite[] };
  const tests: ListedTest[] = [];
  const walk = (s: ListedSuite) => {
    for (const spec of s.specs ?? [])
      tests.push({
        file: path.relative(ROOT, path.resolve(report.config.rootDir, spec.file)).split(path.sep).join('/'),
        tags: (spec.tags ?? []).map((t) => t.replace(/^@/, '')),
      });
    for (const child of s.suites ?? []) walk(child);
  };
  report.suites.forEach(walk);
  return tests;
}

interface ListedSuite {
  specs?: Array<{ file: string; tags?: string[] }>;
  suites?: ListedSuite[];
}
