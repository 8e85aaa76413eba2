// What a mutant and a variant are. Both change the reference server only from outside, through
// createServer's options (hooks, limit, regions, ...): the reference code carries no defect flags.
import type { Hooks, ServerOptions } from '../server';

/** createServer options a self-test case may set; the runner owns host, port, token and logging. */
export type CaseOptions = Omit<ServerOptions, 'host' | 'port' | 'token' | 'log' | 'hooks'>;

/** A defect the suite must catch: it must fail at least one of `expected` (MUST requirements, or
 * SHOULD ones for a `strict` mutant). */
export interface Mutant {
  id: string;
  description: string;
  /** Requirement IDs of suite/judging/requirements.ts that must fail against this mutant (any one suffices). */
  expected: string[];
  hooks: Hooks;
  options?: CaseOptions;
  /**
   * Judge this mutant in strict mode (CONFORMANCE_STRICT=1), where a SHOULD failure fails the
   * verdict: only such a mutant may expect SHOULD requirements (a SHOULD check shown able to fail).
   */
  strict?: boolean;
  /**
   * Property runs (CONFORMANCE_NUM_RUNS) this mutant needs, when its defect shows only in some
   * interleavings that the model-based test finds at depth; default: the runner's NUM_RUNS.mutant.
   */
  numRuns?: number;
}

/** Legitimate variation the spec leaves open: the suite must pass against it (verdict pass). */
export interface Variant {
  id: string;
  description: string;
  /** Why the spec allows it: the sentence or decision of spec/README.md. */
  allowedBy: string;
  hooks: Hooks;
  options?: CaseOptions;
  /**
   * SHOULD requirements this variant is known to fail on purpose (it shows that a SHOULD failure is
   * reported without failing the verdict). The runner checks that they are reported as failed.
   */
  shouldFailures?: string[];
  /** Suite settings for this variant's run (CONFORMANCE_* tuning knobs only, e.g. CONFORMANCE_ADDRESS_BIAS). */
  env?: Record<string, string>;
}

/** How one self-test case went (the runner's result, the report's row). */
export interface CaseResult {
  kind: 'mutant' | 'variant';
  id: string;
  /** The suite's profile in this run (a mutant runs in both). */
  profile: 'full' | 'budget';
  exitCode: number | null;
  seconds: number;
  verdict: string;
  /** Requirement IDs with status failed. */
  failed: string[];
  /** The first failure of each failed requirement, one line each: printed when the case goes wrong, so a CI log says why. */
  failures: string[];
  requests: number;
  selection: string;
  errors: string[];
  log: string;
}

export const defineMutant = (m: Mutant): Mutant => m;
export const defineVariant = (v: Variant): Variant => v;
