// GET one mapping through some spelling of a pool address: 200 with the model's mapping under the
// canonical address, or 404 when the model holds none.
import { expect } from '../../../suite/judging/expect';
import fc from 'fast-check';
import { COLLECTION, PoolCommand, type Model, type Real, type Spelling, checkMapping, resolve, spellingArb, textOf } from '../model';

export class GetCommand extends PoolCommand {
  constructor(readonly target: Spelling) {
    super();
  }

  async run(m: Model, r: Real): Promise<void> {
    const step = ++m.step;
    const t = resolve(m.world, this.target);
    const res = await r.api.get(t.text);
    const what = `step ${step}, ${this}`;
    const held = m.mappings.has(t.key);
    const own = held ? 'GET-FOUND' : 'GET-NOT-FOUND';
    r.verify.cite(own);
    r.verify.cite('MODEL-CONSISTENT');
    const ok = await r.verify.check(
      m.blame(t.key, own),
      () => expect(res.status, `${what}: ${m.explain(t.key)}, so GET answers ${held ? 200 : 404}`).toBe(held ? 200 : 404),
      res,
    );
    if (ok && held) await checkMapping(r, m, t, res.json?.result, res, what, 'GET-FOUND');
  }

  toString(): string {
    return `GET ${COLLECTION}/${textOf(this.world, this.target)}`;
  }

  [fc.cloneMethod](): GetCommand {
    return new GetCommand(this.target);
  }
}

export function getCommand(): fc.Arbitrary<GetCommand> {
  return spellingArb().map((target) => new GetCommand(target));
}
