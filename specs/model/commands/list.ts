// List the zone, 100 a page, until an empty page (as the SDK's paginator does). The zone is shared
// with tests that write in parallel, so only the pool's addresses are judged: one present in the
// model is listed exactly once with the model's vendor and region; one absent from it is not listed.
import { expect } from '../../../suite/judging/expect';
import fc from 'fast-check';
import type { ApiResponse } from '../../../suite/transport/client';
import { PER_PAGE_MAX, type Mapping } from '../../../contract';
import { canonical, canonicalOf, parseAddress } from '../../../suite/ip/oracle';
import { COLLECTION, type Model, type Real, checkMapping } from '../model';

const PER_PAGE = PER_PAGE_MAX;

interface Listing {
  /** The entries naming a pool address, with the page that listed them. */
  seen: Array<{ key: string; item: Mapping; page: number; res: ApiResponse }>;
  responses: ApiResponse[];
  /** An empty page ended the listing (false: the page cap did). */
  complete: boolean;
}

export class ListCommand implements fc.AsyncCommand<Model, Real> {
  check(): boolean {
    return true;
  }

  async run(m: Model, r: Real): Promise<void> {
    const step = ++m.step;
    const what = `step ${step}, ${this}`;
    const pool = new Set(m.world.pool.map(canonical));
    let listing = await collect(r, pool, what);
    // Other tests write the zone while the pages are read, and an offset page can then skip or
    // repeat an entry at a page boundary: a cross-page miss or repeat counts only when a second
    // listing shows it too. A single page is one answer and needs no second look.
    if (listing.complete && listing.responses.length > 2 && acrossPages(m, listing).length) listing = await collect(r, pool, what);

    for (const key of new Set(listing.seen.map((s) => s.key))) {
      const entries = listing.seen.filter((s) => s.key === key);
      if (!m.mappings.has(key)) {
        r.verify.cite('MODEL-CONSISTENT');
        await r.verify.check(
          m.blame(key, 'LIST-REFLECTS-WRITES'),
          () => expect(entries.map((e) => `${e.item.origin_ip} on page ${e.page}`), `${what}: ${m.explain(key)}, so the list does not show it`).toEqual([]),
          entries.map((e) => e.res),
        );
        continue;
      }
      for (const e of entries) {
        const target = { address: parseAddress(key)!, key, text: e.item.origin_ip };
        await checkMapping(r, m, target, e.item, e.res, `${what}, page ${e.page}`, 'LIST-REFLECTS-WRITES');
      }
      for (const page of new Set(entries.map((e) => e.page))) {
        const onPage = entries.filter((e) => e.page === page);
        if (onPage.length > 1)
          await r.verify.check(
            m.blameDuplicate(key),
            () => expect(onPage.map((e) => e.item.origin_ip), `${what}: page ${page} lists ${key} once (one mapping per address)`).toHaveLength(1),
            onPage[0]!.res,
          );
      }
    }
    r.verify.cite('LIST-REFLECTS-WRITES');
    if (!listing.complete) return; // the page cap ended the listing: a pool address may sit further on
    for (const key of acrossPages(m, listing)) {
      const pages = listing.seen.filter((s) => s.key === key).map((s) => s.page);
      await r.verify.check(
        pages.length === 0 ? m.blame(key, 'LIST-REFLECTS-WRITES') : 'LIST-PAGES-PARTITION',
        () => expect(pages, `${what}: ${m.explain(key)}, so the pages list it exactly once (listed on pages [${pages.join(', ')}])`).toHaveLength(1),
        listing.responses,
      );
    }
  }

  toString(): string {
    return `GET ${COLLECTION}?page=1,2,…&per_page=${PER_PAGE} (until an empty page)`;
  }
}

/** Keys the model holds that the listing does not show exactly once. */
function acrossPages(m: Model, listing: Listing): string[] {
  return [...m.mappings.keys()].filter((key) => listing.seen.filter((s) => s.key === key).length !== 1);
}

async function collect(r: Real, pool: ReadonlySet<string>, what: string): Promise<Listing> {
  const listing: Listing = { seen: [], responses: [], complete: false };
  for (let page = 1; page <= r.maxListPages; page++) {
    const res = await r.api.list({ page, per_page: PER_PAGE });
    listing.responses.push(res);
    await r.verify.check('LIST-REFLECTS-WRITES', () => expect(res.status, `${what}: page ${page} answers 200`).toBe(200), res);
    const items = res.json?.result;
    if (!Array.isArray(items)) return listing; // the response check has recorded why
    if (items.length === 0) {
      listing.complete = true;
      return listing;
    }
    for (const item of items) {
      const key = typeof item?.origin_ip === 'string' ? canonicalOf(item.origin_ip) : null;
      if (key !== null && pool.has(key)) listing.seen.push({ key, item, page, res });
    }
  }
  return listing;
}

export function listCommand(): fc.Arbitrary<ListCommand> {
  return fc.constant(new ListCommand());
}
