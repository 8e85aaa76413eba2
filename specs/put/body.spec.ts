// The PUT body: origin_ip, vendor and region are required strings (openapi.json,
// cache-rules_origin_cloud_region_v2_request). Anything else is a 4xx that stores nothing.
import { covers, expect, test } from '../../fixtures';
import { checkStored } from '../../suite/judging/checks';
import { inParallel } from '../../suite/transport/concurrency';

test(
  'a PUT body with a missing or wrongly typed field, or that is not an object, is a 4xx and stores nothing',
  covers('PUT-BODY-INVALID'),
  async ({ api, addresses, regions, verify, lanes }) => {
    const ip = addresses.fresh();
    const { vendor, region } = regions.pair(0);
    const cases: Array<[string, unknown]> = [
      ['no origin_ip', { vendor, region }],
      ['no vendor', { origin_ip: ip, region }],
      ['no region', { origin_ip: ip, vendor }],
      ['empty object', {}],
      ['origin_ip a number', { origin_ip: 3221225985, vendor, region }],
      ['vendor a number', { origin_ip: ip, vendor: 1, region }],
      ['region null', { origin_ip: ip, vendor, region: null }],
      ['region an array', { origin_ip: ip, vendor, region: [region] }],
      ['body an array', [{ origin_ip: ip, vendor, region }]],
      ['body a string', 'origin_ip'],
      ['body null', null],
    ];
    // Each answer is judged on its own (what any of them stored is read back below): the bodies go
    // out together and are judged in this order once all are in.
    const answers = await inParallel(cases, lanes, ([, body]) => api.put(ip, body));
    for (const [i, [name]] of cases.entries()) {
      const res = answers[i]!;
      await verify.check('PUT-BODY-INVALID', () => expect(res.status, `${name}: rejected with a 4xx`).toBeGreaterThanOrEqual(400), res);
    }
    await checkStored(verify, 'PUT-BODY-INVALID', api, ip, null, 'after every invalid body');
  },
);
