// What `npm pack` ships (package.json "files") is enough to run: every relative import of a shipped
// file is shipped too, and every package a shipped file imports is a runtime dependency. A new
// top-level folder that the suite imports fails here, before the slower package test in test/e2e/.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};

const shipped = new Set(
  (JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as Array<{
    files: Array<{ path: string }>;
  }>)[0]!.files.map((f) => f.path),
);

const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire(?:\.resolve)?\s*\(\s*)['"]([^'"]+)['"]/g;

function specifiers(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  // Module names have no spaces (prose in comments such as "from 'the server'" is not one).
  return [...text.matchAll(SPECIFIER)].map((m) => m[1]!).filter((s) => /^[@\w./:-]+$/.test(s));
}

const code = () => [...shipped].filter((f) => /\.(ts|js|mjs|cjs)$/.test(f));

test('the package ships its command, the suite and the contract, not the self-test', () => {
  for (const target of Object.values(pkg.bin)) expect(shipped.has(target), target).toBe(true);
  for (const f of ['playwright.config.ts', 'suite/cli/main.ts', 'server/index.ts', 'spec/openapi.json', 'docs/requirements.md']) expect(shipped.has(f), f).toBe(true);
  expect([...shipped].filter((f) => /^(selftest|test|bench)\//.test(f))).toEqual([]);
});

test('every relative import of a shipped file resolves to a shipped file', () => {
  const missing: string[] = [];
  for (const file of code()) {
    for (const spec of specifiers(file)) {
      if (!spec.startsWith('.')) continue;
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const candidates = [base, `${base}.ts`, `${base}.js`, `${base}.json`, `${base}/index.ts`, `${base}/index.js`];
      if (!candidates.some((c) => shipped.has(c))) missing.push(`${file}: ${spec}`);
    }
  }
  expect(missing).toEqual([]);
});

test('every package a shipped file imports is a runtime dependency', () => {
  const builtins = new Set(builtinModules);
  const wrong: string[] = [];
  for (const file of code()) {
    for (const spec of specifiers(file)) {
      if (spec.startsWith('.') || spec.startsWith('node:') || builtins.has(spec)) continue;
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      if (!(name in pkg.dependencies)) wrong.push(`${file}: ${spec}`);
    }
  }
  expect(wrong).toEqual([]);
});
