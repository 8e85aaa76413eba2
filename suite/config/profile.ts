// Every difference between the two profiles, as named knobs that the specs read. The full profile
// runs every case; the budget profile (the whole run, limit scenario included, within 1,000 requests
// counted by the server) keeps every rule and every class of input, and cuts depth: fewer property
// runs, fewer cases per class, fewer read-backs. Where it samples, the sample is drawn from the run's
// seed, so consecutive runs with different seeds cover different cases and a seed replays any run.
// No spec decides by profile name: a new cut is a new knob here.
import type { Profile } from './config';

/** Which cases of a list run: all, or the fixed ones (always) plus `rotating` more drawn by the seed. */
export type Selection = 'all' | { fixed: readonly string[]; rotating: number };

export interface Knobs {
  /** fast-check runs per property (CONFORMANCE_NUM_RUNS overrides it). */
  propertyRuns: number;
  /** Shrink a failing property to a minimal counterexample (costs requests). */
  shrink: boolean;
  /** Model-based test: pool size, commands per run, pages one List step reads, time limit (ms). */
  model: { maxPool: number; maxCommands: number; maxListPages: number; timeoutMs: number };
  /** Bulk normalization: items per batch and rounds. */
  bulkNormalization: { size: number; rounds: number };
  /** Invalid-address fixed cases (fixtures/cases/invalid-addresses.json): the first N of each
   * category always run, and `rotating` more of the rest are drawn by the seed ('all': every case). */
  invalidAddressCases: 'all' | { firstPerCategory: number; rotating: number };
  /** Generated near-miss addresses (suite/ip/near-miss.ts): cases per class, and through which
   * positions each class is sent (every position gets every class across the run). */
  nearMisses: { perClass: number; allPositions: boolean };
  /** Path encodings (fixtures/cases/robustness-paths.json), by case id. */
  robustnessPaths: Selection;
  /** A rejected odd path is also sent as DELETE while the address holds a mapping. */
  robustnessPathDeleteWhileMapped: boolean;
  /** Malformed JSON bodies, by name. */
  malformedJsonBodies: Selection;
  /** Content types beside text/plain, by media type. */
  otherContentTypes: Selection;
  /** Unexpected methods, by "METHOD target" (every ENV-NO-5XX method cell needs one case of its own). */
  unexpectedMethods: Selection;
  /** Batch PUT bodies that are not an array, by name. */
  batchPutNotArrayBodies: Selection;
  /** Batch PUT per item: read back every rejected item (else one per kind of failure). */
  batchPutReadBackEveryRejected: boolean;
  /** Batch DELETE without an array: read the mapping back after each body (else once at the end). */
  batchDeleteReadBackEachBody: boolean;
  /** GET through every representative spelling (else the canonical text and the last two). */
  getEverySpelling: boolean;
  /** Invalid address text at every position (specs/address-text.spec.ts): every form of invalid
   * text at each position, or one form each, rotating with the seed. */
  invalidEveryFormAtEveryPosition: boolean;
  /** Authentication: every spelling of each failure mode on every operation (else the spellings
   * rotate over the operations; every operation gets every failure mode either way). */
  authEveryVariant: boolean;
  /** Vendor/region pairs sent one by one: every pair, or the first of each vendor and every nth
   * (the rest go by batch PUT). */
  vendorRegionSingle: 'all' | { everyNth: number };
  /** List walk: pages at most (the walk widens per_page when the zone is big), and whether the
   * default-per-page check first writes 21 mappings so that page 1 must be full. */
  listWalkMaxPages: number | 'unbounded';
  listDefaultPageFilled: boolean;
  /** Concurrency (decision 14): requests per burst, and bursts in the register history (clients x
   * rounds stays under the checker's 30 operations). */
  concurrency: { clients: number; historyRounds: number };
}

export const KNOBS: Record<Profile, Knobs> = {
  full: {
    propertyRuns: 100,
    shrink: true,
    model: { maxPool: 6, maxCommands: 12, maxListPages: 40, timeoutMs: 600_000 },
    bulkNormalization: { size: 100, rounds: 5 },
    invalidAddressCases: 'all',
    nearMisses: { perClass: 4, allPositions: true },
    robustnessPaths: 'all',
    robustnessPathDeleteWhileMapped: true,
    malformedJsonBodies: 'all',
    otherContentTypes: 'all',
    unexpectedMethods: 'all',
    batchPutNotArrayBodies: 'all',
    batchPutReadBackEveryRejected: true,
    batchDeleteReadBackEachBody: true,
    getEverySpelling: true,
    invalidEveryFormAtEveryPosition: true,
    authEveryVariant: true,
    vendorRegionSingle: 'all',
    listWalkMaxPages: 'unbounded',
    listDefaultPageFilled: true,
    concurrency: { clients: 8, historyRounds: 3 },
  },
  budget: {
    propertyRuns: 8,
    shrink: false,
    model: { maxPool: 5, maxCommands: 6, maxListPages: 2, timeoutMs: 120_000 },
    bulkNormalization: { size: 25, rounds: 1 },
    invalidAddressCases: { firstPerCategory: 1, rotating: 4 },
    nearMisses: { perClass: 2, allPositions: false },
    robustnessPaths: {
      fixed: [
        'colon-pct-upper',
        'colon-double-encoded',
        'zone-index-encoded',
        'malformed-escape',
        'cidr-encoded-slash',
        'brackets-raw',
        'space-leading',
        'newline-trailing',
        'dot-dot-after',
        'dot-dot-before',
      ],
      // Breadth: a seeded draw of the other path cases (each night different ones, the seed replays one).
      rotating: 6,
    },
    robustnessPathDeleteWhileMapped: false,
    malformedJsonBodies: { fixed: ['truncated', 'trailing garbage', 'bytes that are not UTF-8'], rotating: 2 },
    otherContentTypes: { fixed: [], rotating: 1 },
    unexpectedMethods: {
      // One case per method cell of ENV-NO-5XX; the second body on POST item / DELETE collection rotates.
      fixed: [
        'POST item',
        'PATCH item',
        'POST collection',
        'PATCH collection',
        'PUT collection',
        'DELETE collection',
        'GET batch',
        'POST batch',
        'PATCH batch',
        'PUT supported_regions',
        'DELETE supported_regions',
        'POST supported_regions',
        'PATCH supported_regions',
      ],
      rotating: 1,
    },
    batchPutNotArrayBodies: { fixed: ['one item alone', 'an object holding the items', 'no body'], rotating: 1 },
    batchPutReadBackEveryRejected: false,
    batchDeleteReadBackEachBody: false,
    getEverySpelling: false,
    invalidEveryFormAtEveryPosition: false,
    authEveryVariant: false,
    vendorRegionSingle: { everyNth: 10 },
    listWalkMaxPages: 10,
    listDefaultPageFilled: false,
    concurrency: { clients: 6, historyRounds: 2 },
  },
};

export function knobs(profile: Profile): Knobs {
  return KNOBS[profile];
}

/** The items a selection runs, in their own order: the fixed ones, plus `rotating` others drawn by `seed`. */
export function select<T>(items: readonly T[], idOf: (item: T) => string, selection: Selection, seed: number, key: string): T[] {
  if (selection === 'all') return [...items];
  const ids = items.map(idOf);
  const unknown = selection.fixed.filter((id) => !ids.includes(id));
  if (unknown.length) throw new Error(`profile selection ${key} names unknown cases: ${unknown.join(', ')}`);
  const rest = ids.filter((id) => !selection.fixed.includes(id));
  const drawn = new Set(sample(rest, selection.rotating, seed, key));
  return items.filter((item) => selection.fixed.includes(idOf(item)) || drawn.has(idOf(item)));
}

/**
 * `n` distinct items drawn by `seed` (a deterministic shuffle keyed by `key`): the same seed gives
 * the same sample, another seed most likely another. Order of the result: the draw's.
 */
export function sample<T>(items: readonly T[], n: number, seed: number, key: string): T[] {
  const pool = [...items];
  // FNV-1a of the key over the seed (as propertySeed does; not imported: property.ts reads the knobs).
  let state = 2166136261 ^ seed;
  for (let i = 0; i < key.length; i++) state = Math.imul(state ^ key.charCodeAt(i), 16777619);
  state = state >>> 0 || 1;
  const next = () => {
    // xorshift32: enough to spread a sample; not for anything secret.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(next() % pool.length, 1)[0]!);
  return out;
}
