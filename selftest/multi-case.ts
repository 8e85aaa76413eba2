// What a self-test case file runs (selftest/multi.ts): the case's spec files, each in an anonymous
// describe of its own (its tests, titles and hooks as in a file of a single run; no title added).
// A spec module already loaded by another case of this process is loaded again: its tests are
// declared where `test` is called, so each case file needs its own evaluation.
import { test } from '../fixtures';

export function loadSpecs(files: string[]): void {
  for (const file of files)
    test.describe(() => {
      delete require.cache[file];
      require(file);
    });
}
