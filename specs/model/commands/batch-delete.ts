// Batch DELETE of 1-5 spellings of pool addresses, present or absent in the model (one spelling per
// address: what a second spelling of an address just deleted should give is not specified). Present
// ones are deleted and listed in succeeded with the model's vendor and region; absent ones in failed.
import { expect } from '../../../suite/judging/expect';
import fc from 'fast-check';
import { checkCanonical } from '../../../suite/judging/checks';
import type { BatchItemResult } from '../../../contract';
import { COLLECTION, PoolCommand, type Model, type Real, type Spelling, type Target, type World, json, naming, resolve, spellingArb } from '../model';

export class BatchDeleteCommand extends PoolCommand {
  constructor(readonly targets: readonly Spelling[]) {
    super();
  }

  /** The addresses this run sends, the first spelling of each. */
  plan(world: World): Target[] {
    const out: Target[] = [];
    for (const s of this.targets) {
      const t = resolve(world, s);
      if (!out.some((o) => o.key === t.key)) out.push(t);
    }
    return out;
  }

  async run(m: Model, r: Real): Promise<void> {
    const step = ++m.step;
    const targets = this.plan(m.world);
    for (const t of targets) m.sent.add(t.key);
    const res = await r.api.batchDelete(targets.map((t) => t.text));
    const what = `step ${step}, ${this}`;
    const result = res.json?.result;
    r.verify.cite('MODEL-CONSISTENT');
    const anyHeld = targets.some((t) => m.mappings.has(t.key));
    await r.verify.check(anyHeld ? 'BATCH-DELETE-APPLIES' : 'BATCH-DELETE-PER-ITEM', () => expect(res.status, `${what}: answers 200`).toBe(200), res);
    for (const t of targets) {
      const want = m.mappings.get(t.key);
      const succeeded = naming<BatchItemResult>(result?.succeeded, t.key);
      const failed = naming<BatchItemResult>(result?.failed, t.key);
      if (want) {
        const ok = await r.verify.check(
          m.blame(t.key, 'BATCH-DELETE-APPLIES'),
          () => {
            expect(succeeded.length, `${what}: ${m.explain(t.key)}, so ${t.text} is listed in succeeded`).toBeGreaterThan(0);
            for (const item of succeeded)
              expect({ vendor: item.vendor, region: item.region }, `${what}: the succeeded item carries the deleted vendor and region`).toEqual(want);
            expect(failed, `${what}: ${t.text} is not listed in failed`).toEqual([]);
          },
          res,
        );
        if (ok) for (const item of succeeded) await checkCanonical(r.verify, t.address, item.origin_ip, res, `${what}, succeeded item`);
      } else {
        await r.verify.check(
          m.blame(t.key, 'BATCH-DELETE-PER-ITEM'),
          () => {
            expect(failed.length, `${what}: ${m.explain(t.key)}, so ${t.text} is listed in failed`).toBeGreaterThan(0);
            expect(succeeded, `${what}: ${t.text} is not listed in succeeded`).toEqual([]);
          },
          res,
        );
      }
    }
    m.apply(
      'batch-delete',
      targets.filter((t) => m.mappings.has(t.key)).map((t) => [t.key, null] as const),
    );
  }

  toString(): string {
    if (!this.world) return `DELETE ${COLLECTION}/batch [${this.targets.length} pool addresses]`;
    return `DELETE ${COLLECTION}/batch ${json(this.plan(this.world).map((t) => t.text))}`;
  }

  [fc.cloneMethod](): BatchDeleteCommand {
    return new BatchDeleteCommand(this.targets);
  }
}

export function batchDeleteCommand(): fc.Arbitrary<BatchDeleteCommand> {
  return fc.array(spellingArb(), { minLength: 1, maxLength: 5 }).map((targets) => new BatchDeleteCommand(targets));
}
