// The model of the model-based test (specs/model.spec.ts): what the zone holds for one run's small
// pool of addresses, as a plain Map from canonical address to {vendor, region}. The real system is the
// API client (with the verifier that judges what it answers). Commands (./commands/*) draw their
// address as a pool slot plus a spelling choice, resolved here against the run's pool: fc.commands
// keeps its replay log per arbitrary instance, so the command arbitraries cannot depend on the drawn
// pool (no chain), yet every spelling is one that suite/ip/spellings.ts's spellingOf could give.
import { expect } from '../../suite/judging/expect';
import fc from 'fast-check';
import { seconds, type Pair, type WriteOperation } from '../../contract';
import { checkCanonical } from '../../suite/judging/checks';
import type { ApiClient, ApiResponse } from '../../suite/transport/client';
import { type Address, canonical, canonicalOf } from '../../suite/ip/oracle';
import { compressionOptions, spell } from '../../suite/ip/spellings';
import type { Verifier } from '../../suite/judging/verify';


/** What the commands resolve their draws against: the run's addresses and a few valid pairs. */
export interface World {
  pool: readonly Address[];
  pairs: readonly Pair[];
}

/** The real system: the API client, the verifier that judges its answers, and the list page cap. */
export interface Real {
  api: ApiClient;
  verify: Verifier;
  /** Pages one List step may read (the budget profile reads few; stops earlier on an empty page). */
  maxListPages: number;
}

/** How the steps print: the zone stays a placeholder (it is configuration, not part of the step). */
export const COLLECTION = '/zones/:zone/origin/cloud_regions';

// ---- addresses: a pool slot and a spelling choice ---------------------------------------------------

/** A pool slot and a spelling choice that does not depend on the address (see the header). */
export interface Spelling {
  slot: number;
  /** false: the canonical text (what shrinking reaches); true: the choice below. */
  varied: boolean;
  dottedTail: boolean;
  /** Index into [no "::", ...every zero run "::" may replace], modulo its length. */
  compress: number;
  pad: readonly number[];
  upper: readonly number[];
}

/**
 * A command that names pool addresses by slot and spelling: `check` remembers the world (the pool
 * drawn for this run), so `toString` can print the exact texts sent.
 */
export abstract class PoolCommand implements fc.AsyncCommand<Model, Real> {
  protected world?: World;

  check(m: Readonly<Model>): boolean {
    this.world = m.world;
    return true;
  }

  abstract run(m: Model, r: Real): Promise<void>;
  abstract toString(): string;
}

export function spellingArb(): fc.Arbitrary<Spelling> {
  const perGroup = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: 8, maxLength: 8 });
  return fc.record({
    slot: fc.nat(5),
    varied: fc.boolean(),
    dottedTail: fc.boolean(),
    compress: fc.nat(7),
    pad: perGroup(3),
    upper: perGroup(15),
  });
}

export interface Target {
  address: Address;
  /** Canonical text: the model's key. */
  key: string;
  /** The text sent. */
  text: string;
}

/** The spelling of an address this choice gives (the same choices as spellingChoiceOf). */
export function spellAddress(address: Address, s: Spelling): Target {
  const key = canonical(address);
  if (!s.varied || address.v === 4) return { address, key, text: key };
  const runs = [null, ...compressionOptions(address, s.dottedTail)];
  const compress = runs[s.compress % runs.length]!;
  return { address, key, text: spell(address, { compress, dottedTail: s.dottedTail, pad: s.pad, upper: s.upper }) };
}

export function resolve(world: World, s: Spelling): Target {
  return spellAddress(world.pool[s.slot % world.pool.length]!, s);
}

export function pairOf(world: World, i: number): Pair {
  return world.pairs[i % world.pairs.length]!;
}

// ---- the model ----------------------------------------------------------------------------------------

interface Write {
  step: number;
  kind: WriteOperation;
  /** Keys the write changed (set or deleted). */
  changed: ReadonlySet<string>;
  /** Keys named only by invalid batch items (which must change nothing). */
  invalid: ReadonlySet<string>;
  /** Keys named more than once in the batch. */
  duplicated: ReadonlySet<string>;
}

export class Model {
  /** The model proper. */
  readonly mappings = new Map<string, Pair>();
  /** The latest modified_on seen per mapping (whole seconds), and whether a replace with a different
   * body came after it (decision 9: only then must the next one not be earlier). */
  readonly modified = new Map<string, { seconds: number; replaced: boolean }>();
  /** The effective writes so far: they name the requirement a later disagreement breaks (blame). */
  readonly writes: Write[] = [];
  /** Steps run so far, reads included, so that numbers match the printed sequence. */
  step = 0;
  /** Keys a write request named (recorded before it goes out): the run deletes them at its end,
   * whatever the target answered (a DELETE that answers 200 and keeps the mapping must not leak
   * into the next run, nor stay in the zone). */
  readonly sent = new Set<string>();

  constructor(readonly world: World) {}

  /** Applies a write's effect: a pair sets the mapping, null deletes it. Only effective changes. */
  apply(
    kind: WriteOperation,
    changes: ReadonlyArray<readonly [string, Pair | null]>,
    extra: { invalid?: readonly string[]; duplicated?: readonly string[] } = {},
  ): void {
    for (const [key, pair] of changes) {
      const before = this.mappings.get(key);
      if (pair === null || !before) this.modified.delete(key);
      if (pair === null) {
        this.mappings.delete(key);
        continue;
      }
      if (before && (before.vendor !== pair.vendor || before.region !== pair.region)) {
        const seen = this.modified.get(key);
        if (seen) seen.replaced = true;
      }
      this.mappings.set(key, { vendor: pair.vendor, region: pair.region });
    }
    this.writes.push({
      step: this.step,
      kind,
      changed: new Set(changes.map(([k]) => k)),
      invalid: new Set(extra.invalid ?? []),
      duplicated: new Set(extra.duplicated ?? []),
    });
  }

  private lastWrite(key: string): number {
    for (let i = this.writes.length - 1; i >= 0; i--) if (this.writes[i]!.changed.has(key)) return i;
    return -1;
  }

  /**
   * The requirement that a disagreement about `key`, seen by a step whose own requirement is `own`,
   * breaks: the history names it when it can (an invalid item changed something, a batch PUT dropped
   * a mapping it did not name, a delete left the mapping), `own` when nothing was written since the
   * mapping's last write, MODEL-CONSISTENT when other writes came between.
   */
  blame(key: string, own: string): string {
    const last = this.lastWrite(key);
    const after = this.writes.slice(last + 1);
    if (after.some((w) => w.invalid.has(key))) return 'BATCH-PUT-PER-ITEM';
    if (after.length === 0) {
      const kind = last >= 0 ? this.writes[last]!.kind : undefined;
      if (kind === 'delete') return 'DELETE-REMOVES';
      if (kind === 'batch-delete') return 'BATCH-DELETE-APPLIES';
      return own;
    }
    if (this.mappings.has(key) && after.every((w) => w.kind === 'batch-put')) return 'BATCH-PUT-MERGE';
    return 'MODEL-CONSISTENT';
  }

  /** Two list entries for one address: a batch that named it twice, or two spellings stored apart. */
  blameDuplicate(key: string): string {
    return this.writes.some((w) => w.duplicated.has(key)) ? 'BATCH-PUT-DUPLICATES' : 'IP-ONE-MAPPING-PER-ADDRESS';
  }

  /** What the model expects for `key` and why, for failure messages. */
  explain(key: string): string {
    const m = this.mappings.get(key);
    const last = this.lastWrite(key);
    const by = last >= 0 ? `step ${this.writes[last]!.step}` : 'none of the steps before';
    return m ? `the model maps ${key} to ${m.vendor}/${m.region} (set by ${by})` : `the model holds no mapping for ${key} (${last >= 0 ? `deleted by ${by}` : 'never written'})`;
  }
}

// ---- checks shared by the commands --------------------------------------------------------------------

/** The body items of batch results that name `key` (by their canonical text). */
export function naming<T extends { origin_ip?: unknown }>(items: unknown, key: string): T[] {
  if (!Array.isArray(items)) return [];
  return items.filter((i): i is T => typeof i?.origin_ip === 'string' && canonicalOf(i.origin_ip) === key);
}

/** Decision 9: modified_on, when present, does not go backwards across a replace with a different
 * body. Compared at whole seconds (precision is open). Then remembers the latest one seen. */
export async function observeModifiedOn(real: Real, model: Model, key: string, got: unknown, res: ApiResponse, what: string) {
  const now = seconds((got as { modified_on?: unknown } | undefined)?.modified_on);
  if (now === undefined || !model.mappings.has(key)) return;
  const seen = model.modified.get(key);
  if (seen?.replaced)
    await real.verify.check(
      'PUT-MODIFIED-ON-MONOTONIC',
      () => expect(now, `${what}: modified_on (${String((got as { modified_on?: unknown }).modified_on)}) is not before the one seen before the replace`).toBeGreaterThanOrEqual(seen.seconds),
      res,
    );
  model.modified.set(key, { seconds: Math.max(now, seen?.seconds ?? now), replaced: false });
}

/** A mapping the target answered for a key the model holds: vendor and region as the model says,
 * origin_ip canonical (mixed notation for mapped addresses is a SHOULD, decision 5), modified_on. */
export async function checkMapping(real: Real, model: Model, t: Target, got: unknown, res: ApiResponse, what: string, own: string) {
  const m = got as { origin_ip?: unknown; vendor?: unknown; region?: unknown } | undefined;
  const want = model.mappings.get(t.key);
  real.verify.cite('MODEL-CONSISTENT');
  await real.verify.check(
    model.blame(t.key, own),
    () => expect({ vendor: m?.vendor, region: m?.region }, `${what}: ${model.explain(t.key)}`).toEqual(want),
    res,
  );
  await checkCanonical(real.verify, t.address, m?.origin_ip, res, what);
  await observeModifiedOn(real, model, t.key, got, res, what);
}

/** A JSON body as it prints in a step. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

/** The text a step sends for a spelling, or a placeholder before the step is bound to a run's world. */
export function textOf(world: World | undefined, s: Spelling): string {
  return world ? resolve(world, s).text : `<pool address ${s.slot}>`;
}
