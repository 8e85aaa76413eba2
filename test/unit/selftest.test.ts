// The self-test's own catalogue (selftest/): every mutant and variant module loads and starts a
// server, ids are unique, expected IDs exist and are MUSTs, and together the mutants reach every MUST
// requirement, so `npm run selftest` shows that each MUST check can fail.
import { expect, test } from '@playwright/test';
import { createServer } from '../../server';
import { REQUIREMENTS } from '../../suite/judging/requirements';
import { catalogueProblems, loadMutants, loadVariants, uncoveredMusts } from '../../selftest/catalogue';
import { ENV_PROBE, grepFor, selectFor, type ListedTest } from '../../selftest/selection';
import { sendOnce } from '../../suite/transport/http';

const mutants = loadMutants();
const variants = loadVariants();

test('every mutant and variant module loads, with a unique kebab-case id matching its file name', () => {
  expect(mutants.length, 'at least 30 mutants').toBeGreaterThanOrEqual(30);
  expect(variants.length).toBeGreaterThanOrEqual(8);
  expect(catalogueProblems(mutants, variants)).toEqual([]);
});

test('every expected requirement of a mutant exists and is a MUST (or a SHOULD, for a mutant judged in strict mode)', () => {
  for (const m of mutants)
    for (const id of m.expected) expect(REQUIREMENTS.get(id)?.level, `${m.id} expects ${id}`).toBe(m.strict && REQUIREMENTS.get(id)?.level === 'SHOULD' ? 'SHOULD' : 'MUST');
});

test('together the mutants expect every MUST requirement of the catalogue to fail', () => {
  expect(uncoveredMusts(mutants), 'MUST requirements no mutant is expected to fail').toEqual([]);
});

test('the problems check refuses duplicate ids, unknown or non-MUST expectations, non-SHOULD shouldFailures and variant settings that are not tuning knobs', () => {
  const m = mutants[0]!;
  const v = variants[0]!;
  const problems = catalogueProblems(
    [m, { ...m }, { ...m, id: 'x-unknown', expected: ['NO-SUCH-ID', 'IP-MAPPED-MIXED'] }],
    [
      { ...v, shouldFailures: ['PUT-CREATE'] },
      { ...v, id: 'x-env', env: { CONFORMANCE_BASE_URL: 'http://127.0.0.1:1', CONFORMANCE_ADDRESS_BIAS: 'octal' } },
    ],
  );
  expect(problems.join('\n')).toContain(`"${m.id}" is used twice`);
  expect(problems.join('\n')).toContain('unknown requirement NO-SUCH-ID');
  expect(problems.join('\n')).toContain('IP-MAPPED-MIXED, a SHOULD');
  expect(catalogueProblems([{ ...m, id: m.id, expected: ['IP-MAPPED-MIXED'], strict: true }], [])).toEqual([]);
  expect(problems.join('\n')).toContain('PUT-CREATE in shouldFailures');
  expect(problems.join('\n')).toContain('"x-env" sets CONFORMANCE_BASE_URL');
  expect(problems.join('\n')).toContain('CONFORMANCE_ADDRESS_BIAS must be one of');
});

test('every mutant and variant server starts with its options and hooks, and answers supported_regions', async () => {
  for (const c of [...mutants, ...variants]) {
    const server = await createServer({ ...c.options, token: 'selftest-token', hooks: c.hooks, log: false });
    try {
      const res = await sendOnce(server.url, {
        method: 'GET',
        path: `/zones/${'0'.repeat(32)}/origin/cloud_regions/supported_regions`,
        headers: { authorization: 'Bearer selftest-token' },
      });
      expect(res.status, `${c.id}: supported_regions`).toBeLessThan(500);
    } finally {
      await server.close();
    }
  }
});

test.describe('test selection for mutants', () => {
  const tests: ListedTest[] = [
    { file: 'specs/a.spec.ts', tags: ['PUT-CREATE', 'PUT-READBACK'] },
    { file: 'specs/b.spec.ts', tags: ['PUT-CREATE-X'] },
    ...ENV_PROBE.map((id) => ({ file: `specs/${id}.spec.ts`, tags: [id] })),
  ];

  test('the grep pattern matches a tag exactly, not a longer tag it prefixes', () => {
    const re = new RegExp(grepFor(['PUT-CREATE']));
    expect(re.test('title @PUT-CREATE @PUT-READBACK')).toBe(true);
    expect(re.test('title @PUT-CREATE')).toBe(true);
    expect(re.test('title @PUT-CREATE-X')).toBe(false);
  });

  test('a mutant runs the files of the tests tagged with its IDs; ENV IDs alone run the probe; an untagged ID runs everything', () => {
    expect(selectFor(['PUT-CREATE', 'ENV-NO-5XX'], tests)).toMatchObject({ grep: grepFor(['PUT-CREATE']), files: ['specs/a.spec.ts'] });
    expect(selectFor(['ENV-CONTENT-TYPE'], tests)).toMatchObject({ grep: grepFor(ENV_PROBE) });
    // An ENV ID that tests carry as a tag (matrix cells) adds those tests.
    const cellTests = [...tests, { file: 'specs/never-5xx.spec.ts', tags: ['ENV-NO-5XX'] }];
    expect(selectFor(['ENV-NO-5XX'], cellTests)).toMatchObject({ grep: grepFor([...ENV_PROBE, 'ENV-NO-5XX']) });
    expect(selectFor(['PUT-CREATE', 'ENV-NO-5XX'], cellTests).files).toEqual(['specs/a.spec.ts', 'specs/never-5xx.spec.ts']);
    const untagged = selectFor(['PUT-CREATE', 'ZONE-ISOLATION'], tests);
    expect(untagged.grep).toBeUndefined();
    expect(untagged.files).toEqual([]);
  });
});
