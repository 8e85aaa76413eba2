// PUT one mapping through some spelling of a pool address (path and body spell it the same way, as
// the SDK does). Create or replace both answer 200 with the mapping sent, under the canonical address.
import { expect } from '../../../suite/judging/expect';
import fc from 'fast-check';
import { checkCanonical } from '../../../suite/judging/checks';
import {
  COLLECTION,
  type Model,
  type Real,
  type Spelling,
  PoolCommand,
 
  json,
  observeModifiedOn,
  pairOf,
  resolve,
  spellingArb,
  textOf,
} from '../model';

export class PutCommand extends PoolCommand {
  constructor(
    readonly target: Spelling,
    readonly pair: number,
  ) {
    super();
  }

  async run(m: Model, r: Real): Promise<void> {
    const step = ++m.step;
    const t = resolve(m.world, this.target);
    const pair = pairOf(m.world, this.pair);
    const id = m.mappings.has(t.key) ? 'PUT-REPLACE' : 'PUT-CREATE';
    m.sent.add(t.key);
    const res = await r.api.put(t.text, { origin_ip: t.text, ...pair });
    const what = `step ${step}, ${this}`;
    const got = res.json?.result;
    await r.verify.check(
      id,
      () => {
        expect(res.status, `${what}: ${id === 'PUT-CREATE' ? 'create' : 'replace'} answers 200`).toBe(200);
        expect({ vendor: got?.vendor, region: got?.region }, `${what}: the mapping sent`).toEqual(pair);
      },
      res,
    );
    await checkCanonical(r.verify, t.address, got?.origin_ip, res, what);
    m.apply('put', [[t.key, pair]]);
    await observeModifiedOn(r, m, t.key, got, res, what);
  }

  toString(): string {
    const text = textOf(this.world, this.target);
    const pair = this.world ? pairOf(this.world, this.pair) : { vendor: `<pair ${this.pair}>`, region: `<pair ${this.pair}>` };
    return `PUT ${COLLECTION}/${text} ${json({ origin_ip: text, ...pair })}`;
  }

  [fc.cloneMethod](): PutCommand {
    return new PutCommand(this.target, this.pair);
  }
}

export function putCommand(): fc.Arbitrary<PutCommand> {
  return fc.record({ target: spellingArb(), pair: fc.nat(3) }).map(({ target, pair }) => new PutCommand(target, pair));
}
