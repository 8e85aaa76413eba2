// PUT one mapping: the seed page's rules and decisions 1, 9 and 10.
import { expect, JSON_HEADERS, mapping, paths, test, withServer } from './fixtures';

test.describe('PUT /zones/{zone_id}/origin/cloud_regions/{origin_ip}', () => {
  test('create and replace both answer 200 with the stored mapping', async ({ api, zone }) => {
    const p = paths(zone);
    const created = await api('PUT', p.one('192.0.2.1'), mapping('192.0.2.1'));
    expect(created.status).toBe(200);
    expect(created.json).toEqual({
      success: true, errors: [], messages: [],
      result: { ...mapping('192.0.2.1'), modified_on: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) },
    });
    const replaced = await api('PUT', p.one('192.0.2.1'), mapping('192.0.2.1', 'gcp', 'us-central1'));
    expect(replaced.status).toBe(200);
    expect((await api('GET', p.one('192.0.2.1'))).json.result).toMatchObject(mapping('192.0.2.1', 'gcp', 'us-central1'));
  });

  test('path and body spelling the same address differently is accepted (decision 1)', async ({ api, zone }) => {
    const res = await api('PUT', paths(zone).one('2001:DB8::1'), mapping('2001:0db8:0:0::1'));
    expect(res.status).toBe(200);
    expect(res.json.result.origin_ip).toBe('2001:db8::1');
  });

  test('a body address different from the path is 400 code 1146 and changes nothing (decision 1)', async ({ api, zone }) => {
    const p = paths(zone);
    await api('PUT', p.one('192.0.2.1'), mapping('192.0.2.1'));
    const res = await api('PUT', p.one('192.0.2.1'), mapping('192.0.2.2', 'gcp', 'us-central1'));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ success: false, errors: [{ code: 1146, message: expect.any(String) }], messages: [], result: null });
    expect((await api('GET', p.one('192.0.2.1'))).json.result).toMatchObject(mapping('192.0.2.1'));
    expect((await api('GET', p.one('192.0.2.2'))).status).toBe(404);
  });

  test('unknown vendors, regions of another vendor and wrong letter case are 400 code 1157 and store nothing (decision 10)', async ({ api, zone }) => {
    const p = paths(zone);
    const bodies = [
      { origin_ip: '192.0.2.9', vendor: 'ibm', region: 'us-south' },
      { origin_ip: '192.0.2.9', vendor: 'aws', region: 'us-central1' },
      { origin_ip: '192.0.2.9', vendor: 'AWS', region: 'us-east-1' },
      { origin_ip: '192.0.2.9', vendor: 'aws', region: 'US-EAST-1' },
      { origin_ip: '192.0.2.9', vendor: '__proto__', region: 'us-east-1' },
    ];
    for (const body of bodies) {
      const res = await api('PUT', p.one('192.0.2.9'), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.errors[0].code, JSON.stringify(body)).toBe(1157);
    }
    expect((await api('GET', p.one('192.0.2.9'))).status).toBe(404);
  });

  test('a missing body, missing fields or wrongly typed fields are 400 code 1001 and store nothing', async ({ api, zone }) => {
    const p = paths(zone);
    const bodies: unknown[] = [
      undefined, [], '"text"', 42, null,
      { vendor: 'aws', region: 'us-east-1' },
      { origin_ip: '192.0.2.3', region: 'us-east-1' },
      { origin_ip: '192.0.2.3', vendor: 'aws' },
      { origin_ip: 3221225987, vendor: 'aws', region: 'us-east-1' },
      { origin_ip: '192.0.2.3', vendor: ['aws'], region: 'us-east-1' },
      { origin_ip: '192.0.2.3', vendor: 'aws', region: null },
    ];
    for (const body of bodies) {
      const res = await api('PUT', p.one('192.0.2.3'), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.errors[0].code, JSON.stringify(body)).toBe(1001);
    }
    expect((await api('GET', p.one('192.0.2.3'))).status).toBe(404);
  });

  test('unknown body fields are allowed (no additionalProperties: false in the spec)', async ({ api, zone }) => {
    const res = await api('PUT', paths(zone).one('192.0.2.4'), { ...mapping('192.0.2.4'), note: 'extra' });
    expect(res.status).toBe(200);
    expect(res.json.result).not.toHaveProperty('note');
  });

  test('modified_on: second precision, kept by an identical repeat, taken from the clock on a change, never backwards (decision 9)', async () => {
    let clock = Date.parse('2026-03-01T12:00:00.750Z');
    await withServer({ now: () => clock }, async (_server, api) => {
      const p = paths('0123456789abcdef0123456789abcdef');
      const put = async (vendor: 'aws' | 'gcp', region: string) =>
        (await api('PUT', p.one('192.0.2.1'), mapping('192.0.2.1', vendor, region), JSON_HEADERS)).json.result.modified_on;
      expect(await put('aws', 'us-east-1')).toBe('2026-03-01T12:00:00Z');
      clock += 60_000;
      expect(await put('aws', 'us-east-1')).toBe('2026-03-01T12:00:00Z'); // identical: unchanged
      expect(await put('gcp', 'us-central1')).toBe('2026-03-01T12:01:00Z');
      clock -= 3_600_000; // the clock goes back an hour
      expect(await put('aws', 'us-east-1')).toBe('2026-03-01T12:01:00Z'); // changed, but not backwards
    });
  });
});
