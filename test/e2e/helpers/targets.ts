// Targets for the end-to-end tests: the reference server (server/), started in this process on
// 127.0.0.1, optionally changed from outside through its hooks to break one rule on purpose.
import { createServer, ok, type Hooks, type ReferenceServer, type ServerOptions } from '../../../server';
import type { ZoneStore } from '../../../server/types';
import { Code, type Mapping } from '../../../contract';
import { sendOnce } from '../../../suite/transport/http';

export type { ReferenceServer };

export function reference(options: ServerOptions = {}): Promise<ReferenceServer> {
  return createServer({ log: false, ...options });
}

/** A request to a target as the test's own client, outside the suite under test: the suite's raw
 * client (exact path, no pacing, no counting), with the token and JSON. */
export async function call(url: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  const res = await sendOnce(url, { method, path, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: JSON.parse(res.bodyText) };
}

/** Every mapping of a zone, page by page (`perPage` for a target that refuses 100). */
export async function zoneMappings(url: string, token: string, zone: string, perPage = 100): Promise<Mapping[]> {
  const all: Mapping[] = [];
  for (let page = 1; ; page++) {
    const { result } = (await call(url, token, 'GET', `/zones/${zone}/origin/cloud_regions?page=${page}&per_page=${perPage}`)).json as { result: Mapping[] };
    all.push(...result);
    if (result.length < perPage) return all;
  }
}

/** Breaks a MUST: PUT answers 201 on success ("Create and replace both answer 200 (no 201)"). */
export const put201: Hooks = {
  reply: (reply, request) => (request.operation === 'put' && reply.status === 200 ? { ...reply, status: 201 } : reply),
};

/** Breaks a SHOULD only: a path/body mismatch keeps its 400 but loses code 1146 (PUT-MISMATCH-CODE). */
export const mismatchWithoutCode: Hooks = {
  reply: (reply, request) => {
    if (request.operation !== 'put' || reply.status !== 400) return reply;
    const errors = (reply.body.errors as Array<{ code: number; message: string }>).map((e) => (e.code === Code.invalidParameter ? { ...e, code: 1999 } : e));
    return { ...reply, body: { ...reply.body, errors } };
  },
};

/**
 * A hostile, failing target for the secrets test: it breaks a MUST (PUT answers 201) and a SHOULD
 * (no code 1146), and echoes the caller's Authorization header back, raw and percent-encoded, in
 * every error message, in a response header and in the success body, so that the token reaches the
 * evidence, the failure messages and the reports unless the suite redacts everything it writes.
 */
export const hostile: Hooks = {
  reply: (reply, request) => {
    const auth = String(request.headers.authorization ?? '');
    const echo = `you sent Authorization: ${auth} (encoded ${encodeURIComponent(auth)})`;
    let next = put201.reply!(mismatchWithoutCode.reply!(reply, request), request);
    const body = { ...next.body };
    if (next.status >= 400 && Array.isArray(body.errors))
      body.errors = (body.errors as Array<{ message: string }>).map((e) => ({ ...e, message: `${e.message}; ${echo}` }));
    else body.messages = [{ code: 1000, message: echo }];
    next = { ...next, body, headers: { ...next.headers, 'x-echo-authorization': auth } };
    return next;
  },
};

/**
 * Loses other people's data: a DELETE of the collection (a method no operation has) empties the zone
 * and answers 200, and so does a batch DELETE without a body (the SDK's default, decision 7). The
 * zone's store is taken from any operation of that zone the suite sent before (its preflight listing).
 */
export function zoneWiper(): Hooks {
  const stores = new Map<string, ZoneStore>();
  return {
    operations: {
      '*': (ctx, next) => {
        stores.set(ctx.zoneId, ctx.store);
        return next(ctx);
      },
      'batch-delete': (ctx, next) => {
        if (ctx.body !== undefined) return next(ctx);
        const all = ctx.store.list();
        ctx.store.clear();
        return ok({ succeeded: all.map(({ origin_ip, region, vendor }) => ({ origin_ip, region, vendor })), failed: [] });
      },
    },
    reply: (reply, request) => {
      const zone = /\/zones\/([0-9a-f]{32})\/origin\/cloud_regions\/?$/.exec(request.path)?.[1];
      const store = zone && stores.get(zone);
      if (request.method !== 'DELETE' || !store) return reply;
      store.clear();
      return { ...ok(null), headers: reply.headers };
    },
  };
}
