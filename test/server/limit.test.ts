// The 3,500-mappings limit, exactly (seed page; decisions 2 and 3). One zone filled per test.
import { expect, listAll, mapping, paths, randomZone, type Api, test } from './fixtures';

const LIMIT = 3500;
/** The n-th test address: 10.a.b.c, unique for n < 2^24. */
const ip = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

async function fill(api: Api, zone: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 100) {
    const body = Array.from({ length: Math.min(100, count - start) }, (_, i) => mapping(ip(start + i)));
    const res = await api('PUT', paths(zone).batch, body);
    expect(res.json.result.failed).toEqual([]);
  }
}

async function total(api: Api, zone: string): Promise<number> {
  return (await api('GET', `${paths(zone).list}?per_page=1`)).json.result_info.total_count;
}

test.describe('3,500 mappings per zone', () => {
  test('the 3,500th is accepted, the 3,501st is 403 code 1164 and not stored, a replace at the limit is 200', async ({ api }) => {
    const zone = randomZone();
    const p = paths(zone);
    await fill(api, zone, LIMIT - 1);
    const last = await api('PUT', p.one(ip(LIMIT - 1)), mapping(ip(LIMIT - 1)));
    expect(last.status).toBe(200);
    expect(await total(api, zone)).toBe(LIMIT);

    const over = await api('PUT', p.one(ip(LIMIT)), mapping(ip(LIMIT)));
    expect(over.status).toBe(403);
    expect(over.json).toEqual({ success: false, errors: [{ code: 1164, message: expect.any(String) }], messages: [], result: null });
    expect((await api('GET', p.one(ip(LIMIT)))).status).toBe(404);

    // Decision 2: repeating the PUT that created the 3,500th mapping, or changing it, succeeds.
    expect((await api('PUT', p.one(ip(LIMIT - 1)), mapping(ip(LIMIT - 1)))).status).toBe(200);
    expect((await api('PUT', p.one(ip(0)), mapping(ip(0), 'gcp', 'us-central1'))).status).toBe(200);

    // Decision 3 (whole-batch behaviour): a batch with a new address is refused entirely, its replaces too.
    const batch = await api('PUT', p.batch, [mapping(ip(1), 'oci', 'us-ashburn-1'), mapping(ip(LIMIT + 1))]);
    expect(batch.status).toBe(403);
    expect(batch.json.errors[0].code).toBe(1164);
    expect((await api('GET', p.one(ip(1)))).json.result.vendor).toBe('aws');
    // A batch of replaces only is fine at the limit.
    expect((await api('PUT', p.batch, [mapping(ip(2), 'oci', 'us-ashburn-1')])).status).toBe(200);
    expect(await total(api, zone)).toBe(LIMIT);

    // After a delete, one new mapping fits again, and only one.
    expect((await api('DELETE', p.one(ip(5)))).status).toBe(200);
    expect((await api('PUT', p.one(ip(LIMIT)), mapping(ip(LIMIT)))).status).toBe(200);
    expect((await api('PUT', p.one(ip(LIMIT + 2)), mapping(ip(LIMIT + 2)))).status).toBe(403);
    expect(await total(api, zone)).toBe(LIMIT);
    expect(new Set((await listAll(api, zone)).map((m) => m.origin_ip)).size).toBe(LIMIT);
  });

  test('a batch that would cross the limit changes nothing; one that reaches it exactly is applied', async ({ api }) => {
    const zone = randomZone();
    await fill(api, zone, LIMIT - 3);
    const crossing = Array.from({ length: 4 }, (_, i) => mapping(ip(LIMIT + i)));
    expect((await api('PUT', paths(zone).batch, crossing)).status).toBe(403);
    expect(await total(api, zone)).toBe(LIMIT - 3);
    // Duplicates and invalid items do not count as new mappings.
    const exact = [...crossing.slice(0, 3), mapping(ip(LIMIT)), mapping('not-an-ip')];
    const res = await api('PUT', paths(zone).batch, exact);
    expect(res.status).toBe(200);
    expect(res.json.result.succeeded).toHaveLength(4);
    expect(res.json.result.failed).toHaveLength(1);
    expect(await total(api, zone)).toBe(LIMIT);
  });
});
