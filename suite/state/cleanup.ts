// Puts a zone back the way the preflight snapshot found it, from the run's journal: addresses the
// run created are deleted, pre-existing mappings it touched are restored (only where they differ, so
// an unchanged mapping keeps its modified_on). Used by global teardown, and by `npm run
// conformance:cleanup` for a run that was killed. Then every mapping of the preflight snapshot that
// is gone or changed (a defective target may lose ones the run never wrote) is put back from it
// (zone-guard.ts); nothing else the run never journaled is touched.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiClient } from '../transport/client';
import { chunks, inParallel } from '../transport/concurrency';
import { canonicalOf } from '../ip/oracle';
import { MAX_BATCH, type Mapping } from '../../contract';
import { listAll } from './listing';
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
