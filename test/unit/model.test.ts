// The model-based test's pieces without a server: each command prints its step as readable HTTP once
// bound to a run's pool, batch plans keep the model exact, and blame() names the precise requirement.
import { expect, test } from '@playwright/test';
import { BatchDeleteCommand } from '../../specs/model/commands/batch-delete';
import { BatchPutCommand } from '../../specs/model/commands/batch-put';
import { DeleteCommand } from '../../specs/model/commands/delete';
import { GetCommand } from '../../specs/model/commands/get';
import { ListCommand } from '../../specs/model/commands/list';
import { PutCommand } from '../../specs/model/commands/put';
import { Model, type Spelling, type World } from '../../specs/model/model';
import { parseAddress } from '../../suite/ip/oracle';

const AWS = { vendor: 'aws', region: 'us-east-1' };
const GCP = { vendor: 'gcp', region: 'us-central1' };
const world: World = {
  pool: ['2001:db8::1', '192.0.2.1', '::ffff:192.0.2.1', '2001:db8::'].map((t) => parseAddress(t)!),
  pairs: [AWS, GCP],
};
const ZERO = [0, 0, 0, 0, 0, 0, 0, 0];
const canonicalAt = (slot: number): Spelling => ({ slot, varied: false, dottedTail: false, compress: 0, pad: ZERO, upper: ZERO });
// 2001:db8::1 with "::" over four of its five zero groups and "db8" as "DB8" (mask 0b110).
const upperDb8: Spelling = { slot: 0, varied: true, dottedTail: false, compress: 4, pad: ZERO, upper: [0, 6, 0, 0, 0, 0, 0, 0] };
const C = '/zones/:zone/origin/cloud_regions';

function bound<T extends { check(m: Model): boolean }>(cmd: T): T {
  cmd.check(new Model(world));
  return cmd;
}

test('each command prints its step as an HTTP request once bound to a pool', () => {
  expect(String(bound(new PutCommand(upperDb8, 0)))).toBe(`PUT ${C}/2001:DB8::0:1 {"origin_ip":"2001:DB8::0:1","vendor":"aws","region":"us-east-1"}`);
  expect(String(bound(new GetCommand({ ...upperDb8, slot: 4 })))).toBe(`GET ${C}/2001:DB8::0:1`); // slots wrap
  expect(String(bound(new DeleteCommand(canonicalAt(2))))).toBe(`DELETE ${C}/::ffff:192.0.2.1`);
  expect(String(bound(new BatchDeleteCommand([canonicalAt(1), upperDb8, canonicalAt(0)])))).toBe(`DELETE ${C}/batch ["192.0.2.1","2001:DB8::0:1"]`);
  expect(String(new ListCommand())).toBe(`GET ${C}?page=1,2,…&per_page=100 (until an empty page)`);
  expect(String(new PutCommand(upperDb8, 1))).toBe(`PUT ${C}/<pool address 0> {"origin_ip":"<pool address 0>","vendor":"<pair 1>","region":"<pair 1>"}`);
});

test('a batch PUT gives duplicates of one address the same pair and puts its invalid item on another address', () => {
  const cmd = bound(new BatchPutCommand([{ target: upperDb8, pair: 0 }, { target: canonicalAt(0), pair: 1 }], { target: canonicalAt(0), at: 2, vendor: 'case' }));
  const plan = cmd.plan(world);
  expect(plan.body).toEqual([
    { origin_ip: '2001:DB8::0:1', ...AWS },
    { origin_ip: '2001:db8::1', ...AWS },
    { origin_ip: '192.0.2.1', vendor: 'AWS', region: 'us-east-1' },
  ]);
  expect([...plan.valid].map(([k, v]) => [k, v.count])).toEqual([['2001:db8::1', 2]]);
  expect(plan.invalid?.target.key).toBe('192.0.2.1');
  expect(String(cmd)).toBe(`PUT ${C}/batch ${JSON.stringify(plan.body)}`);
});

test('blame names the requirement a disagreement breaks, from the writes since the mapping was last written', () => {
  const m = new Model(world);
  m.apply('put', [['a', AWS]]);
  expect(m.blame('a', 'GET-FOUND')).toBe('GET-FOUND'); // nothing since: the read's own requirement
  m.apply('batch-put', [['b', AWS]]);
  expect(m.blame('a', 'GET-FOUND')).toBe('BATCH-PUT-MERGE'); // only a batch PUT that did not name it
  m.apply('batch-put', [['b', GCP]], { invalid: ['a'] });
  expect(m.blame('a', 'GET-FOUND')).toBe('BATCH-PUT-PER-ITEM');
  m.apply('delete', [['b', null]]);
  expect(m.blame('b', 'GET-NOT-FOUND')).toBe('DELETE-REMOVES');
  expect(m.blame('c', 'GET-NOT-FOUND')).toBe('MODEL-CONSISTENT'); // never written, others were
  expect(m.explain('a')).toBe('the model maps a to aws/us-east-1 (set by step 0)');
  expect(m.mappings).toEqual(new Map([['a', AWS]]));
});
