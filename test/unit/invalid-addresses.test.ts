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
import { groupBySharedReading, INVALID_CASES_FILE, loadInvalidCases, readingChecks, selectInvalidCases, type InvalidCase } from '../../fixtures/invalid-addresses';
import { canonical, laxIPv4Readings, laxReadings, octalOrHexReadings, parseAddress } from '../../suite/ip/oracle';
import { KNOBS } from '../../suite/config/profile';

const ROOT = join(__dirname, '../..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/cases/invalid-address-case.schema.json'), 'utf8')) as { $id: string };
const file = JSON.parse(readFileSync(INVALID_CASES_FILE, 'utf8')) as { cases: InvalidCase[] };

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

// A case must be able to show the defect it names. For octal/hex (decision 4's MUST NOT): the octal or
// hex reading differs from every decimal reading (192.0.2.01 reads 192.0.2.1 both ways and shows
// nothing; 192.0.2.010 reads 8 in octal against 10), and the spec reads that address back under
// IP-IPV4-NO-OCTAL.
test('every leading-zero and hex case has an octal/hex reading that differs from its decimal reading, and the suite checks it is not stored', () => {
  const problems: string[] = [];
  for (const c of loadInvalidCases().filter((c) => c.category === 'leading-zero' || c.category === 'hex')) {
    const tail = c.input.slice(c.input.lastIndexOf(':') + 1);
    const { decimal } = laxIPv4Readings(tail);
    const decimalReading = decimal === null ? null : c.input.includes(':') ? canonical(parseAddress(c.input.slice(0, c.input.lastIndexOf(':') + 1) + decimal)!) : decimal;
    if (c.octalOrHexReadings.length === 0) problems.push(`${c.id}: no octal/hex reading`);
    for (const r of c.octalOrHexReadings) {
      if (r === decimalReading) problems.push(`${c.id}: the octal/hex reading ${r} is its decimal reading too`);
      const check = readingChecks(c.input, c.decision).find((x) => x.reading === r);
      if (check?.requirement !== 'IP-IPV4-NO-OCTAL') problems.push(`${c.id}: ${r} is not read back under IP-IPV4-NO-OCTAL`);
    }
  }
  expect(problems).toEqual([]);
});

test('a leading-zero case without a distinct octal reading is filed as leading-zero-no-octal (only the SHOULD to reject is judged)', () => {
  for (const c of loadInvalidCases().filter((c) => c.category === 'leading-zero-no-octal')) {
    expect(c.octalOrHexReadings, c.id).toEqual([]);
    expect(readingChecks(c.input, c.decision).map((x) => x.requirement), c.id).not.toContain('IP-IPV4-NO-OCTAL');
  }
});

test('the budget profile sends a discriminating case of every category, whatever the seed, and the full profile every case', () => {
  const cases = loadInvalidCases();
  const categories = new Set(cases.map((c) => c.category));
  for (const seed of [1, 2, 20261128, 987654321]) {
    const chosen = selectInvalidCases(cases, KNOBS.budget.invalidAddressCases, seed);
    expect(new Set(chosen.map((c) => c.category))).toEqual(categories);
    for (const cat of ['leading-zero', 'hex'])
      expect(chosen.filter((c) => c.category === cat && c.octalOrHexReadings.length > 0).length, `${cat}, seed ${seed}`).toBeGreaterThan(0);
  }
  expect(selectInvalidCases(cases, KNOBS.full.invalidAddressCases, 1)).toEqual(cases);
});

test('cases that share a reading fall in one group, cases of different groups share none, each case once and in order', () => {
  const cases = loadInvalidCases();
  const groups = groupBySharedReading(cases);
  expect(groups.flat().sort((a, b) => cases.indexOf(a) - cases.indexOf(b))).toEqual(cases);
  for (const g of groups) expect(g).toEqual([...g].sort((a, b) => cases.indexOf(a) - cases.indexOf(b)));
  const readings = new Map(cases.map((c) => [c, new Set(readingChecks(c.input, c.decision).map((r) => r.reading))]));
  const groupOf = new Map(groups.flatMap((g, i) => g.map((c) => [c, i] as const)));
  for (const a of cases)
    for (const b of cases) {
      const shared = [...readings.get(a)!].some((r) => readings.get(b)!.has(r));
      if (shared) expect(groupOf.get(a), `${JSON.stringify(a.input)} and ${JSON.stringify(b.input)} share a reading`).toBe(groupOf.get(b));
    }
  // Groups join through chains too: a shares with b, b with c, so a and c run in order in one worker.
  const chain = groupBySharedReading([
    { input: '2001:db8::/32', decision: 6 },
    { input: '2001:db8::1/64', decision: 6 },
    { input: '[2001:db8::1]', decision: 6 },
    { input: '198.51.25601', decision: 4 },
  ] as const);
  expect(chain.map((g) => g.length)).toEqual([3, 1]);
});
