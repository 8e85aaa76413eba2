// Listing a whole zone for the harness's own bookkeeping (preflight snapshot, cleanup, zone guard),
// never judging the target.
import type { ApiClient } from '../transport/client';
import { MAPPING_LIMIT, PER_PAGE_DEFAULT, PER_PAGE_MAX, type Mapping } from '../../contract';
import { sleep } from '../transport/throttle';

/** Page sizes tried in turn: 100 is valid (per_page 1..100), the others keep a target that refuses it usable. */
const PAGE_SIZES = [PER_PAGE_MAX, 50, PER_PAGE_DEFAULT] as const;
/** A zone holds at most 3,500 mappings: more than this many listed means the listing cannot be trusted. */
export const SNAPSHOT_MAX = 6000;

export class ListingError extends Error {}

/**
 * Lists a whole zone for the harness's own bookkeeping (snapshot, cleanup, counts), never judging
 * the target: a page size it refuses falls back to a smaller one (then to no per_page at all), a
 * 5xx is retried twice (a dropped connection is the transport's to retry); the target's defects are
 * the list checks' to report.
 * Stops on an empty or short page (never trusting total_pages alone). Throws a ListingError naming
 * the last answer when no page size works, or when the zone lists more than SNAPSHOT_MAX mappings.
 */
export async function listAll(client: ApiClient): Promise<Mapping[]> {
  let last = '';
  for (const size of [...PAGE_SIZES, undefined]) {
    const out: Mapping[] = [];
    let ok = true;
    for (let page = 1; ok; page++) {
      const res = await listPage(client, page, size);
      const items = res?.json?.result;
      if (!res || res.status !== 200 || !Array.isArray(items)) {
        last = res ? `HTTP ${res.status} ${res.bodyText.slice(0, 200)}` : 'no answer';
        ok = false;
        break;
      }
      out.push(...(items as Mapping[]));
      if (out.length > SNAPSHOT_MAX)
        throw new ListingError(`the zone lists more than ${SNAPSHOT_MAX} mappings (the limit is ${MAPPING_LIMIT}): too large to snapshot`);
      if (items.length === 0 || items.length < (size ?? PER_PAGE_DEFAULT)) return out;
    }
  }
  throw new ListingError(`listing the zone failed at every page size (100, 50, 20, the default): last answer ${last}`);
}

async function listPage(client: ApiClient, page: number, perPage: number | undefined) {
  // No HTTP answer at all (the transport has retried already) is the caller's: an unreachable target.
  let res;
  for (let attempt = 0; attempt < 3; attempt++) {
    res = await client.list(perPage ? { page, per_page: perPage } : { page });
    if (res.status < 500) return res;
    await sleep(200 * (attempt + 1));
  }
  return res;
}
