// Puts a zone back the way the preflight snapshot found it, from the run's journal: addresses the
// run created are deleted, pre-existing mappings it touched are restored (only where they differ, so
// an unchanged mapping keeps its modified_on). Used by global teardown, and by `npm run
// conformance:cleanup` for a run that was killed. Addresses the run never journaled are never touched.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiClient } from './client';
import { canonicalOf } from './ip/oracle';
import { MAX_BATCH, PER_PAGE_MAX, type Mapping } from '../contract';
import { lastLines, readJson, writeJsonAtomic, type RunInfo } from './journal';

export interface CleanupResult {
  deleted: number;
  restored: number;
  /** What was left behind: the run stays pending for conformance:cleanup. */
  problems: string[];
  /** What went wrong without leaving anything behind. */
  warnings: string[];
}

/** Lists a whole zone, the largest page (100), stopping on an empty or short page (never trusting total_pages alone). */
export async function listAll(client: ApiClient): Promise<Mapping[]> {
  const out: Mapping[] = [];
  for (let page = 1; page <= 60; page++) {
    const res = await client.list({ page, per_page: PER_PAGE_MAX });
    const items = res.json?.result;
    if (res.status !== 200 || !Array.isArray(items))
      throw new Error(`listing the zone failed at page ${page}: HTTP ${res.status} ${res.bodyText.slice(0, 300)}`);
    out.push(...items);
    if (items.length < PER_PAGE_MAX) return out;
  }
  throw new Error('the zone lists more than 6,000 mappings over 60 pages: the limit is 3,500, refusing to go on');
}

/**
 * Every key the run ever touched is compared with what the zone holds now, from one listing of the
 * zone: a target that answered 200 to a DELETE and kept the mapping is not believed. Where the
 * listing itself fails, the journal's own record (the keys never seen back to their preflight
 * state) is used instead, with one GET per pre-existing key.
 */
export async function cleanupRun(runDir: string, client: ApiClient): Promise<CleanupResult> {
  const result: CleanupResult = { deleted: 0, restored: 0, problems: [], warnings: [] };
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
    await deleteAll(c, created, zone, result);
    // Pre-existing: restore where it differs from the preflight snapshot.
    const restore: Mapping[] = [];
    for (const l of open) {
      if (!l.prev) continue;
      const cur = current ? current.get(l.key) : await c.get(l.prev.origin_ip).then((r) => (r.status === 200 ? r.json?.result : undefined));
      if (!cur || cur.vendor !== l.prev.vendor || cur.region !== l.prev.region) restore.push(l.prev);
    }
    await restoreAll(c, restore, zone, result);
  }
  if (result.problems.length) return result;
  const infoFile = path.join(runDir, 'run.json');
  if (fs.existsSync(infoFile)) writeJsonAtomic(infoFile, { ...readJson<RunInfo>(infoFile), completed: new Date().toISOString() });
  return result;
}

async function deleteAll(c: ApiClient, keys: string[], zone: string, result: CleanupResult): Promise<void> {
  for (let i = 0; i < keys.length; i += MAX_BATCH) {
    const chunk = keys.slice(i, i + MAX_BATCH);
    const res = await c.batchDelete(chunk);
    if (res.status === 200 && Array.isArray(res.json?.result?.succeeded)) {
      result.deleted += res.json!.result!.succeeded.length;
      continue;
    }
    // A target whose batch DELETE is broken: one DELETE per address.
    for (const key of chunk) {
      const r = await c.delete(key);
      if (r.status === 200) result.deleted++;
      else if (r.status !== 404) result.problems.push(`could not delete ${key} in zone ${zone}: HTTP ${r.status}`);
    }
  }
}

async function restoreAll(c: ApiClient, mappings: Mapping[], zone: string, result: CleanupResult): Promise<void> {
  for (let i = 0; i < mappings.length; i += MAX_BATCH) {
    const items = mappings.slice(i, i + MAX_BATCH).map(({ origin_ip, region, vendor }) => ({ origin_ip, region, vendor }));
    const res = await c.batchPut(items);
    if (res.status === 200) result.restored += (res.json?.result?.succeeded ?? []).length;
    for (const item of res.status === 200 ? (res.json?.result?.failed ?? []) : items)
      result.problems.push(`could not restore ${item.origin_ip} in zone ${zone} (HTTP ${res.status})`);
  }
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
