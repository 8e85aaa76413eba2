// Puts a zone back the way the preflight snapshot found it, from the run's journal: addresses the
// run created are deleted, pre-existing mappings it touched are restored (only where they differ, so
// an untouched mapping keeps its modified_on). Used by global teardown, and by `npm run
// conformance:cleanup` for a run that was killed. Addresses the run never journaled are never touched.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiClient } from './client';
import { readJson, unsettled, writeJsonAtomic, type Mapping, type RunInfo } from './journal';

export interface CleanupResult {
  deleted: number;
  restored: number;
  problems: string[];
}

const CHUNK = 100;

export async function cleanupRun(runDir: string, client: ApiClient): Promise<CleanupResult> {
  const result: CleanupResult = { deleted: 0, restored: 0, problems: [] };
  const open = unsettled(runDir);
  const zones = new Set(open.map((l) => l.zone));
  for (const zone of zones) {
    const c = zone === client.zoneId ? client : client.inZone(zone);
    const lines = open.filter((l) => l.zone === zone);
    const created = lines.filter((l) => !l.prev).map((l) => l.key);
    const touched = lines.filter((l): l is typeof l & { prev: Mapping } => !!l.prev);

    for (let i = 0; i < created.length; i += CHUNK) {
      const res = await c.batchDelete(created.slice(i, i + CHUNK));
      if (res.status !== 200) {
        // A target whose batch DELETE is broken: fall back to one DELETE per address.
        for (const key of created.slice(i, i + CHUNK)) {
          const r = await c.delete(key);
          if (r.status === 200) result.deleted++;
          else if (r.status !== 404) result.problems.push(`could not delete ${key} in zone ${zone}: HTTP ${r.status}`);
        }
      } else result.deleted += (res.json?.result?.succeeded ?? []).length;
    }

    const restore: Mapping[] = [];
    for (const l of touched) {
      const now = await c.get(l.prev.origin_ip);
      const cur = now.status === 200 ? now.json?.result : undefined;
      if (!cur || cur.vendor !== l.prev.vendor || cur.region !== l.prev.region) restore.push(l.prev);
    }
    for (let i = 0; i < restore.length; i += CHUNK) {
      const items = restore.slice(i, i + CHUNK).map(({ origin_ip, region, vendor }) => ({ origin_ip, region, vendor }));
      const res = await c.batchPut(items);
      if (res.status === 200) result.restored += (res.json?.result?.succeeded ?? []).length;
      for (const item of res.status === 200 ? (res.json?.result?.failed ?? []) : items)
        result.problems.push(`could not restore ${item.origin_ip} in zone ${zone} (HTTP ${res.status})`);
    }
  }
  const infoFile = path.join(runDir, 'run.json');
  if (fs.existsSync(infoFile) && result.problems.length === 0)
    writeJsonAtomic(infoFile, { ...readJson<RunInfo>(infoFile), completed: new Date().toISOString() });
  return result;
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
