// PUT /zones/{zone_id}/origin/cloud_regions/batch: merge, not replace; items validated independently;
// duplicates of one address make one mapping, the last item wins (items are applied in order).
import { fail, Message, ok } from '../envelope';
import { checkItem, isOverLimit, writeMapping } from '../mapping';
import type { Context, Reply } from '../types';
import { Code, type BatchItemResult } from '../../contract';
import { batchItems } from './batch';

export function batchPut(ctx: Context): Reply {
  const items = batchItems(ctx, '{origin_ip, vendor, region} objects');
  if (!Array.isArray(items)) return items;
  const checked = items.map((item) => checkItem(ctx, item));

  if (ctx.batchLimitMode === 'request') {
    // Decision 3, first behaviour: a batch whose new addresses would cross the limit fails whole.
    const added = new Set(checked.flatMap((c) => (c.ok && !ctx.store.get(c.ip) ? [c.ip] : [])));
    if (ctx.store.size() + added.size > ctx.limit) {
      return fail(403, Code.tooManyMappings, `${Message.tooManyMappings} The batch would add ${added.size} mappings to the ${ctx.store.size()} held; the limit is ${ctx.limit}.`);
    }
  }
  const succeeded: BatchItemResult[] = [];
  const failed: BatchItemResult[] = [];
  for (const item of checked) {
    if (!item.ok) failed.push({ origin_ip: item.given, error: item.message });
    // Never taken in 'request' mode (checked above); in 'item' mode it fails the excess items.
    else if (isOverLimit(ctx, item.ip)) failed.push({ origin_ip: item.given, error: Message.tooManyMappings });
    else {
      writeMapping(ctx, item.ip, item.vendor, item.region);
      succeeded.push({ origin_ip: item.ip, region: item.region, vendor: item.vendor });
    }
  }
  return ok({ succeeded, failed });
}
