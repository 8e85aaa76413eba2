// DELETE /zones/{zone_id}/origin/cloud_regions/batch: the body is a JSON array of address strings
// (decision 7); a missing or non-array body deletes nothing. Found addresses are deleted and listed
// with their deleted region and vendor; invalid or absent ones go to `failed`.
import { ok } from '../envelope';
import { givenText } from '../mapping';
import type { Context, Reply } from '../types';
import type { BatchItemResult } from '../../contract';
import { batchItems } from './batch';

export function batchDelete(ctx: Context): Reply {
  const items = batchItems(ctx, 'IP address strings');
  if (!Array.isArray(items)) return items;
  const succeeded: BatchItemResult[] = [];
  const failed: BatchItemResult[] = [];
  for (const item of items) {
    if (typeof item !== 'string') {
      const kind = item === null ? 'null' : Array.isArray(item) ? 'an array' : typeof item;
      failed.push({ origin_ip: givenText(item), error: `expected an IP address string, got ${kind}` });
      continue;
    }
    const ip = ctx.canonicalize(item);
    const deleted = ip === null ? undefined : ctx.store.delete(ip);
    if (ip === null) failed.push({ origin_ip: item, error: 'not a valid IPv4 or IPv6 address' });
    else if (!deleted) failed.push({ origin_ip: item, error: 'no mapping exists for this address' });
    else succeeded.push({ origin_ip: ip, region: deleted.region, vendor: deleted.vendor });
  }
  return ok({ succeeded, failed });
}
