import type { Middleware } from '../../server';
import { defineMutant } from '../types';

/** Lower-cases the vendor of an item before it is validated and stored ("AWS" becomes "aws"). */
const lowerVendor = (item: unknown) =>
  item && typeof item === 'object' && typeof (item as { vendor?: unknown }).vendor === 'string'
    ? { ...item, vendor: (item as { vendor: string }).vendor.toLowerCase() }
    : item;

const normalizeVendor: Middleware = (ctx, next) =>
  next({ ...ctx, body: Array.isArray(ctx.body) ? ctx.body.map(lowerVendor) : lowerVendor(ctx.body) });

export default defineMutant({
  id: 'vendor-case-insensitive',
  description: 'The vendor is lower-cased before validation: "AWS" is accepted and stored as aws (decision 10: case-sensitive)',
  expected: ['PUT-VENDOR-REGION-INVALID'],
  hooks: { operations: { put: normalizeVendor, 'batch-put': normalizeVendor } },
});
