// Shared test plumbing: a worker-scoped reference server, a fresh zone per test (zones are isolated,
// so tests never reset the server), and a raw HTTP client that sends paths byte for byte (fetch
// would normalize them): the suite's own (suite/transport/http.ts sendOnce), with JSON parsed.
// Everything talks to 127.0.0.1 only.
import { test as base } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createServer, type ReferenceServer, type ServerOptions } from '../../server';
import { sendOnce } from '../../suite/transport/http';

export const TOKEN = 'server-test-token';
export const AUTH = { authorization: `Bearer ${TOKEN}` };
export const JSON_HEADERS = { ...AUTH, 'content-type': 'application/json' };

export const randomZone = (): string => randomBytes(16).toString('hex');

export interface RawResponse {
  status: number;
  /** Names lower case, repeated ones joined. */
  headers: Record<string, string>;
  text: string;
  /** Parsed body, or undefined when the body is not JSON. */
  json: any;
}

export interface RawRequest {
  method: string;
  /** Path under the base URL, sent unmodified (e.g. /zones/<id>/origin/cloud_regions/%3A%3A1). */
  path: string;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON. */
  body?: unknown;
}

export async function rawRequest(baseUrl: string, { method, path, headers = {}, body }: RawRequest): Promise<RawResponse> {
  const payload =
    body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const res = await sendOnce(baseUrl, { method, path, headers, body: payload });
  let json: unknown;
  try {
    json = JSON.parse(res.bodyText);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text: res.bodyText, json };
}

export type Api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<RawResponse>;

/** A client for one server: authenticated JSON requests unless headers are given. */
export function apiFor(server: ReferenceServer): Api {
  return (method, path, body, headers = JSON_HEADERS) => rawRequest(server.url, { method, path, body, headers });
}

/** Starts a server with options for one test and always closes it. */
export async function withServer<T>(options: ServerOptions, use: (server: ReferenceServer, api: Api) => Promise<T>): Promise<T> {
  const server = await createServer({ token: TOKEN, ...options });
  try {
    return await use(server, apiFor(server));
  } finally {
    await server.close();
  }
}

export type Vendor = 'aws' | 'azure' | 'gcp' | 'oci';
export const mapping = (origin_ip: string, vendor: Vendor = 'aws', region = 'us-east-1') => ({ origin_ip, vendor, region });

/** Path of the collection and of one mapping in a zone. */
export const paths = (zone: string) => ({
  list: `/zones/${zone}/origin/cloud_regions`,
  batch: `/zones/${zone}/origin/cloud_regions/batch`,
  regions: `/zones/${zone}/origin/cloud_regions/supported_regions`,
  one: (ip: string) => `/zones/${zone}/origin/cloud_regions/${ip}`,
});

/** Every mapping of a zone, following pages of 100 until an empty one. */
export async function listAll(api: Api, zone: string): Promise<Array<Record<string, string>>> {
  const all: Array<Record<string, string>> = [];
  for (let page = 1; ; page++) {
    const res = await api('GET', `${paths(zone).list}?per_page=100&page=${page}`);
    if (res.status !== 200) throw new Error(`list failed: ${res.status} ${res.text}`);
    if (res.json.result.length === 0) return all;
    all.push(...res.json.result);
  }
}

export const test = base.extend<{ zone: string; api: Api }, { server: ReferenceServer }>({
  server: [
    async ({}, use) => {
      const server = await createServer({ token: TOKEN });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  zone: async ({}, use) => use(randomZone()),
  api: async ({ server }, use) => use(apiFor(server)),
});

export { expect } from '@playwright/test';
