// DELETE one mapping through some spelling of a pool address: 200 with the canonical origin_ip when
// the model holds it (and then it is gone), 404 when it does not.
import { expect } from '../../../suite/judging/expect';
import fc from 'fast-check';
import { checkCanonical } from '../../../suite/judging/checks';
import { COLLECTION, PoolCommand, type Model, type Real, type Spelling, resolve, spellingArb, textOf } from '../model';

export class DeleteCommand extends PoolCommand {
  constructor(readonly target: Spelling) {
    super();
  }

  async run(m: Model, r: Real): Promise<void> {
    const step = ++m.step;
    const t = resolve(m.world, this.target);
    m.sent.add(t.key);
    const res = await r.api.delete(t.text);
    const what = `step ${step}, ${this}`;
    const held = m.mappings.has(t.key);
    const own = held ? 'DELETE-REMOVES' : 'DELETE-NOT-FOUND';
    r.verify.cite(own);
    r.verify.cite('MODEL-CONSISTENT');
    const ok = await r.verify.check(
      m.blame(t.key, own),
      () => expect(res.status, `${what}: ${m.explain(t.key)}, so DELETE answers ${held ? 200 : 404}`).toBe(held ? 200 : 404),
      res,
    );
    if (ok && held) await checkCanonical(r.verify, t.address, res.json?.result?.origin_ip, res, what);
    if (held) m.apply('delete', [[t.key, null]]);
  }

  toString(): string {
    return `DELETE ${COLLECTION}/${textOf(this.world, this.target)}`;
  }

  [fc.cloneMethod](): DeleteCommand {
    return new DeleteCommand(this.target);
  }
}

export function deleteCommand(): fc.Arbitrary<DeleteCommand> {
  return spellingArb().map((target) => new DeleteCommand(target));
}
