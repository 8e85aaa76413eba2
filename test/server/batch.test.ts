// Batch PUT and batch DELETE (openapi batch operations; decision 7).
import { expect, listAll, mapping, paths, test } from './fixtures';

test.describe('PUT batch', () => {
  test('merges: mappings not in the batch are kept, items in it are created or replaced', async ({ api, zone }) => {
    const p = paths(zone);
    await api('PUT', p.one('192.0.2.1'), mapping('192.0.2.1'));
    await api('PUT', p.one('192.0.2.2'), mapping('192.0.2.2'));
    const res = await api('PUT', p.batch, [mapping('192.0.2.2', 'oci', 'us-phoenix-1'), mapping('2001:DB8::3')]);
    expect(res.json).toEqual({
      success: true, errors: [], messages: [],
      result: { succeeded: [mapping('192.0.2.2', 'oci', 'us-phoenix-1'), mapping('2001:db8::3')], failed: [] },
    });
    expect((await listAll(api, zone)).map((m) => `${m.origin_ip} ${m.vendor}`)).toEqual(['192.0.2.1 aws', '192.0.2.2 oci', '2001:db8::3 aws']);
  });

  test('each item is validated on its own; failed items carry origin_ip as given and an error', async ({ api, zone }) => {
    const res = await api('PUT', paths(zone).batch, [
      mapping('192.0.2.10'),
      mapping('192.0.2.010'),
      { origin_ip: '192.0.2.11', vendor: 'aws' },
      mapping('192.0.2.12', 'aws', 'us-central1'),
      'not an object',
      { origin_ip: 7, vendor: 'aws', region: 'us-east-1' },
    ]);
    expect(res.status).toBe(200);
    expect(res.json.result.succeeded).toEqual([mapping('192.0.2.10')]);
    expect(res.json.result.failed).toEqual([
      { origin_ip: '192.0.2.010', error: expect.any(String) },
      { origin_ip: '192.0.2.11', error: expect.any(String) },
      { origin_ip: '192.0.2.12', error: expect.any(String) },
      { origin_ip: '', error: expect.any(String) },
      { origin_ip: '7', error: expect.any(String) },
    ]);
    expect((await listAll(api, zone)).map((m) => m.origin_ip)).toEqual(['192.0.2.10']);
  });

  test('duplicates of one address make one mapping, the last item wins', async ({ api, zone }) => {
    await api('PUT', paths(zone).batch, [mapping('2001:db8::1'), mapping('2001:0DB8::0:1', 'gcp', 'us-central1')]);
    const all = await listAll(api, zone);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject(mapping('2001:db8::1', 'gcp', 'us-central1'));
  });

  test('100 items are accepted; 101 items are 400 and nothing is applied', async ({ api, zone }) => {
    const items = (n: number, third: number) => Array.from({ length: n }, (_, i) => mapping(`10.${third}.${i >> 8}.${i & 255}`));
    expect((await api('PUT', paths(zone).batch, items(100, 1))).status).toBe(200);
    const res = await api('PUT', paths(zone).batch, items(101, 2));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].code).toBe(1001);
    expect(await listAll(api, zone)).toHaveLength(100);
  });

  test('a body that is not a top-level array, or no body, is 400 code 1001', async ({ api, zone }) => {
    for (const body of [undefined, mapping('192.0.2.1'), { items: [mapping('192.0.2.1')] }, '"192.0.2.1"', 'null']) {
      const res = await api('PUT', paths(zone).batch, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.errors[0].code, JSON.stringify(body)).toBe(1001);
    }
    expect(await listAll(api, zone)).toEqual([]);
  });
});

test.describe('DELETE batch', () => {
  test('deletes the found addresses, reports absent and invalid ones in failed', async ({ api, zone }) => {
    const p = paths(zone);
    await api('PUT', p.batch, [mapping('192.0.2.1'), mapping('2001:db8::1', 'gcp', 'us-central1'), mapping('192.0.2.3')]);
    const res = await api('DELETE', p.batch, ['192.0.2.1', '2001:DB8::1', '192.0.2.99', 'nonsense', 12]);
    expect(res.status).toBe(200);
    expect(res.json.result).toEqual({
      succeeded: [mapping('192.0.2.1'), mapping('2001:db8::1', 'gcp', 'us-central1')],
      failed: [
        { origin_ip: '192.0.2.99', error: expect.any(String) },
        { origin_ip: 'nonsense', error: expect.any(String) },
        { origin_ip: '12', error: expect.any(String) },
      ],
    });
    expect((await listAll(api, zone)).map((m) => m.origin_ip)).toEqual(['192.0.2.3']);
  });

  test('a missing, zero-length or non-array body is 400 and deletes nothing (decision 7)', async ({ api, zone }) => {
    const p = paths(zone);
    await api('PUT', p.one('192.0.2.1'), mapping('192.0.2.1'));
    for (const body of [undefined, '', '{}', '"192.0.2.1"', { origin_ip: '192.0.2.1' }]) {
      const res = await api('DELETE', p.batch, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.success).toBe(false);
    }
    expect(await listAll(api, zone)).toHaveLength(1);
  });

  test('more than 100 addresses is 400 and deletes nothing; an empty array deletes nothing with 200', async ({ api, zone }) => {
    const p = paths(zone);
    await api('PUT', p.one('192.0.2.1'), mapping('192.0.2.1'));
    const res = await api('DELETE', p.batch, ['192.0.2.1', ...Array.from({ length: 100 }, (_, i) => `10.0.0.${i}`)]);
    expect(res.status).toBe(400);
    expect((await api('DELETE', p.batch, [])).json.result).toEqual({ succeeded: [], failed: [] });
    expect(await listAll(api, zone)).toHaveLength(1);
  });
});
