// Where Playwright runs the suite from. In the repository: the repository itself. From an installed
// package (npx, npm install): a private copy of the suite's files outside node_modules, because
// Playwright compiles no TypeScript under node_modules (its config, specs and fixtures would not
// load). The copy gets a node_modules of its own with one link per dependency, pointing at the very
// files the installed package resolves (one @playwright/test for the runner and the tests).
// The copy lives in a private per-user directory under the system's temporary directory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../config/config';

/** What the copy holds: package.json and what its "files" ship (test/unit/package-files.test.ts checks that list). */
function suiteFiles(root: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { files?: string[] };
  return ['package.json', ...(pkg.files ?? []).map((f) => f.replace(/\/+$/, ''))];
}

export interface SuiteRoot {
  /** Playwright's working directory, holding playwright.config.ts. */
  dir: string;
  /** The installed package (where its dependencies resolve from). */
  packageDir: string;
  /** Removes the private copy, if one was made. */
  dispose(): void;
}

export function isInstalled(root = ROOT): boolean {
  return root.split(path.sep).includes('node_modules');
}

/** The directory of dependency `name` as Node would find it from `root` (exports maps aside). */
function packageDir(name: string, root: string): string {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`dependency ${name} of ${root} is not installed`);
  }
}

/** Size and mtime of every file under `p`, to tell whether a copy of it is current. */
function fingerprint(p: string, into: string[], rel = ''): void {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (!st.isDirectory()) {
    into.push(`${rel}\t${st.size}\t${st.mtimeMs}`);
    return;
  }
  for (const name of fs.readdirSync(p).sort()) fingerprint(path.join(p, name), into, `${rel}/${name}`);
}

/**
 * One directory per user, private: copies are reused between runs of the same installed files, so
 * that Playwright's compilation cache (keyed by file path) stays warm (about 10 s a run).
 */
function copiesDir(): string | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  const dir = path.join(os.tmpdir(), `origin-cloud-regions-conformance-${uid}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    return st.isDirectory() && st.uid === uid && (st.mode & 0o077) === 0 ? dir : undefined;
  } catch {
    return undefined;
  }
}

function populate(root: string, dir: string): void {
  for (const f of suiteFiles(root)) {
    const from = path.join(root, f);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, f), { recursive: true });
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    const link = path.join(dir, 'node_modules', ...name.split('/'));
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(fs.realpathSync(packageDir(name, root)), link, 'dir');
  }
}

/** Removes the copies of installations that no longer exist (a removed node_modules, a new npx cache). */
function pruneOrphans(copies: string): void {
  for (const name of fs.readdirSync(copies)) {
    try {
      const origin = fs.readFileSync(path.join(copies, name, '.complete'), 'utf8').trim();
      if (!fs.existsSync(path.join(origin, 'package.json'))) fs.rmSync(path.join(copies, name), { recursive: true, force: true });
    } catch {
      // being built, or not ours to judge
    }
  }
}

export function suiteRoot(root = ROOT): SuiteRoot {
  if (!isInstalled(root)) return { dir: root, packageDir: root, dispose: () => {} };
  const copies = copiesDir();
  if (copies) {
    const lines = [root];
    for (const f of suiteFiles(root)) fingerprint(path.join(root, f), lines, f);
    for (const name of Object.keys((JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: object }).dependencies ?? {}))
      lines.push(`${name}\t${fs.realpathSync(packageDir(name, root))}`);
    const dir = path.join(copies, crypto.createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16));
    if (!fs.existsSync(path.join(dir, '.complete'))) {
      pruneOrphans(copies);
      // Built aside and renamed into place: a concurrent run sees a whole copy or none.
      const building = fs.mkdtempSync(`${dir}.building-`);
      try {
        populate(root, building);
        fs.writeFileSync(path.join(building, '.complete'), `${root}\n`);
        fs.renameSync(building, dir);
      } catch (e) {
        fs.rmSync(building, { recursive: true, force: true });
        if (!fs.existsSync(path.join(dir, '.complete'))) throw e;
      }
    }
    return { dir, packageDir: root, dispose: () => {} };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'origin-cloud-regions-conformance-'));
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  // Removed even when the run ends by an exception or process.exit.
  process.once('exit', dispose);
  try {
    populate(root, dir);
  } catch (e) {
    dispose();
    throw e;
  }
  return { dir, packageDir: root, dispose };
}
