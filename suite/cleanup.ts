// Puts a zone back the way the preflight snapshot found it, from the run's journal: addresses the
// run created are deleted, pre-existing mappings it touched are restored (only where they differ, so
// an unchanged mapping keeps its modified_on). Used by global teardown, and by `npm run
// conformance:cleanup` for a run that was killed. Then every mapping of the preflight snapshot that
// is gone or changed (a defective target may lose ones the run never wrote) is put back from it
// (zone-guard.ts); nothing else the run never journaled is touched.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiClient } from './client';
import { chunks, inParallel } from './concurrency';
import { canonicalOf } from './ip/oracle';
import { MAPPING_LIMIT, MAX_BATCH, PER_PAGE_DEFAULT, PER_PAGE_MAX, type Mapping } from '../contract';
import { lastLines, readJson, writeJsonAtomic, type RunInfo } from './journal';
import { guardZones, type Restoration } from './zone-guard';

export interface CleanupResult {
  deleted: number;
  restored: number;
  /** What was left behind: the run stays pending for conformance:cleanup. */
  problems: string[];
  /** What went wrong without leaving anything behind. */
  warnings: string[];
  /** Mappings the run never wrote that were gone or changed, put back from the preflight snapshot. */
  fromSnapshot: Restoration[];
}

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
    await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
  }
  return res;
}

/**
 * Every key the run ever touched is compared with what the zone holds now, from one listing of the
 * zone: a target that answered 200 to a DELETE and kept the mapping is not believed. Where the
 * listing itself fails, the journal's own record (the keys never seen back to their preflight
 * state) is used instead, with one GET per pre-existing key. The batch chunks are independent of
 * each other: up to `concurrency` of them are in flight at once.
 */
export async function cleanupRun(runDir: string, client: ApiClient, after = 'the end of the run', concurrency = 1): Promise<CleanupResult> {
  const result: CleanupResult = { deleted: 0, restored: 0, problems: [], warnings: [], fromSnapshot: [] };
  const last = lastLines(runDir);
  for (const zone of new Set(last.map((l) => l.zone))) {
    const c = zone === client.zoneId ? client : client.inZone(zone);
    const lines = last.filter((l) => l.zone === zone);
    let current: Map<string, Mapping> | undefined;
    try {
      current = new Map((await listAll(c)).map((m) => [canonicalOf(m.origin_ip) ?? m.origin_ip, m]));
    } catch (e) {
      result.warnings.push(`zone ${zone}: ${(e as Error).message}; cleaned up from the journal alone`);
    }
    const open = current ? lines : lines.filter((l) => l.t === 'touch');
    // Created by the run: delete what is (or may be) still there, under the text the target shows.
    const created = open
      .filter((l) => !l.prev && (!current || current.has(l.key)))
      .map((l) => current?.get(l.key)?.origin_ip ?? l.key);
    await deleteAll(c, created, zone, result, concurrency);
    // Pre-existing: restore where it differs from the preflight snapshot.
    const restore: Mapping[] = [];
    for (const l of open) {
      if (!l.prev) continue;
      const cur = current ? current.get(l.key) : await c.get(l.prev.origin_ip).then((r) => (r.status === 200 ? r.json?.result : undefined));
      if (!cur || cur.vendor !== l.prev.vendor || cur.region !== l.prev.region) restore.push(l.prev);
    }
    await restoreAll(c, restore, zone, result, concurrency);
  }
  // Then every address of the snapshot, journaled or not: what a defective target lost on its own.
  const guard = await guardZones(runDir, client, { after, all: true });
  result.fromSnapshot = guard.restorations;
  result.problems.push(...guard.problems);
  if (result.problems.length) return result;
  const infoFile = path.join(runDir, 'run.json');
  if (fs.existsSync(infoFile)) writeJsonAtomic(infoFile, { ...readJson<RunInfo>(infoFile), completed: new Date().toISOString() });
  return result;
}

async function deleteAll(c: ApiClient, keys: string[], zone: string, result: CleanupResult, concurrency: number): Promise<void> {
  await inParallel(chunks(keys, MAX_BATCH), concurrency, async (chunk) => {
    const res = await c.batchDelete(chunk);
    if (res.status === 200 && Array.isArray(res.json?.result?.succeeded)) {
      result.deleted += res.json!.result!.succeeded.length;
      return;
    }
    // A target whose batch DELETE is broken: one DELETE per address (in this chunk's lane).
    for (const key of chunk) {
      const r = await c.delete(key);
      if (r.status === 200) result.deleted++;
      else if (r.status !== 404) result.problems.push(`could not delete ${key} in zone ${zone}: HTTP ${r.status}`);
    }
  });
}

async function restoreAll(c: ApiClient, mappings: Mapping[], zone: string, result: CleanupResult, concurrency: number): Promise<void> {
  await inParallel(chunks(mappings, MAX_BATCH), concurrency, async (chunk) => {
    const items = chunk.map(({ origin_ip, region, vendor }) => ({ origin_ip, region, vendor }));
    const res = await c.batchPut(items);
    if (res.status === 200) result.restored += (res.json?.result?.succeeded ?? []).length;
    for (const item of res.status === 200 ? (res.json?.result?.failed ?? []) : items)
      result.problems.push(`could not restore ${item.origin_ip} in zone ${zone} (HTTP ${res.status})`);
  });
}

/** Finished runs kept in CONFORMANCE_STATE_DIR (for a look at their journals); older ones are pruned. */
export const KEEP_FINISHED_RUNS = 10;

/**
 * Removes the directories of finished runs beyond the newest KEEP_FINISHED_RUNS. Unfinished runs
 * (killed: conformance:cleanup needs their journal and snapshot) and `current` are always kept.
 */
export function pruneStateDir(stateDir: string, current?: string): number {
  if (!fs.existsSync(stateDir)) return 0;
  const finished = fs
    .readdirSync(stateDir)
    .map((d) => path.join(stateDir, d))
    .filter((d) => d !== current && fs.existsSync(path.join(d, 'run.json')))
    .flatMap((dir) => {
      try {
        const info = readJson<RunInfo>(path.join(dir, 'run.json'));
        return info.completed ? [{ dir, startedAt: info.startedAt }] : [];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const old = finished.slice(KEEP_FINISHED_RUNS);
  for (const { dir } of old) fs.rmSync(dir, { recursive: true, force: true });
  return old.length;
}

/** Run directories whose cleanup never completed (a killed run), oldest first. */
export function pendingRuns(stateDir: string): Array<{ dir: string; info: RunInfo }> {
  if (!fs.existsSync(stateDir)) return [];
  return fs
    .readdirSync(stateDir)
    .map((d) => path.join(stateDir, d))
    .filter((d) => fs.existsSync(path.join(d, 'run.json')))
    .map((dir) => ({ dir, info: readJson<RunInfo>(path.join(dir, 'run.json')) }))
    .filter((r) => !r.info.completed)
    .sort((a, b) => a.info.startedAt.localeCompare(b.info.startedAt));
}
