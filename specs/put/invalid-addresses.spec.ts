// Invalid and ambiguous address text, as data (fixtures/cases/invalid-addresses.json, validated by
// schemas/cases/invalid-address-case.schema.json in the unit tests): decisions 4 to 6. The text goes
// both in the path (percent-encoded once, as the SDK does) and in the body.
import { covers, expect, test } from '../../fixtures';
import { groupBySharedReading, loadInvalidCases, readingChecks, selectInvalidCases, statusRequirements, type InvalidCase } from '../../fixtures/invalid-addresses';
import { knobs } from '../../suite/config/profile';
import { inParallel } from '../../suite/transport/concurrency';

const cases = loadInvalidCases();

test.describe('PUT of text that is not a plain address', () => {
  for (const group of groupBySharedReading(cases)) {
    if (group.length === 1) invalidCaseTest(group[0]!);
    else
      // Cases that share a reading: in order, in one worker (groupBySharedReading). The describe has no
      // title, so the tests' titles are those of single cases.
      test.describe(() => {
        test.describe.configure({ mode: 'default' });
        for (const c of group) invalidCaseTest(c);
      });
  }
});

function invalidCaseTest(c: InvalidCase): void {
  const ipv4Text = c.decision === 4;
  // Only text with an octal/hex reading that differs from every decimal one can show an octal parser.
  const octal = c.octalOrHexReadings.length > 0;
  test(
    ipv4Text
      ? `non-canonical IPv4 ${JSON.stringify(c.input)} (${c.category}) is rejected with 400 (SHOULD)${octal ? ` and never stored under its octal or hex reading ${c.octalOrHexReadings.join(', ')}` : ''}`
      : `${JSON.stringify(c.input)} (${c.category}) is a 4xx failure (400 SHOULD) and stores nothing`,
    covers(...statusRequirements(c), ...(octal ? ['IP-IPV4-NO-OCTAL'] : [])),
    async ({ api, addresses, regions, verify, ctx, lanes }) => {
      test.skip(
        !selectInvalidCases(cases, knobs(ctx.profile).invalidAddressCases, ctx.seed).includes(c),
        `${ctx.profile} profile: not in this run's selection (suite/config/profile.ts invalidAddressCases)`,
      );
      const checks = readingChecks(c.input, c.decision);
      const readings = checks.map((r) => r.reading);
      // Readings that pre-existed in the zone are other people's: checked unchanged, never claimed
      // (journaled with the PUT, so a target that stores one is undone by the cleanup). A reading
      // another test of this run holds is waited for: sent now, the PUT could write into that
      // test's address (a target that reads "192.0.2.01" as 192.0.2.1 only fails a SHOULD) and fail
      // it for nothing. Still held after 5 s: the case is skipped, never judged half-blind.
      const held = await addresses.claimWhenFree(readings);
      test.skip(held.length > 0, `${held.join(', ')} (a reading of the input) is held by another test of this run`);
      const pathIp = c.via.includes('path') ? c.input : addresses.fresh();
      const judged = [...checks];
      if (pathIp !== c.input) judged.push({ reading: pathIp, requirement: 'IP-INVALID-REJECTED', octal: false });
      const res = await api.put(pathIp, { origin_ip: c.input, ...regions.pair(0) });
      if (ipv4Text) {
        await verify.check('IP-IPV4-NONCANONICAL-REJECTED', () => expect(res.status, 'rejected with 400').toBe(400));
      } else {
        await verify.check('IP-INVALID-REJECTED', () => {
          expect(res.status, 'rejected with a 4xx').toBeGreaterThanOrEqual(400);
          expect(res.json?.success, 'a failure envelope').toBe(false);
        });
        await verify.check('IP-INVALID-400', () => expect(res.status, 'rejected with 400 exactly').toBe(400));
      }
      // Reads only: together, judged in order.
      const gets = await inParallel(judged, lanes, ({ reading }) => api.get(reading));
      for (const [i, { reading: r, requirement: id, octal }] of judged.entries()) {
        const get = gets[i]!;
        const before = addresses.preexisting(r);
        await verify.check(id, () => {
          if (before) expect(get.json?.result, `${r} (a reading of the input) keeps its mapping`).toMatchObject({ vendor: before.vendor, region: before.region });
          else expect(get.status, `nothing stored under ${r}, a reading of ${JSON.stringify(c.input)}${octal ? ' (octal/hex)' : ''}`).toBe(404);
        }, get);
      }
    },
  );
}
