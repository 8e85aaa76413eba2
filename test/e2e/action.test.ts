// The GitHub Action's own steps (action.yml), run here the way the runner runs a composite action:
// each `run` step through `bash --noprofile --norc -eo pipefail`, its `${{ }}` expressions filled
// from the inputs and the earlier steps' outputs, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files,
// GITHUB_ACTION_PATH the checkout. Left out: the `uses` steps (setup-node, upload-artifact) and the
// install step (it would replace this checkout's node_modules; the packaged install is proven by
// package.test.ts). Against a target started by `spawn` (pass) and a broken one (fail).
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT, tempDirs } from './helpers/cli';
import { put201, reference } from './helpers/targets';
import { freePort } from './helpers/processes';

const TOKEN = 'e2e-action-token-93d1a7';
const ZONE = '0e2e0000000000000000000000000009';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

interface Outcome {
  outputs: Record<string, Record<string, string>>;
  ran: Array<{ name: string; code: number }>;
  stdout: string;
  summary: string;
}

/** GitHub's expression language, as far as action.yml uses it: inputs, step outputs, always(), ==, !=, &&. */
function evaluate(expr: string, inputs: Record<string, string>, outputs: Outcome['outputs']): string | boolean {
  const TOKEN = /'([^']*)'|\balways\(\)|\binputs\.([a-z][a-z0-9-]*)|\bsteps\.([a-z][a-z0-9-]*)\.outputs\.([a-z][a-z0-9-]*)/g;
  if (!/^[\s!=&|()]*$/.test(expr.replace(TOKEN, ''))) throw new Error(`expression beyond this test's evaluator: ${expr}`);
  const js = expr.replace(TOKEN, (whole, literal?: string, input?: string, step?: string, output?: string) => {
    if (literal !== undefined) return JSON.stringify(literal);
    if (whole === 'always()') return 'true';
    if (input !== undefined) {
      if (!(input in inputs)) throw new Error(`undeclared input ${input}`);
      return JSON.stringify(inputs[input]);
    }
    return JSON.stringify(outputs[step!]?.[output!] ?? '');
  });
  return new Function(`return (${js});`)() as string | boolean;
}

function fill(text: string, inputs: Record<string, string>, outputs: Outcome['outputs']): string {
  return text.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, (_, e: string) => String(evaluate(e, inputs, outputs)));
}

function condition(step: Step, inputs: Record<string, string>, outputs: Outcome['outputs']): boolean {
  if (step.if === undefined) return true; // success(): every earlier step passed (checked as they run)
  const e = step.if.trim().replace(/^\$\{\{\s*([\s\S]*?)\s*\}\}$/, '$1');
  return Boolean(evaluate(e, inputs, outputs));
}

/** Runs a script; asynchronous, so that a target served by this process keeps answering. */
function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

async function runAction(workspace: string, given: Record<string, string>): Promise<Outcome> {
  const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
  expect(action.runs.using).toBe('composite');
  for (const name of Object.keys(given)) expect(action.inputs, `input ${name}`).toHaveProperty(name);
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, given[k] ?? v.default ?? '']));
  const outcome: Outcome = { outputs: {}, ran: [], stdout: '', summary: '' };
  const summary = path.join(workspace, 'step-summary.md');
  const base: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(CONFORMANCE_|PLAYWRIGHT_|PW_|TEST_|FORCE_COLOR|CI$|npm_)/.test(k)) base[k] = v;
  // A variable the inputs do not cover passes through from the job's env: one worker for a few tests.
  base.CONFORMANCE_WORKERS = '1';
  for (const [i, step] of action.runs.steps.entries()) {
    const name = step.name ?? `step ${i + 1}`;
    if (step.uses || /^Install /.test(name)) continue;
    if (!condition(step, inputs, outcome.outputs)) continue;
    expect(step.shell, `${name}: shell`).toBe('bash');
    const outputFile = path.join(workspace, `github-output-${i}`);
    fs.writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = {
      ...base,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summary,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(String(v), inputs, outcome.outputs)])),
    };
    const cwd = path.resolve(workspace, fill(step['working-directory'] ?? '.', inputs, outcome.outputs));
    const script = path.join(workspace, `step-${i}.sh`);
    fs.writeFileSync(script, fill(step.run!, inputs, outcome.outputs));
    const r = await bash(script, cwd, env);
    outcome.stdout += `--- ${name}\n${r.output}`;
    outcome.ran.push({ name, code: r.code });
    if (step.id) {
      outcome.outputs[step.id] = Object.fromEntries(
        fs.readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    }
  }
  outcome.summary = fs.existsSync(summary) ? fs.readFileSync(summary, 'utf8') : '';
  return outcome;
}

test.describe.configure({ mode: 'parallel', timeout: 300_000 });

test('the action with spawn against the reference server: verdict pass, the report in the job summary, the server stopped', async () => {
  const { root: workspace } = tempDirs('action-pass');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/client/v4`;
  const out = await runAction(workspace, {
    url,
    token: TOKEN,
    'zone-id': ZONE,
    profile: 'budget',
    seed: '20261129',
    // The spawned server takes its token from the step's environment, as docs/ci.md suggests.
    spawn: `REFERENCE_API_TOKEN="$CONFORMANCE_API_TOKEN" PORT=${port} node "$GITHUB_ACTION_PATH/bin/origin-cloud-regions-conformance.js" serve`,
    args: 'specs/put/create-replace.spec.ts',
  });
  const log = `${out.stdout}\n${JSON.stringify(out.ran)}`;
  expect(out.outputs.run, log).toMatchObject({ verdict: 'pass', 'exit-code': '0', 'report-path': path.join(workspace, 'reports', 'conformance.json') });
  expect(JSON.parse(fs.readFileSync(out.outputs.run!['report-path']!, 'utf8')).verdict).toBe('pass');
  expect(out.summary).toContain('PUT-CREATE');
  expect(out.summary).toBe(fs.readFileSync(path.join(workspace, 'reports', 'conformance.md'), 'utf8'));
  expect(fs.readFileSync(path.join(workspace, 'reports', 'spawned.log'), 'utf8')).toContain(`listening on ${url}`);
  // The cleanup step is for persistent targets; the failing step did not run.
  expect(out.ran.map((s) => s.name)).toEqual(['Run the conformance suite']);
  expect(out.ran.every((s) => s.code === 0), log).toBe(true);
  // The token: masked before anything else, then never printed again.
  expect(out.stdout.split('\n').find((l) => l.includes(TOKEN))).toBe(`::add-mask::${TOKEN}`);
  expect(out.stdout.split(TOKEN).length, log).toBe(2);
  expect(out.summary).not.toContain(TOKEN);
  await expect(fetch(url)).rejects.toThrow();
});

test('the action against a broken persistent target: verdict fail, the step fails with exit 1 after the summary and the cleanup', async () => {
  const server = await reference({ token: TOKEN, hooks: put201 });
  try {
    const { root: workspace } = tempDirs('action-fail');
    const out = await runAction(workspace, { url: server.url, token: TOKEN, 'zone-id': ZONE, profile: 'budget', args: 'specs/put/create-replace.spec.ts' });
    const log = `${out.stdout}\n${JSON.stringify(out.ran)}`;
    expect(out.outputs.run, log).toMatchObject({ verdict: 'fail', 'exit-code': '1' });
    expect(out.summary).toMatch(/PUT-CREATE/);
    expect(out.ran, log).toEqual([
      { name: 'Run the conformance suite', code: 0 },
      { name: 'Clean up after an interrupted run', code: 0 },
      { name: 'Fail when the run failed', code: 1 },
    ]);
    expect(out.stdout).toContain('Nothing to clean up');
    expect(out.stdout.split(TOKEN).length, log).toBe(2);
  } finally {
    await server.close();
  }
});
