// The GitHub Action (action.yml) and the example workflows (.github/workflows/, and those shown in
// docs/ci.md) against action-validator's schemas of GitHub's action and workflow syntax: a typo in
// a key, a step without a shell, a wrong `on:` fails here instead of in a vendor's CI.
import * as validator from '@action-validator/core';
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'node_modules/@action-validator/cli/cli.mjs');

/** The validator's command line on one file (it tells an action from a workflow by the file name). */
function validateFile(file: string): string {
  const r = spawnSync(process.execPath, [CLI, file], { encoding: 'utf8' });
  return r.status === 0 ? '' : `${file}: exit ${r.status}\n${r.stdout}${r.stderr}`;
}
const WORKFLOWS = path.join(ROOT, '.github/workflows');

/** The YAML blocks of docs/ci.md that are whole workflows (they have `on:` and `jobs:`). */
function documentedWorkflows(): string[] {
  const md = fs.readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8');
  return [...md.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((y) => /^on:/m.test(y) && /^jobs:/m.test(y));
}

test('action.yml is a valid composite action', () => {
  const src = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
  expect(validateFile(path.join(ROOT, 'action.yml'))).toBe('');
  expect(validator.validateAction(src).errors).toEqual([]);
  expect((parse(src) as { runs: { using: string } }).runs.using).toBe('composite');
});

test('every input of action.yml is used by a step, and every input a step uses is declared', () => {
  const src = fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
  const action = parse(src) as { inputs: Record<string, unknown>; runs: { steps: unknown[] } };
  const used = new Set([...JSON.stringify(action.runs.steps).matchAll(/inputs\.([a-z][a-z0-9-]*)/g)].map((m) => m[1]!));
  expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
});

test('the example workflows and those in docs/ci.md are valid workflows', () => {
  const files = fs.readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
  expect(files.length).toBeGreaterThanOrEqual(2);
  for (const f of files) expect(validateFile(path.join(WORKFLOWS, f))).toBe('');
  const documented = documentedWorkflows();
  expect(documented.length, 'docs/ci.md shows a vendor workflow using the action').toBeGreaterThanOrEqual(1);
  for (const y of documented) expect(validator.validateWorkflow(y).errors, y).toEqual([]);
  expect(documented.some((y) => /uses: \S+\/origin-cloud-regions-conformance@/.test(y) && /spawn:/.test(y))).toBe(true);
});

test('the validator refuses what GitHub refuses (so its silence means something)', () => {
  const broken = path.join(test.info().outputDir, 'action.yml');
  fs.mkdirSync(path.dirname(broken), { recursive: true });
  fs.writeFileSync(broken, 'name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n');
  expect(validateFile(broken), 'the command line fails too').not.toBe('');
  expect(validator.validateAction('name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n').errors.length, 'a run step without a shell').toBeGreaterThan(0);
  expect(validator.validateWorkflow('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        wiht: {}\n').errors.length, 'a misspelt key').toBeGreaterThan(0);
});
