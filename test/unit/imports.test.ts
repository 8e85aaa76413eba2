// No import circle among the project's own modules: a module's dependencies can be read, and changed,
// without the module itself coming back round.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
// Generated or installed trees, not the project's modules. The walk reads the file system rather than
// asking git, so the test also runs in the self-contained copy, which has no repository.
const SKIP = new Set(['node_modules', 'reports', '.conformance', '.git']);

function tsFiles(dir = ''): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) return SKIP.has(e.name) ? [] : tsFiles(rel);
    return e.isFile() && e.name.endsWith('.ts') ? [rel] : [];
  });
}

test('the relative imports of the TypeScript files form no cycle', () => {
  const files = tsFiles();
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
