// The target of a run: the configured base URL, or the embedded reference server (an embedded run, or
// the embedded twin a dry run rehearses against). What it started, `stop` stops.
import crypto from 'node:crypto';
import type { SupportedRegions } from '../../contract';
import { createServer } from '../../server';
import type { Config } from '../config/config';
import type { Snapshot } from '../state/journal';
import { listAll } from '../state/listing';
import { ApiClient } from '../transport/client';
import { Transport } from '../transport/http';
import { registerSecret } from '../transport/redact';

export interface Target {
  baseUrl: string;
  token: string;
  zoneId: string;
  zoneIdB?: string;
  /** The base URL a dry run rehearses (its requests go to the embedded twin at baseUrl). */
  dryRunOf?: string;
  stop(): Promise<void>;
}

export async function resolveTarget(cfg: Config): Promise<Target> {
  registerSecret(cfg.token);
  if (!cfg.embedded && !cfg.dryRun) {
    return { baseUrl: cfg.baseUrl!, token: cfg.token!, zoneId: cfg.zoneId!, zoneIdB: cfg.zoneIdB, stop: async () => {} };
  }
  // A fresh token per run: nothing outside this process knows it. A dry run rehearses against an
  // embedded twin of the target: the real zones' mappings and supported regions, read with GETs
  // only, so it counts the mutating requests the real run would send without sending any.
  let zoneId = cfg.zoneId;
  let zoneIdB = cfg.zoneIdB;
  let initialZones: Snapshot | undefined;
  let regions: SupportedRegions | undefined;
  let dryRunOf: string | undefined;
  if (cfg.dryRun) {
    const real = new Transport({ baseUrl: cfg.baseUrl!, token: cfg.token!, gateUrl: undefined });
    try {
      const c = new ApiClient(real, zoneId!);
      initialZones = {};
      for (const z of [zoneId!, ...(zoneIdB ? [zoneIdB] : [])]) initialZones[z] = await listAll(z === zoneId ? c : c.inZone(z));
      const sr = await c.supportedRegions();
      if (sr.status === 200) regions = sr.json?.result as SupportedRegions;
    } finally {
      real.close();
    }
    dryRunOf = cfg.baseUrl;
  } else {
    zoneId = crypto.randomBytes(16).toString('hex');
    zoneIdB = crypto.randomBytes(16).toString('hex');
  }
  const token = crypto.randomBytes(24).toString('hex');
  registerSecret(token);
  const server = await createServer({ token, log: false, initialZones, ...(regions ? { regions } : {}) });
  return { baseUrl: server.url, token, zoneId: zoneId!, zoneIdB, ...(dryRunOf ? { dryRunOf } : {}), stop: () => server.close() };
}
