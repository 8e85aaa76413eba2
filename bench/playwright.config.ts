// The suite's own configuration (../playwright.config.ts) plus bench/reporter.ts, which records each
// test's duration and requests for npm run bench. Everything else is unchanged.
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import base from '../playwright.config';

const ROOT = path.resolve(__dirname, '..');
const absolute = (p: string) => (p.startsWith('.') ? path.resolve(ROOT, p) : p);
const reporters = (Array.isArray(base.reporter) ? base.reporter : []).map(
  ([name, options]) => [absolute(name), options] as [string, unknown],
);

export default defineConfig({
  ...base,
  testDir: path.resolve(ROOT, 'specs'),
  reporter: [...reporters, [path.resolve(__dirname, 'reporter.ts')]] as never,
});
