// Property runs with fast-check, judged like every other check. During the run the verifier is
// deferred (shrinking re-runs failing inputs; nothing is recorded twice); afterwards the shrunk
// counterexample is run once more with recording on, so its failure carries the minimal input, its
// exchange as evidence, and a replay command with the fast-check path.
import type { TestInfo } from '@playwright/test';
import fc from 'fast-check';
import nodePath from 'node:path';
import { ROOT } from '../config/config';
import { knobs } from '../config/profile';
import { requirement } from './requirements';
import type { RunContext } from '../run/run-context';
import { RequirementViolation, type Verifier } from './verify';
import { inParallel } from '../transport/concurrency';

export interface PropertyEnv {
  verify: Verifier;
  ctx: RunContext;
  testInfo: TestInfo;
}

const SPECS = nodePath.join(ROOT, 'specs');

/**
 * The test's title path as a run of the suite's own config has it (its spec file relative to specs/,
 * its describes, its title): what seeds derive from. Playwright heads the title path with the file
 * it loaded, which in the self-test's shared invocation is the case's file (selftest/multi-case.ts),
 * not the spec; from this path a case draws what a single run of it draws.
 */
export function specTitlePath(testInfo: TestInfo): string[] {
  return [nodePath.relative(SPECS, testInfo.file).split(nodePath.sep).join('/'), ...testInfo.titlePath.slice(1)];
}

export function propertySeed(runSeed: number, key: string): number {
  let h = 2166136261 ^ runSeed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h | 0;
}

export async function runProperty<T>(
  env: PropertyEnv,
  arb: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  options: {
    numRuns?: number;
    name?: string;
    describe?: (value: T) => string;
    /** More variables the replay command needs (fc.commands' replayPath: a seed and path alone do not
     * replay which commands ran while shrinking). */
    replayEnv?: (value: T) => Record<string, string>;
    /** The addresses (canonical text) one run reads or writes, and nothing else of the zone: runs on
     * disjoint addresses may then go out together (see `together`). */
    addressesOf?: (value: T) => string[];
    /** How many runs may be in flight at once (CONFORMANCE_CONCURRENCY); 1: one at a time. */
    lanes?: number;
  } = {},
): Promise<void> {
  const { verify, ctx, testInfo } = env;
  const seed = propertySeed(ctx.seed, `${specTitlePath(testInfo).join(' > ')}${options.name ? ` > ${options.name}` : ''}`);
  const numRuns = options.numRuns ?? ctx.numRuns;
  // A replay (CONFORMANCE_FC_PATH) runs the one input it names, as fc.check does.
  if (!ctx.fcPath && options.addressesOf && (options.lanes ?? 1) > 1) {
    if (await together(verify, fc.sample(arb, { seed, numRuns }), predicate, options.addressesOf, options.lanes!)) return;
  }
  verify.deferred = true;
  let details: fc.RunDetails<[T]>;
  try {
    details = await fc.check(fc.asyncProperty(arb, predicate), {
      seed,
      numRuns,
      path: ctx.fcPath,
      // A profile that counts requests spends them on coverage, not on shrinking.
      endOnFailure: !knobs(ctx.profile).shrink,
    });
  } finally {
    verify.deferred = false;
  }
  for (const [id, soft] of verify.deferredSoft) verify.fail(requirement(id), soft.detail, soft.evidence);
  verify.deferredSoft.clear();
  if (!details.failed) return;
  if (details.counterexample === null)
    throw new Error(
      details.interrupted ? 'the property run was interrupted' : `too many generated inputs were skipped (no free test address?)`,
    );
  const [value] = details.counterexample;
  const shown = options.describe ? options.describe(value) : fc.stringify(value);
  verify.context = `counterexample (shrunk): ${shown}\nfast-check seed ${details.seed}, path "${details.counterexamplePath}"`;
  const replayVars = { CONFORMANCE_FC_PATH: details.counterexamplePath, ...options.replayEnv?.(value) };
  verify.replayPrefix = Object.entries(replayVars)
    .map(([k, v]) => `${k}="${v}" `)
    .join('');
  // Every request of this last run is kept: the failure's evidence lists them as numbered steps.
  verify.capture = [];
  try {
    await predicate(value);
  } catch (e) {
    if (e instanceof RequirementViolation) throw e; // recorded, with evidence, by the verifier
    throw new Error(`${verify.context}\n${(e as Error)?.message ?? e}`);
  } finally {
    verify.context = '';
    verify.capture = undefined;
  }
  // The replay passed: the failure did not repeat. Report what fast-check saw.
  const err = details.errorInstance;
  if (err instanceof RequirementViolation)
    verify.fail(err.requirement, `${err.message}\n(the failure did not repeat when the counterexample was run again)`);
  throw new Error(`property failed but did not repeat on replay: ${shown}\n${(err as Error)?.message ?? err}`);
}

/**
 * The inputs fc.check would run, in its order (fc.sample with the same seed and numRuns draws the same
 * values), run `lanes` at a time; a run waits for every earlier run that shares an address with it.
 * True when every run passed cleanly: the property then holds for exactly the inputs the one-at-a-time
 * run would have checked, with the same requests. Anything else (a failure, a SHOULD finding, an input
 * skipped by fc.pre) returns false and leaves nothing recorded: the caller then runs fc.check one input
 * at a time from the start, which finds, shrinks, records and replays as it always does.
 */
async function together<T>(
  verify: Verifier,
  values: T[],
  predicate: (value: T) => Promise<void>,
  addressesOf: (value: T) => string[],
  lanes: number,
): Promise<boolean> {
  const last = new Map<string, Promise<unknown>>();
  verify.deferred = true;
  try {
    await inParallel(values, lanes, (value) => {
      const keys = addressesOf(value);
      // Runs start in input order (inParallel), so every run waited for has already started.
      const run = Promise.all(keys.map((k) => last.get(k))).then(() => predicate(value));
      const settled = run.catch(() => undefined);
      for (const k of keys) last.set(k, settled);
      return run;
    });
  } catch {
    verify.deferredSoft.clear();
    return false;
  } finally {
    verify.deferred = false;
  }
  if (verify.deferredSoft.size) {
    verify.deferredSoft.clear();
    return false;
  }
  return true;
}
