// The shape of reports/conformance.json: written by the reporter and by merge, read by the renderers
// (html, markdown, badge), the launchers and the tests. Its own module, so no renderer imports the reporter.
import type { Restoration } from '../state/zone-guard';
import type { RequirementRow } from './matrix';
import type { SkippedMust } from './verdict';

export interface ConformanceReport {
  verdict: 'pass' | 'fail' | 'error';
  target: { baseUrl: string; embedded: boolean; zones: string[] } | null;
  suiteVersion: string;
  seed: number | null;
  profile: string | null;
  strict: boolean;
  /** CONFORMANCE_REQUIRE_ALL: a skipped MUST fails the run. */
  requireAll: boolean;
  /** Sharded run: this report's part ("1/3"), null for a whole run. */
  shard: string | null;
  startedAt: string | null;
  finishedAt: string;
  requests: number;
  requestsByKind: Record<string, number>;
  rateLimit: { responses429: number; waitedMs: number };
  transportRetries: number;
  summary: Record<string, number>;
  requirements: RequirementRow[];
  staleExpectations: string[];
  expiredExpectations: string[];
  /** The MUSTs the run did not show, each with its reason: what the verdict does not cover. */
  skippedMust: SkippedMust[];
  /** Mappings the suite never wrote that the target lost or changed, put back from the preflight snapshot. */
  restoredFromSnapshot: Restoration[];
  unattributedFailures: string[];
  errors: string[];
}
