// GET /zones/{zone_id}/origin/cloud_regions: paginated, in creation order (a replace keeps its place).
// A page past the end is 200 with result [] because the SDK's paginator stops only on an empty page.
import { Code } from '../../contract';
import { fail, ok } from '../envelope';
import type { Context, Reply } from '../types';

/** page >= 1 (default 1), per_page 1..100 (default 20): decimal digits only, given at most once. */
function integerParam(ctx: Context, name: string, fallback: number, max: number): number | Reply {
  const values = ctx.query.getAll(name);
  if (values.length === 0) return fallback;
  const value = values[0]!;
  const number = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (values.length > 1 || !Number.isSafeInteger(number) || number < 1 || number > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'a whole number >= 1' : `a whole number between 1 and ${max}`;
    const given = values.length > 1 ? `given ${values.length} times` : `got ${JSON.stringify(value)}`;
    return fail(400, Code.invalidParameter, `invalid ${name} parameter, must be ${range} (${given})`);
  }
  return number;
}

export function list(ctx: Context): Reply {
  const page = integerParam(ctx, 'page', 1, Number.MAX_SAFE_INTEGER);
  if (typeof page !== 'number') return page;
  const perPage = integerParam(ctx, 'per_page', 20, 100);
  if (typeof perPage !== 'number') return perPage;
  const all = ctx.store.list();
  const result = all.slice((page - 1) * perPage, page * perPage);
  return ok(result, {
    result_info: {
      page,
      per_page: perPage,
      count: result.length,
      total_count: all.length,
      total_pages: Math.ceil(all.length / perPage),
    },
  });
}
