// GET /zones/{zone_id}/origin/cloud_regions/supported_regions.
import { ok } from '../envelope';
import type { Context, Reply } from '../types';

export function supportedRegions(ctx: Context): Reply {
  return ok(ctx.regions);
}
