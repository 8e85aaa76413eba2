// The invalid-address cases (decisions 4 to 6) are data: the file validates against its schema,
// and each case is expanded into a titled test that the oracle rejects the input and that its
// readings are what the lax-reading model (oracle.ts laxReadings) gives, real canonical addresses
// inside the test universe (the suite GETs them, and cleanup may DELETE them).
import { test, expect } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isTestAddress } from '../../suite/ip/arbitraries';
import { canonical, laxReadings, octalOrHexReadings, parseAddress } from '../../suite/ip/oracle';

const ROOT = join(__dirname, '../..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/cases/invalid-address-case.schema.json'), 'utf8')) as { $id: string };
const file = JSON.parse(readFileSync(join(ROOT, 'fixtures/cases/invalid-addresses.json'), 'utf8')) as { cases: InvalidCase[] };

interface InvalidCase {
  id: string;
  input: string;
  category: string;
  decision: 4 | 6;
  via: Array<'path' | 'body'>;
  readings: string[];
  octalOrHexReadings: string[];
  why: string;
}

test('invalid-addresses.json validates against its schema (Ajv 2020-12, strict)', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(schema);
  const validateFile = ajv.getSchema(`${schema.$id}#/$defs/file`)!;
  const ok = validateFile(file);
  expect(validateFile.errors ?? [], 'schema errors').toEqual([]);
  expect(ok).toBe(true);
  const ids = file.cases.map((c) => c.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'duplicate ids').toEqual([]);
  const categories = new Set(file.cases.map((c) => c.category));
  const wanted = ['zone-index', 'cidr', 'bracket', 'whitespace', 'empty', 'leading-zero', 'shorthand', 'hex', 'integer', 'garbage', 'ipv6-malformed'];
  expect(wanted.filter((c) => !categories.has(c)), 'categories without a case').toEqual([]);
  // the schema itself must refuse what the data rules forbid
  const bad = { ...file.cases[0]!, decision: 4, extra: true };
  expect(ajv.getSchema(schema.$id)!(bad)).toBe(false);
});

for (const c of file.cases) {
  test(`invalid address ${c.id}: ${JSON.stringify(c.input)} (${c.category}, decision ${c.decision}) is rejected and its readings are exact`, () => {
    expect(parseAddress(c.input), 'the strict parser rejects it').toBeNull();
    expect(c.readings, 'readings are laxReadings(input)').toEqual(laxReadings(c.input));
    expect(c.octalOrHexReadings, 'octalOrHexReadings are octalOrHexReadings(input)').toEqual(octalOrHexReadings(c.input));
    const problems = c.readings.flatMap((r) => {
      const addr = parseAddress(r);
      if (!addr) return [`${r} is not an address`];
      if (canonical(addr) !== r) return [`${r} is not canonical (${canonical(addr)})`];
      return isTestAddress(addr) ? [] : [`${r} is outside the documentation ranges`];
    });
    expect(problems).toEqual([]);
    expect(c.octalOrHexReadings.filter((r) => !c.readings.includes(r)), 'octal/hex readings are readings').toEqual([]);
    // an empty path segment names the collection, not an address
    if (c.input === '') expect(c.via).toEqual(['body']);
  });
}
