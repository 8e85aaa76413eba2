// Zone isolation, decision 12: "Mappings of one zone MUST NOT be visible or counted in another zone.
// This holds for every operation: a read, write or delete (single or batch) in one zone never reads,
// changes or removes a mapping of another zone, and each zone's 3,500 limit counts that zone's
// mappings only." Needs CONFORMANCE_ZONE_ID_B (the embedded target has one). The cells are the matrix
// row of ZONE-ISOLATION (suite/judging/requirements.ts); the two limit cells are checked by the limit
// scenario (specs/limit.spec.ts), which fills zone A only once.
import { cells, covers, expect, test, zoneWide, type AddressBook } from '../fixtures';
import { ipv6Address } from '../suite/ip/arbitraries';
import { canonical } from '../suite/ip/oracle';
import type { Mapping } from '../contract';

/** A fresh address free in both zones. */
function freshInBoth(addresses: AddressBook, zoneB: string): string {
  for (let i = 0; i < 100; i++) {
    const ip = addresses.fresh(ipv6Address().map(canonical));
    if (addresses.claim(ip, zoneB)) return ip;
  }
  throw new Error('no documentation-range address is free in both zones');
}

const ID = 'ZONE-ISOLATION';

test.describe('zone isolation', () => {
  test(
    "a mapping of zone A is untouched by every operation in zone B: GET, DELETE and batch DELETE there find nothing; PUT, DELETE and batch PUT there act on zone B's own mapping of the same address only",
    cells(covers(ID), ID, ['get', 'put', 'delete', 'batch-put', 'batch-delete']),
    async ({ api, apiB, addresses, regions, verify }) => {
      const ip = freshInBoth(addresses, apiB.zoneId);
      const onlyB = freshInBoth(addresses, apiB.zoneId);
      const pair = regions.pair(0);
      const other = regions.other(pair);
      const put = await api.put(ip, { origin_ip: ip, ...pair });
      await verify.check('PUT-CREATE', () => expect(put.status, `PUT ${ip} in zone A`).toBe(200));

      const get = await apiB.get(ip);
      await verify.checkCell(ID, 'get', () => expect(get.status, `GET ${ip} in zone B`).toBe(404));
      const del = await apiB.delete(ip);
      await verify.checkCell(ID, 'delete', () => expect(del.status, `DELETE ${ip} in zone B, where it has no mapping`).toBe(404));
      const batchDel = await apiB.batchDelete([ip]);
      await verify.checkCell(ID, 'batch-delete', () =>
        expect(batchDel.json?.result?.succeeded ?? [], `batch DELETE [${ip}] in zone B deletes nothing`).toEqual([]),
      );

      // Zone B gets a mapping of the same address (created while zone B has none, so a write that
      // looked the address up in every zone would land in zone A), deletes it, and creates it again
      // by batch: all of it zone B's own.
      const putB = await apiB.put(ip, { origin_ip: ip, ...other });
      await verify.check('PUT-CREATE', () => expect(putB.status, `PUT ${ip} in zone B`).toBe(200));
      const delB = await apiB.delete(ip);
      await verify.check('DELETE-REMOVES', () => expect(delB.status, `DELETE ${ip} in zone B, where it now has a mapping`).toBe(200));
      const batchB = await apiB.batchPut([
        { origin_ip: ip, ...other },
        { origin_ip: onlyB, ...other },
      ]);
      await verify.check('BATCH-PUT-APPLIES', () => expect(batchB.status, `batch PUT of ${ip} and ${onlyB} in zone B`).toBe(200));

      const kept = await api.get(ip);
      await verify.checkCell(ID, ['put', 'batch-put', 'delete', 'batch-delete'], () =>
        expect(kept.json?.result, `${ip} keeps its zone A mapping after the writes and deletes in zone B`).toMatchObject({ origin_ip: ip, ...pair }),
      );
      const notInA = await api.delete(onlyB);
      await verify.checkCell(ID, 'batch-put', () => expect(notInA.status, `${onlyB}, written by batch in zone B only, is not in zone A`).toBe(404));
      const cleanup = await api.delete(ip);
      await verify.check('DELETE-REMOVES', () => expect(cleanup.status, `DELETE ${ip} in zone A`).toBe(200));
    },
  );

  test(
    "mappings written in zone A are neither listed nor counted in zone B: zone B's total_count does not change",
    zoneWide(cells(covers(ID, 'LIST-RESULT-INFO'), ID, ['list', 'list:count'])),
    async ({ api, apiB, addresses, regions, verify }) => {
      const own = [0, 1, 2].map(() => freshInBoth(addresses, apiB.zoneId));
      const before = await apiB.list({ per_page: 100 });
      const totalBefore = (before.json?.result_info as { total_count?: unknown } | undefined)?.total_count;
      await verify.check('LIST-RESULT-INFO', () => expect(typeof totalBefore, 'zone B: result_info.total_count is a number').toBe('number'));
      const put = await api.batchPut(own.map((ip) => ({ origin_ip: ip, ...regions.pair(0) })));
      await verify.check('BATCH-PUT-APPLIES', () => expect(put.status, 'batch PUT of 3 mappings in zone A').toBe(200));
      const listed: Mapping[] = [];
      let totalAfter: unknown;
      for (let page = 1; page <= Math.max(1, Math.ceil((totalBefore as number) / 100)); page++) {
        const res = await apiB.list({ page, per_page: 100 });
        totalAfter = (res.json?.result_info as { total_count?: unknown } | undefined)?.total_count;
        listed.push(...(Array.isArray(res.json?.result) ? res.json!.result! : []));
      }
      await verify.checkCell(ID, 'list:count', () => expect(totalAfter, "zone B's total_count after zone A gained 3 mappings").toBe(totalBefore));
      await verify.checkCell(ID, 'list', () =>
        expect(listed.map((m) => m.origin_ip).filter((ip) => own.includes(ip)), "zone A's mappings listed in zone B").toEqual([]),
      );
      const del = await api.batchDelete(own);
      await verify.check('BATCH-DELETE-APPLIES', () => expect(del.status, 'batch DELETE of the 3 in zone A').toBe(200));
    },
  );
});
