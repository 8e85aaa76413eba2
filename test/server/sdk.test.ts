// The official SDK (npm "cloudflare") as a real client of the reference server, for all seven methods
// (its method names are the sdkMethod column of contract/operations.ts). maxRetries 0 so that an error
// surfaces instead of being retried.
import Cloudflare, { BadRequestError, NotFoundError, PermissionDeniedError } from 'cloudflare';
import { expect, mapping, TOKEN, test } from './fixtures';

const sdk = (baseURL: string, apiToken = TOKEN) => new Cloudflare({ apiToken, baseURL, maxRetries: 0 });

test.describe('official SDK against the reference server', () => {
  test('update creates and replaces a mapping (200 both times) and returns the canonical address', async ({ server, zone }) => {
    const regions = sdk(server.url).cache.originCloudRegions;
    const created = await regions.update('2001:DB8:0::1', { zone_id: zone, ...mapping('2001:db8::1', 'aws', 'us-east-1') });
    expect(created).toMatchObject({ origin_ip: '2001:db8::1', vendor: 'aws', region: 'us-east-1' });
    expect(created.modified_on).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const replaced = await regions.update('2001:db8::1', { zone_id: zone, ...mapping('2001:db8::1', 'gcp', 'us-central1') });
    expect(replaced).toMatchObject({ origin_ip: '2001:db8::1', vendor: 'gcp', region: 'us-central1' });
  });

  test('get returns the mapping under any spelling of the address', async ({ server, zone }) => {
    const regions = sdk(server.url).cache.originCloudRegions;
    await regions.update('192.0.2.10', { zone_id: zone, ...mapping('192.0.2.10') });
    await regions.update('::ffff:198.51.100.7', { zone_id: zone, ...mapping('::ffff:c633:6407', 'oci', 'us-ashburn-1') });
    expect(await regions.get('192.0.2.10', { zone_id: zone })).toMatchObject(mapping('192.0.2.10'));
    // The SDK sends the colons raw; the server canonicalizes to mixed notation (decision 5).
    expect(await regions.get('0:0:0:0:0:ffff:c633:6407', { zone_id: zone })).toMatchObject({
      origin_ip: '::ffff:198.51.100.7', vendor: 'oci',
    });
  });

  test('list with for-await walks several pages and stops on the empty page', async ({ server, zone }) => {
    const client = sdk(server.url);
    const body = Array.from({ length: 25 }, (_, i) => mapping(`203.0.113.${i + 1}`));
    await client.cache.originCloudRegions.bulkUpdate({ zone_id: zone, body });
    const seen: string[] = [];
    for await (const item of client.cache.originCloudRegions.list({ zone_id: zone, per_page: 7 })) seen.push(item.origin_ip);
    expect(seen).toEqual(body.map((m) => m.origin_ip)); // creation order, 4 pages of 7 then []
  });

  test('delete removes one mapping and returns its canonical address', async ({ server, zone }) => {
    const regions = sdk(server.url).cache.originCloudRegions;
    await regions.update('2001:db8::5', { zone_id: zone, ...mapping('2001:db8::5') });
    expect(await regions.delete('2001:0db8:0:0:0:0:0:5', { zone_id: zone })).toEqual({ origin_ip: '2001:db8::5' });
    await expect(regions.get('2001:db8::5', { zone_id: zone })).rejects.toBeInstanceOf(NotFoundError);
  });

  test('bulkUpdate merges and reports succeeded and failed items', async ({ server, zone }) => {
    const regions = sdk(server.url).cache.originCloudRegions;
    await regions.update('198.51.100.1', { zone_id: zone, ...mapping('198.51.100.1') });
    const result = await regions.bulkUpdate({
      zone_id: zone,
      body: [mapping('192.0.2.1'), mapping('2001:db8::1', 'gcp', 'us-central1'), mapping('192.0.2.300'), mapping('192.0.2.2', 'aws', 'nowhere-1')],
    });
    expect(result.succeeded).toEqual([mapping('192.0.2.1'), mapping('2001:db8::1', 'gcp', 'us-central1')]);
    expect(result.failed.map((f) => f.origin_ip)).toEqual(['192.0.2.300', '192.0.2.2']);
    expect(result.failed.every((f) => typeof f.error === 'string')).toBe(true);
    const all = [];
    for await (const item of regions.list({ zone_id: zone })) all.push(item.origin_ip);
    expect(all.sort()).toEqual(['192.0.2.1', '198.51.100.1', '2001:db8::1']);
  });

  test('bulkDelete sends its address array through the body request option', async ({ server, zone }) => {
    const regions = sdk(server.url).cache.originCloudRegions;
    await regions.bulkUpdate({ zone_id: zone, body: [mapping('192.0.2.1'), mapping('192.0.2.2', 'azure', 'eastus')] });
    // bulkDelete has no body parameter; RequestOptions.body is JSON-encoded by the SDK's buildBody.
    const result = await regions.bulkDelete({ zone_id: zone }, { body: ['192.0.2.2', '192.0.2.99'] });
    expect(result.succeeded).toEqual([{ origin_ip: '192.0.2.2', region: 'eastus', vendor: 'azure' }]);
    expect(result.failed).toEqual([{ origin_ip: '192.0.2.99', error: expect.any(String) }]);
    // Without a body nothing is deleted: 400 (decision 7).
    await expect(regions.bulkDelete({ zone_id: zone })).rejects.toBeInstanceOf(BadRequestError);
    expect(await regions.get('192.0.2.1', { zone_id: zone })).toMatchObject({ origin_ip: '192.0.2.1' });
  });

  test('supportedRegions lists the four vendors with the spec example pairs', async ({ server, zone }) => {
    const result = await sdk(server.url).cache.originCloudRegions.supportedRegions({ zone_id: zone });
    expect(result.obtained_codes).toBe(true);
    expect(Object.keys(result.vendors).sort()).toEqual(['aws', 'azure', 'gcp', 'oci']);
    expect(result.vendors.aws).toEqual(expect.arrayContaining([
      { name: 'us-east-1', upper_tier_colos: ['IAD', 'EWR'] },
      { name: 'us-west-2', upper_tier_colos: ['SEA'] },
    ]));
    expect(result.vendors.gcp).toContainEqual({ name: 'us-central1', upper_tier_colos: ['ORD'] });
  });

  test('SDK error classes: BadRequestError for 400 (code 1146 mismatch), PermissionDeniedError for 403, NotFoundError for 404', async ({ server, zone }) => {
    const regions = sdk(server.url).cache.originCloudRegions;
    const mismatch = await regions.update('192.0.2.1', { zone_id: zone, ...mapping('192.0.2.2') }).catch((e: unknown) => e);
    expect(mismatch).toBeInstanceOf(BadRequestError);
    expect((mismatch as BadRequestError).errors).toEqual([expect.objectContaining({ code: 1146 })]);
    const denied = await sdk(server.url, 'wrong-token').cache.originCloudRegions.list({ zone_id: zone }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(PermissionDeniedError);
    expect((denied as PermissionDeniedError).errors).toEqual([expect.objectContaining({ code: 9109 })]);
    const missing = await regions.get('192.0.2.77', { zone_id: zone }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).errors).toEqual([expect.objectContaining({ code: 1142 })]);
  });
});
