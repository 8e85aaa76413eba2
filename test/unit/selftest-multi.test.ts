// The shared invocation of the self-test (selftest/multi.ts): one project whose test files are the
// cases. Its grep must select, in each case's file, exactly what that case's own --grep selects in a
// single run, and nothing of another case's file; the spec files load in Playwright's order.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { allSpecFiles, batchGrep, caseFileName, type BatchCase } from '../../selftest/multi';
import { grepFor } from '../../selftest/selection';

const ROOT = path.resolve(__dirname, '../..');

const bc = (i: number, name: string, grep?: string): BatchCase => ({
  name,
  file: path.join('/tmp/batch/cases', caseFileName(i, name)),
  specs: [],
  settings: {},
  tokenVariable: `T${i}`,
  grep,
  stopAtFirstFailure: true,
});

/** What Playwright matches a project's grep against: root, project, file, describes, title, then tags. */
const grepTitle = (c: BatchCase, title: string, tags: string[]) => ['', 'cases', `${path.basename(c.file)}`, 'IP normalization', title, ...tags].join(' ');

test("each case's grep applies to its own file only; a case without one runs its whole file", () => {
  const a = bc(0, 'mutant:get-stale', grepFor(['GET-FOUND']));
  const b = bc(1, 'mutant:get-stale@budget', grepFor(['GET-FOUND', 'PUT-CREATE']));
  const whole = bc(12, 'variant:order');
  const re = new RegExp(batchGrep([a, b, whole])!);
  expect(re.test(grepTitle(a, 'GET finds it', ['@GET-FOUND']))).toBe(true);
  expect(re.test(grepTitle(a, 'PUT creates', ['@PUT-CREATE']))).toBe(false);
  // A longer ID that the selected one prefixes is not selected (as in a single run).
  expect(re.test(grepTitle(a, 'GET finds it', ['@GET-FOUND-CODE']))).toBe(false);
  expect(re.test(grepTitle(b, 'PUT creates', ['@PUT-CREATE']))).toBe(true);
  expect(re.test(grepTitle(whole, 'anything', ['@LIST-ORDER']))).toBe(true);
  // c0001 is not c0012's prefix match, nor the other way round.
  const only = new RegExp(batchGrep([bc(1, 'x', grepFor(['A'])), bc(12, 'y', grepFor(['B']))])!);
  expect(only.test(grepTitle(bc(12, 'y'), 't', ['@A']))).toBe(false);
  expect(only.test(grepTitle(bc(1, 'x'), 't', ['@B']))).toBe(false);
  expect(batchGrep([whole]), 'no grep at all when no case has one').toBeUndefined();
});

test('case files sort in batch order, and the spec files come in the order Playwright collects them', () => {
  const names = [2, 10, 1].map((i) => caseFileName(i, 'mutant:a@budget'));
  expect([...names].sort()).toEqual([caseFileName(1, 'mutant:a@budget'), caseFileName(2, 'mutant:a@budget'), caseFileName(10, 'mutant:a@budget')]);
  expect(names.every((n) => /^c\d{4}-[\w.-]+\.case\.ts$/.test(n))).toBe(true);
  const specs = allSpecFiles(path.join(ROOT, 'specs')).map((f) => path.relative(ROOT, f));
  expect(specs.length).toBeGreaterThan(10);
  expect(specs.every((f) => f.endsWith('.spec.ts'))).toBe(true);
  // A directory's entries by name, depth first: specs/put/* between never-5xx and robustness.
  expect(specs.indexOf('specs/put/body.spec.ts')).toBeGreaterThan(specs.indexOf('specs/never-5xx.spec.ts'));
  expect(specs.indexOf('specs/put/vendor-region.spec.ts')).toBeLessThan(specs.indexOf('specs/robustness.spec.ts'));
});
