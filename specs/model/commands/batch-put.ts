// Batch PUT of 1-5 items over pool addresses in any spellings, possibly the same address twice in
// different spellings, possibly one item with an invalid vendor. A merge: valid items are applied and
// listed in succeeded; the invalid one is listed in failed and changes nothing; the others are kept.
import { expect } from '../../../suite/judging/expect';
import fc from 'fast-check';
import { checkCanonical } from '../../../suite/judging/checks';
import type { BatchItemResult, Pair } from '../../../contract';
import { canonical } from '../../../suite/ip/oracle';
import {
  COLLECTION,
  type Model,
  type Real,
  type Spelling,
  type Target,
  PoolCommand,
  type World,
  json,
  naming,
  pairOf,
  resolve,
  spellAddress,
  spellingArb,
} from '../model';

export interface InvalidItem {
  target: Spelling;
  /** Where it goes in the body (modulo its length + 1). */
  at: number;
  /** "case": the vendor in upper case (matching is case-sensitive, decision 10); "unknown": no such vendor. */
  vendor: 'case' | 'unknown';
}

export interface BatchPutPlan {
  body: Array<{ origin_ip: string; vendor: string; region: string }>;
  /** Per canonical address: how it was first spelt, its vendor/region, how many items named it. */
  valid: Map<string, { target: Target; pair: Pair; count: number }>;
  invalid?: { target: Target; vendor: string };
}

export class BatchPutCommand extends PoolCommand {
  constructor(
    readonly items: ReadonlyArray<{ target: Spelling; pair: number }>,
    readonly invalid: InvalidItem | null,
  ) {
    super();
  }

  /** The body for this run's pool. Duplicates of one address carry the first one's vendor and
   * region: which of two different ones would win is not specified, so the model stays exact. The
   * invalid item names an address no valid item names, so "changes nothing" can be judged. */
  plan(world: World): BatchPutPlan {
    const valid: BatchPutPlan['valid'] = new Map();
    const body: BatchPutPlan['body'] = [];
    for (const item of this.items) {
      const t = resolve(world, item.target);
      const seen = valid.get(t.key);
      const pair = seen?.pair ?? pairOf(world, item.pair);
      if (seen) seen.count++;
      else valid.set(t.key, { target: t, pair, count: 1 });
      body.push({ origin_ip: t.text, ...pair });
    }
    const plan: BatchPutPlan = { body, valid };
    const free = world.pool.filter((a) => !valid.has(canonical(a)));
    if (this.invalid && free.length) {
      const target = spellAddress(free[this.invalid.target.slot % free.length]!, this.invalid.target);
      const base = pairOf(world, 0);
      const vendor = this.invalid.vendor === 'case' ? base.vendor.toUpperCase() : 'example-cloud';
      body.splice(this.invalid.at % (body.length + 1), 0, { origin_ip: target.text, vendor, region: base.region });
      plan.invalid = { target, vendor };
    }
    return plan;
  }

  async run(m: Model, r: Real): Promise<void> {
    const step = ++m.step;
    const plan = this.plan(m.world);
    for (const key of plan.valid.keys()) m.sent.add(key);
    if (plan.invalid) m.sent.add(plan.invalid.target.key);
    const res = await r.api.batchPut(plan.body);
    const what = `step ${step}, ${this}`;
    const result = res.json?.result;
    await r.verify.check(
      plan.invalid ? 'BATCH-PUT-PER-ITEM' : 'BATCH-PUT-APPLIES',
      () => expect(res.status, `${what}: answers 200${plan.invalid ? ' (an invalid item fails alone, not the batch)' : ''}`).toBe(200),
      res,
    );
    for (const [key, v] of plan.valid) {
      if (v.count > 1) r.verify.cite('BATCH-PUT-DUPLICATES');
      const listed = naming<BatchItemResult>(result?.succeeded, key);
      const ok = await r.verify.check(
        'BATCH-PUT-APPLIES',
        () => {
          expect(listed.length, `${what}: ${v.target.text} is listed in succeeded`).toBeGreaterThan(0);
          for (const item of listed)
            expect({ vendor: item.vendor, region: item.region }, `${what}: succeeded item for ${key} carries the vendor and region sent`).toEqual(v.pair);
          // A second spelling of the same address may be reported either way; a single one is applied.
          if (v.count === 1) expect(naming(result?.failed, key), `${what}: ${v.target.text} is not listed in failed`).toEqual([]);
        },
        res,
      );
      if (ok) for (const item of listed) await checkCanonical(r.verify, v.target.address, item.origin_ip, res, `${what}, succeeded item`);
    }
    if (plan.invalid) {
      const { target, vendor } = plan.invalid;
      await r.verify.check(
        'BATCH-PUT-PER-ITEM',
        () => {
          expect(naming(result?.failed, target.key).length, `${what}: the item ${target.text} with vendor "${vendor}" is listed in failed`).toBeGreaterThan(0);
          expect(naming(result?.succeeded, target.key), `${what}: the item ${target.text} with vendor "${vendor}" is not listed in succeeded`).toEqual([]);
        },
        res,
      );
    }
    m.apply(
      'batch-put',
      [...plan.valid].map(([key, v]) => [key, v.pair] as const),
      {
        invalid: plan.invalid ? [plan.invalid.target.key] : [],
        duplicated: [...plan.valid].filter(([, v]) => v.count > 1).map(([k]) => k),
      },
    );
  }

  toString(): string {
    if (!this.world) return `PUT ${COLLECTION}/batch [${this.items.length + (this.invalid ? 1 : 0)} items over pool addresses]`;
    return `PUT ${COLLECTION}/batch ${json(this.plan(this.world).body)}`;
  }

  [fc.cloneMethod](): BatchPutCommand {
    return new BatchPutCommand(this.items, this.invalid);
  }
}

export function batchPutCommand(): fc.Arbitrary<BatchPutCommand> {
  return fc
    .record({
      items: fc.array(fc.record({ target: spellingArb(), pair: fc.nat(3) }), { minLength: 1, maxLength: 5 }),
      invalid: fc.option(fc.record({ target: spellingArb(), at: fc.nat(5), vendor: fc.constantFrom<'case' | 'unknown'>('case', 'unknown') }), { freq: 3 }),
    })
    .map(({ items, invalid }) => new BatchPutCommand(items, invalid));
}
