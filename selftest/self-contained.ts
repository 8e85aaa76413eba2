// npm test stage "self-contained": the committed tree alone is enough to run the unit tests. It
// extracts HEAD (git archive: what a fresh clone gets, without uncommitted changes, ignored files or
// anything beside the checkout) into <fresh temporary dir>/repo, so that no sibling folder (the old
// contract folder beside the checkout included) exists; links node_modules to this checkout's (no
// install); refuses any path into that old folder in the tree's text; then runs the unit project there.
// Outside a git checkout (an unpacked tarball) it copies the working tree minus generated folders.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
/** Paths into the old contract folder beside the checkout: the tree must cite spec/ instead. */
const OLD_CONTRACT = /\.\.\/shared\b|\bshared\/(spec|ip-vectors|seed)\b/;
/** Not part of a tree to check: generated or installed. */
const GENERATED = new Set(['.git', 'node_modules', 'reports', 'test-results', 'playwright-report', '.conformance']);

function git(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function extractCommitted(dest: string): string {
  const top = git(['rev-parse', '--show-toplevel']);
  if (!top.ok || path.resolve(top.out.trim()) !== ROOT) {
    fs.cpSync(ROOT, dest, { recursive: true, filter: (src) => !GENERATED.has(path.basename(src)) || path.dirname(src) !== ROOT });
    return 'the working tree (not a git checkout)';
  }
  const archive = spawnSync('git', ['archive', '--format=tar', 'HEAD'], { cwd: ROOT, maxBuffer: 512 * 1024 * 1024 });
  if (archive.status !== 0) throw new Error(`git archive HEAD failed: ${archive.stderr.toString().trim()}`);
  const untar = spawnSync('tar', ['-x', '-C', dest], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar -x failed: ${untar.stderr.toString().trim()}`);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']).out.trim();
  return `HEAD ${git(['rev-parse', '--short', 'HEAD']).out.trim()}${dirty ? ' (uncommitted changes are not part of this check)' : ''}`;
}

/** Text files of the tree that name the old contract location, as "file:line: text". */
function oldContractReferences(dir: string, rel = ''): string[] {
  const hits: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const file = path.join(rel, e.name);
    if (e.isDirectory()) {
      if (!GENERATED.has(e.name)) hits.push(...oldContractReferences(dir, file));
      continue;
    }
    if (!e.isFile() || !/\.(ts|js|json|jsonl|md|yml|yaml|example)$|^\.env/.test(e.name)) continue;
    fs.readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (OLD_CONTRACT.test(line)) hits.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
      });
  }
  return hits;
}

/** The environment without IP_VECTORS_DIR: the copy must use its own spec/ip-vectors. */
function withoutVectorOverride(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.IP_VECTORS_DIR;
  return env;
}

function main(): number {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ocr-self-contained-'));
  const repo = path.join(base, 'repo');
  let status = 1;
  try {
    fs.mkdirSync(repo);
    const what = extractCommitted(repo);
    // base is fresh and holds only repo/: nothing beside the copy can resolve.
    console.log(`self-contained: ${what} extracted to ${repo}`);
    const hits = oldContractReferences(repo);
    if (hits.length) {
      console.error(`self-contained: ${hits.length} path(s) into the contract folder beside the checkout; cite spec/ instead:\n  ${hits.join('\n  ')}`);
      return 1;
    }
    const modules = path.join(ROOT, 'node_modules');
    if (!fs.existsSync(modules)) {
      console.error(`self-contained: ${modules} is missing; run npm ci first`);
      return 2;
    }
    fs.symlinkSync(modules, path.join(repo, 'node_modules'), 'dir');
    const run = spawnSync(
      path.join(repo, 'node_modules', '.bin', 'playwright'),
      ['test', '-c', 'test/playwright.config.ts', '--project', 'unit', '--reporter', 'dot'],
      { cwd: repo, stdio: 'inherit', env: withoutVectorOverride() },
    );
    if (run.error) {
      console.error(`self-contained: could not start Playwright: ${run.error.message}`);
      return 1;
    }
    status = run.status ?? 1;
    return status;
  } finally {
    // Kept on failure: the test results inside are the evidence. rmSync removes the node_modules
    // link, never what it points to.
    if (status === 0) fs.rmSync(base, { recursive: true, force: true });
    else console.error(`self-contained: the copy is kept for inspection in ${repo}`);
  }
}

process.exitCode = main();
