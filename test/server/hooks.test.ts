// The hooks seam (server/hooks.ts): defects ("mutants") and legitimate differences ("variants") are
// written as a few lines of hooks, and each really changes behaviour. Every case observes one value
// on the reference server and on the hooked one, and states both, so a seam that silently stopped
// working (or a reference that already had the defect) fails here.
import ipaddr from 'ipaddr.js';
import { createServer, formatIPv6, isIPv4Mapped, zeroRuns, type Hooks, type ServerOptions, type ZeroRun } from '../../server';
import twoRows from '../../selftest/mutants/concurrent-put-two-rows';
import { AUTH, expect, JSON_HEADERS, mapping, paths, test, withServer, type Api } from './fixtures';

const ZONE = '11111111111111111111111111111111';
const OTHER = '22222222222222222222222222222222';
const p = paths(ZONE);

interface Case {
  name: string;
  hooks: Hooks;
  /** Called once per server, so a stateful option (a clock) starts afresh for each. */
  options?: () => ServerOptions;
  observe(api: Api): Promise<unknown>;
  reference: unknown;
  hooked: unknown;
}

const put = (api: Api, ip: string, body = mapping(ip)) => api('PUT', p.one(ip), body);
const status = async (res: Promise<{ status: number }>) => (await res).status;

const cases: Case[] = [
  // --- mutants: IP text
  {
    name: 'mutant: IPv6 text in uppercase',
    hooks: { ip: { format: (a, next) => next(a).toUpperCase() } },
    observe: async (api) => (await put(api, '2001:db8::a')).json.result.origin_ip,
    reference: '2001:db8::a',
    hooked: '2001:DB8::A',
  },
  {
    name: 'mutant: the last of equal zero runs is compressed',
    hooks: {
      ip: {
        format: (a, next) => {
          if (a.version === 4 || isIPv4Mapped(a.groups)) return next(a);
          const run = zeroRuns(a.groups).filter((r) => r.length >= 2).reduce<ZeroRun | null>((best, r) => (!best || r.length >= best.length ? r : best), null);
          return formatIPv6(a.groups, run);
        },
      },
    },
    observe: async (api) => (await put(api, '2001:db8:0:0:1:0:0:1')).json.result.origin_ip,
    reference: '2001:db8::1:0:0:1',
    hooked: '2001:db8:0:0:1::1',
  },
  {
    name: 'mutant: octal IPv4 (010.0.0.1 stored as 8.0.0.1, through ipaddr.js)',
    hooks: { ip: { parse: (t, next) => next(t) ?? (ipaddr.IPv4.isValid(t) ? { version: 4, octets: ipaddr.IPv4.parse(t).octets } : null) } },
    observe: async (api) => { await put(api, '010.0.0.1'); return status(api('GET', p.one('8.0.0.1'))); },
    reference: 404,
    hooked: 200,
  },
  {
    name: 'mutant: GET does not normalize its path',
    hooks: { operations: { get: (ctx, next) => next({ ...ctx, canonicalize: (t) => ctx.canonicalize(t) && t }) } },
    observe: async (api) => { await put(api, '2001:db8::1'); return status(api('GET', p.one('2001:DB8:0::1'))); },
    reference: 200,
    hooked: 404,
  },
  // --- mutants: PUT rules
  {
    name: 'mutant: mismatch accepted, the body address stored',
    hooks: { operations: { put: (ctx, next) => next({ ...ctx, originIp: (ctx.body as { origin_ip?: string })?.origin_ip ?? ctx.originIp }) } },
    observe: async (api) => status(put(api, '192.0.2.1', mapping('192.0.2.2'))),
    reference: 400,
    hooked: 200,
  },
  {
    name: 'mutant: a side effect before the mismatch 400',
    hooks: {
      operations: {
        put: (ctx, next) => {
          const body = ctx.body as { origin_ip: string; vendor: string; region: string };
          const ip = ctx.canonicalize(String(body?.origin_ip));
          if (ip) ctx.store.set({ origin_ip: ip, vendor: body.vendor, region: body.region, modified_on: '2026-01-01T00:00:00Z' });
          return next(ctx);
        },
      },
    },
    observe: async (api) => { await put(api, '192.0.2.1', mapping('192.0.2.2')); return status(api('GET', p.one('192.0.2.2'))); },
    reference: 404,
    hooked: 200,
  },
  {
    name: 'mutant: vendor letter case ignored',
    hooks: { isSupported: (vendor, region, next) => next(vendor.toLowerCase(), region) },
    observe: async (api) => status(put(api, '192.0.2.1', { origin_ip: '192.0.2.1', vendor: 'AWS', region: 'us-east-1' } as never)),
    reference: 400,
    hooked: 200,
  },
  // --- mutants: the limit (a small limit option keeps them fast; the hooks work the same at 3,500)
  {
    name: 'mutant: limit off by one (one more accepted)',
    options: () => ({ limit: 2 }),
    hooks: { operations: { '*': (ctx, next) => next({ ...ctx, limit: ctx.limit + 1 }) } },
    observe: async (api) => { await put(api, '192.0.2.1'); await put(api, '192.0.2.2'); return status(put(api, '192.0.2.3')); },
    reference: 403,
    hooked: 200,
  },
  {
    name: 'mutant: replacing at the limit is blocked',
    options: () => ({ limit: 1 }),
    hooks: { operations: { put: (ctx, next) => (ctx.store.size() >= ctx.limit ? { status: 403, headers: {}, body: { success: false, errors: [{ code: 1164, message: 'full' }], messages: [], result: null } } : next(ctx)) } },
    observe: async (api) => { await put(api, '192.0.2.1'); return status(put(api, '192.0.2.1')); },
    reference: 200,
    hooked: 403,
  },
  {
    name: 'mutant: the batch endpoint bypasses the limit',
    options: () => ({ limit: 1 }),
    hooks: { operations: { 'batch-put': (ctx, next) => next({ ...ctx, limit: Infinity }) } },
    observe: async (api) => status(api('PUT', p.batch, [mapping('192.0.2.1'), mapping('192.0.2.2')])),
    reference: 403,
    hooked: 200,
  },
  // --- mutants: envelopes, lists, batches, deletes, zones, auth
  {
    name: 'mutant: envelope without messages, served as text/plain',
    hooks: { reply: (r) => { const { messages: _dropped, ...body } = r.body; return { ...r, headers: { ...r.headers, 'content-type': 'text/plain' }, body }; } },
    observe: async (api) => { const res = await api('GET', p.list); return [res.headers['content-type'], 'messages' in res.json]; },
    reference: ['application/json', true],
    hooked: ['text/plain', false],
  },
  {
    name: 'mutant: a page past the end repeats the last page',
    hooks: {
      operations: {
        list: (ctx, next) => {
          const perPage = Number(ctx.query.get('per_page') ?? 20);
          const last = Math.max(1, Math.ceil(ctx.store.size() / perPage));
          const query = new URLSearchParams(ctx.query);
          if (Number(query.get('page') ?? 1) > last) query.set('page', String(last));
          return next({ ...ctx, query });
        },
      },
    },
    observe: async (api) => { await put(api, '192.0.2.1'); return (await api('GET', `${p.list}?page=5`)).json.result.length; },
    reference: 0,
    hooked: 1,
  },
  {
    name: 'mutant: batch PUT replaces the collection instead of merging',
    hooks: { operations: { 'batch-put': (ctx, next) => { ctx.store.clear(); return next(ctx); } } },
    observe: async (api) => { await put(api, '192.0.2.1'); await api('PUT', p.batch, [mapping('192.0.2.2')]); return status(api('GET', p.one('192.0.2.1'))); },
    reference: 200,
    hooked: 404,
  },
  {
    name: 'mutant: batch DELETE without a body wipes the zone',
    hooks: { operations: { 'batch-delete': (ctx, next) => { if (ctx.body === undefined) ctx.store.clear(); return next(ctx); } } },
    observe: async (api) => { await put(api, '192.0.2.1'); await api('DELETE', p.batch); return status(api('GET', p.one('192.0.2.1'))); },
    reference: 200,
    hooked: 404,
  },
  {
    name: 'mutant: DELETE answers 200 but keeps the mapping',
    hooks: { operations: { delete: (ctx, next) => { const kept = ctx.store.list(); const reply = next(ctx); kept.forEach(ctx.store.set); return reply; } } },
    observe: async (api) => { await put(api, '192.0.2.1'); await api('DELETE', p.one('192.0.2.1')); return status(api('GET', p.one('192.0.2.1'))); },
    reference: 404,
    hooked: 200,
  },
  {
    name: 'mutant: zones share one store',
    hooks: { zoneKey: () => 'shared' },
    observe: async (api) => { await put(api, '192.0.2.1'); return status(api('GET', paths(OTHER).one('192.0.2.1'))); },
    reference: 404,
    hooked: 200,
  },
  {
    name: 'mutant: auth bypass',
    hooks: { auth: () => null },
    observe: async (api) => status(api('GET', p.list, undefined, { authorization: 'Bearer wrong' })),
    reference: 403,
    hooked: 200,
  },
  {
    name: 'mutant: a 5xx on malformed JSON',
    hooks: { reply: (r) => (r.body.errors?.[0]?.code === 6007 ? { ...r, status: 500 } : r) },
    observe: async (api) => status(api('PUT', p.batch, '{')),
    reference: 400,
    hooked: 500,
  },
  // --- mutants: an asynchronous middleware lets requests interleave (the seam's Promise)
  {
    name: 'mutant: check-then-insert across an await (two concurrent PUTs of one new address make two rows)',
    hooks: twoRows.hooks,
    observe: async (api) => {
      await Promise.all([put(api, '2001:db8::7'), put(api, '2001:DB8:0::7')]);
      return (await api('GET', p.list)).json.result.length;
    },
    reference: 1,
    hooked: 2,
  },
  {
    name: 'an asynchronous operation middleware inside a "*" middleware is a clear 500, not a hang',
    hooks: { operations: { '*': (ctx, next) => next(ctx), get: async (ctx, next) => next(ctx) } },
    observe: async (api) => { const res = await api('GET', p.one('192.0.2.1')); return [res.status, /cannot sit inside a '\*' middleware/.test(res.json.errors[0].message)]; },
    reference: [404, false],
    hooked: [500, true],
  },
  // --- variants: legitimately different correct servers
  {
    name: 'variant: list order reversed',
    hooks: { operations: { list: (ctx, next) => next({ ...ctx, store: { ...ctx.store, list: () => ctx.store.list().reverse() } }) } },
    observe: async (api) => { await api('PUT', p.batch, [mapping('192.0.2.1'), mapping('192.0.2.2')]); return (await api('GET', p.list)).json.result.map((m: { origin_ip: string }) => m.origin_ip); },
    reference: ['192.0.2.1', '192.0.2.2'],
    hooked: ['192.0.2.2', '192.0.2.1'],
  },
  {
    name: 'variant: 401 instead of 403 for a wrong token',
    hooks: { reply: (r) => (r.status === 403 && r.body.errors?.[0]?.code === 9109 ? { ...r, status: 401 } : r) },
    observe: async (api) => status(api('GET', p.list, undefined, { authorization: 'Bearer wrong' })),
    reference: 403,
    hooked: 401,
  },
  {
    name: 'variant: batch limit failures per item instead of per request',
    options: () => ({ limit: 1 }),
    hooks: { batchLimitMode: 'item' },
    observe: async (api) => { const res = await api('PUT', p.batch, [mapping('192.0.2.1'), mapping('192.0.2.2')]); return [res.status, res.json.result?.failed.length]; },
    reference: [403, undefined],
    hooked: [200, 1],
  },
  {
    name: 'variant: millisecond timestamps, moving on an identical PUT',
    options: () => { let t = Date.parse('2026-03-01T12:00:00.000Z'); return { now: () => (t += 1234) }; },
    hooks: { modifiedOn: ({ now }) => new Date(now).toISOString() },
    observe: async (api) => [(await put(api, '192.0.2.1')).json.result.modified_on, (await put(api, '192.0.2.1')).json.result.modified_on],
    reference: ['2026-03-01T12:00:01Z', '2026-03-01T12:00:01Z'],
    hooked: ['2026-03-01T12:00:01.234Z', '2026-03-01T12:00:02.468Z'],
  },
  {
    name: 'variant: application/json; charset=utf-8 and extra result fields',
    hooks: { reply: (r) => ({ ...r, headers: { ...r.headers, 'content-type': 'application/json; charset=utf-8' }, body: r.body.success && r.body.result && !Array.isArray(r.body.result) ? { ...r.body, result: { ...r.body.result, id: 'x' } } : r.body }) },
    observe: async (api) => { const res = await api('GET', p.regions); return [res.headers['content-type'], res.json.result.id]; },
    reference: ['application/json', undefined],
    hooked: ['application/json; charset=utf-8', 'x'],
  },
];

test.describe('hooks change behaviour from outside', () => {
  for (const c of cases) {
    test(`${c.name}: reference gives ${JSON.stringify(c.reference)}, hooked gives ${JSON.stringify(c.hooked)}`, async () => {
      const reference = await withServer({ ...c.options?.() }, (_s, api) => c.observe(api));
      const hooked = await withServer({ ...c.options?.(), hooks: c.hooks }, (_s, api) => c.observe(api));
      expect(reference).toEqual(c.reference);
      expect(hooked).toEqual(c.hooked);
    });
  }

  test('hooks are independent per server: a hooked server does not change another one', async () => {
    await withServer({ hooks: { auth: () => null } }, async () => {
      await withServer({}, async (_s, api) => {
        expect((await api('GET', p.list, undefined, { ...AUTH, authorization: 'Bearer wrong' })).status).toBe(403);
        expect((await api('GET', p.list, undefined, JSON_HEADERS)).status).toBe(200);
      });
    });
  });

  test('a hook for an operation that does not exist is a configuration error naming it', async () => {
    const hooks = { operations: { update: () => ({ status: 200, headers: {}, body: {} }) } } as unknown as Hooks;
    await expect(createServer({ hooks, log: false })).rejects.toThrow(/hooks\.operations: unknown operation "update"; one of put, get/);
  });
});
