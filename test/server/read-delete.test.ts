// GET one, DELETE one, and the list (pagination), each in a fresh zone.
import { expect, mapping, paths, test } from './fixtures';

test.describe('GET and DELETE one mapping', () => {
  test('GET of an absent mapping is 404 code 1142 (decision 8)', async ({ api, zone }) => {
    const res = await api('GET', paths(zone).one('192.0.2.1'));
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ success: false, errors: [{ code: 1142, message: expect.any(String) }], messages: [], result: null });
  });

  test('DELETE answers { origin_ip: <canonical> }, removes the mapping, and a second DELETE is 404 code 1142', async ({ api, zone }) => {
    const p = paths(zone);
    await api('PUT', p.one('2001:db8::a'), mapping('2001:db8::a'));
    const res = await api('DELETE', p.one('2001:DB8:0:0:0:0:0:A'));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true, errors: [], messages: [], result: { origin_ip: '2001:db8::a' } });
    expect((await api('GET', p.one('2001:db8::a'))).status).toBe(404);
    const again = await api('DELETE', p.one('2001:db8::a'));
    expect(again.status).toBe(404);
    expect(again.json.errors[0].code).toBe(1142);
  });

  test('an invalid address in the path is 400 code 1146 for GET and DELETE', async ({ api, zone }) => {
    for (const method of ['GET', 'DELETE']) {
      const res = await api(method, paths(zone).one('192.0.2.256'));
      expect(res.status, method).toBe(400);
      expect(res.json.errors[0].code, method).toBe(1146);
    }
  });
});

test.describe('GET list', () => {
  test('an empty zone lists result [] with total_pages 0', async ({ api, zone }) => {
    const res = await api('GET', paths(zone).list);
    expect(res.json).toEqual({
      success: true, errors: [], messages: [], result: [],
      result_info: { page: 1, per_page: 20, count: 0, total_count: 0, total_pages: 0 },
    });
  });

  test('pages follow creation order; a replace keeps its place; past the end is 200 with result []', async ({ api, zone }) => {
    const p = paths(zone);
    const ips = Array.from({ length: 7 }, (_, i) => `198.51.100.${i + 1}`);
    await api('PUT', p.batch, ips.map((ip) => mapping(ip)));
    await api('PUT', p.one(ips[0]!), mapping(ips[0]!, 'gcp', 'us-central1'));
    const page2 = await api('GET', `${p.list}?page=2&per_page=3`);
    expect(page2.json.result.map((m: { origin_ip: string }) => m.origin_ip)).toEqual(ips.slice(3, 6));
    expect(page2.json.result_info).toEqual({ page: 2, per_page: 3, count: 3, total_count: 7, total_pages: 3 });
    const page1 = await api('GET', `${p.list}?per_page=3`);
    expect(page1.json.result[0]).toMatchObject(mapping(ips[0]!, 'gcp', 'us-central1'));
    const past = await api('GET', `${p.list}?page=4&per_page=3`);
    expect(past.status).toBe(200);
    expect(past.json.result).toEqual([]);
    expect(past.json.result_info).toEqual({ page: 4, per_page: 3, count: 0, total_count: 7, total_pages: 3 });
  });

  test('page and per_page must be decimal integers in range, else 400 code 1146', async ({ api, zone }) => {
    const bad = ['per_page=0', 'per_page=101', 'per_page=abc', 'per_page=1.5', 'per_page=-1', 'per_page=', 'per_page=1e2',
      'page=0', 'page=-1', 'page=abc', 'page=1.5', 'page=', 'page=0x10', 'page=1&page=2', 'page=99999999999999999999'];
    for (const query of bad) {
      const res = await api('GET', `${paths(zone).list}?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.json.errors[0].code, query).toBe(1146);
    }
    for (const query of ['per_page=1', 'per_page=100', 'page=1', 'page=5000', 'unknown=1']) {
      expect((await api('GET', `${paths(zone).list}?${query}`)).status, query).toBe(200);
    }
  });
});
