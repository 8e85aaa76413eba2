// No import circle among the project's own modules: a module's dependencies can be read, and changed,
// without the module itself coming back round.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

test('the relative imports of the TypeScript files form no cycle', () => {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && fs.existsSync(path.join(ROOT, f)));
  const known = new Set(files);
  const imports = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const targets = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)'(\.[^']*)'/g)].flatMap((m) => {
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!));
      return [`${base}.ts`, `${base}/index.ts`].filter((c) => known.has(c)).slice(0, 1);
    });
    imports.set(file, targets);
  }
  // Depth-first search; a file met again while still on the path closes a cycle.
  const done = new Set<string>();
  const cycles: string[] = [];
  const visit = (file: string, trail: string[]) => {
    if (trail.includes(file)) return void cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
    if (done.has(file)) return;
    for (const next of imports.get(file) ?? []) visit(next, [...trail, file]);
    done.add(file);
  };
  for (const file of files) visit(file, []);
  expect(files.length).toBeGreaterThan(100);
  expect(cycles).toEqual([]);
});
