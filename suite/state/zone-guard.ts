// The preflight snapshot is a promise: whatever the zone held before the run is there after it. The
// journal (journal.ts) covers the addresses the suite writes; this covers the ones it never writes,
// which a defective target can still lose (a DELETE of the collection, a batch DELETE without a body
// read as "everything", a batch PUT that replaces the collection). After each request that could
// touch them (ApiClient's `risk`), and at the end of the run and in conformance:cleanup, the zone is
// compared with the snapshot and whatever vanished or changed is put back (vendor and region), and
// recorded in restored-<pid>.jsonl for the report and the console.
//
// Only snapshot addresses that no journal of the run names are compared during the run: the suite
// journals an address before it writes it (a lax reading of an invalid case may be a pre-existing
// address), so a journaled one may be changed legitimately by a test still running; its restore is
// the journal's (cleanup.ts). Probes that may wipe the zone hold the zone lock exclusively, so no
// other test runs while they do.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiClient } from '../transport/client';
import { listAll } from './listing';
import { canonicalOf } from '../ip/oracle';
import type { Mapping } from '../../contract';
import { journalLines, processLines, readJson, type Snapshot } from './journal';

export interface Restoration {
  zone: string;
  origin_ip: string;
  vendor: string;
  region: string;
  /** What the zone held instead: null when the mapping was gone. */
  found: { vendor: string; region: string } | null;
  /** The request after which it was found changed, or "the end of the run" / "conformance:cleanup". */
  after: string;
  /** The requirement the request broke, when known. */
  requirement?: string;
  /** False when putting it back failed too (conformance:cleanup retries). */
  restored: boolean;
}

const keyOf = (m: Mapping) => canonicalOf(m.origin_ip) ?? m.origin_ip;

export function readSnapshot(runDir: string): Snapshot {
  const file = path.join(runDir, 'snapshot.json');
  return fs.existsSync(file) ? readJson<Snapshot>(file) : {};
}

/** True when the snapshot holds a mapping of another party: only then is there anything to guard. */
export function hasForeignData(runDir: string): boolean {
  return Object.values(readSnapshot(runDir)).some((ms) => ms.length > 0);
}

/**
 * Compares the zones with the snapshot and restores what differs. `all`: every snapshot address (end
 * of run, cleanup); otherwise only those no journal line names. Returns what it found.
 */
export async function guardZones(
  runDir: string,
  client: ApiClient,
  opts: { after: string; requirement?: string; all?: boolean; zones?: string[] },
): Promise<{ restorations: Restoration[]; problems: string[] }> {
  const snapshot = readSnapshot(runDir);
  const restorations: Restoration[] = [];
  const problems: string[] = [];
  for (const [zone, mappings] of Object.entries(snapshot)) {
    if (!mappings.length || (opts.zones && !opts.zones.includes(zone))) continue;
    const c = zone === client.zoneId ? client : client.inZone(zone);
    let current: Map<string, Mapping>;
    try {
      current = new Map((await listAll(c)).map((m) => [keyOf(m), m]));
    } catch (e) {
      problems.push(`zone ${zone}: could not compare it with the snapshot: ${(e as Error).message}`);
      continue;
    }
    // Read after the listing: a test journals an address before it writes it, so any change the
    // listing shows that a test made is named here.
    const journaled = opts.all ? new Set<string>() : new Set(journalLines(runDir).filter((l) => l.zone === zone).map((l) => l.key));
    const differ = mappings.filter((m) => {
      const key = keyOf(m);
      if (journaled.has(key)) return false;
      const cur = current.get(key);
      return !cur || cur.vendor !== m.vendor || cur.region !== m.region;
    });
    if (!differ.length) continue;
    const failed = await restore(c, differ);
    for (const m of differ) {
      const cur = current.get(keyOf(m));
      restorations.push({
        zone,
        origin_ip: m.origin_ip,
        vendor: m.vendor,
        region: m.region,
        found: cur ? { vendor: cur.vendor, region: cur.region } : null,
        after: opts.after,
        ...(opts.requirement ? { requirement: opts.requirement } : {}),
        restored: !failed.has(m.origin_ip),
      });
      if (failed.has(m.origin_ip)) problems.push(`could not restore ${m.origin_ip} (${m.vendor}/${m.region}) in zone ${zone}: ${failed.get(m.origin_ip)}`);
    }
  }
  if (restorations.length)
    fs.appendFileSync(path.join(runDir, `restored-${process.pid}.jsonl`), restorations.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return { restorations, problems };
}

/** Batch PUT by 100, then one PUT per address for what the batch did not take. Returns the failures. */
async function restore(c: ApiClient, mappings: Mapping[]): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  for (let i = 0; i < mappings.length; i += 100) {
    const items = mappings.slice(i, i + 100).map(({ origin_ip, region, vendor }) => ({ origin_ip, region, vendor }));
    const res = await c.batchPut(items);
    const ok = new Set(
      res.status === 200 && Array.isArray(res.json?.result?.succeeded)
        ? res.json!.result!.succeeded.map((s) => canonicalOf(String(s?.origin_ip)) ?? String(s?.origin_ip))
        : [],
    );
    for (const item of items) {
      if (ok.has(canonicalOf(item.origin_ip) ?? item.origin_ip)) continue;
      const one = await c.put(item.origin_ip, item);
      if (one.status !== 200) failed.set(item.origin_ip, `HTTP ${one.status}`);
    }
  }
  return failed;
}

/** Everything restored during the run, over every process. */
export function restorations(runDir: string): Restoration[] {
  return processLines<Restoration>(runDir, 'restored');
}

/** One line per restoration, for the console. */
export function describeRestoration(r: Restoration): string {
  const was = r.found ? `changed to ${r.found.vendor}/${r.found.region}` : 'gone';
  const blame = r.requirement ? ` (${r.requirement})` : '';
  return `${r.origin_ip} in zone ${r.zone}: ${was} after ${r.after}${blame}; ${r.restored ? 'restored' : 'NOT restored'} to ${r.vendor}/${r.region}`;
}
