// The route table (spec/README.md, "Endpoints"). Static segments win over :origin_ip because
// routes are tried in order. Matching works on the raw path: nothing is decoded or normalized here.
import type { OperationName } from './types';

export const BASE_PATH = '/client/v4';

interface Route {
  pattern: string[];
  methods: Record<string, OperationName>;
}

const route = (pattern: string, methods: Record<string, OperationName>): Route => ({
  pattern: pattern.split('/'),
  methods,
});

const ROUTES: Route[] = [
  route('zones/:zone_id/origin/cloud_regions', { GET: 'list' }),
  route('zones/:zone_id/origin/cloud_regions/batch', { PUT: 'bulkUpdate', DELETE: 'bulkDelete' }),
  route('zones/:zone_id/origin/cloud_regions/supported_regions', { GET: 'supportedRegions' }),
  route('zones/:zone_id/origin/cloud_regions/:origin_ip', { PUT: 'update', GET: 'get', DELETE: 'delete' }),
];

export type RouteMatch =
  | { kind: 'operation'; operation: OperationName; params: Record<string, string> }
  /** The path is known but not with this method (405). */
  | { kind: 'method'; allow: string[] }
  | { kind: 'none' };

export function matchRoute(method: string, path: string): RouteMatch {
  if (!path.startsWith(`${BASE_PATH}/`)) return { kind: 'none' };
  const segments = path.slice(BASE_PATH.length + 1).split('/');
  for (const { pattern, methods } of ROUTES) {
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      const segment = segments[i]!;
      if (!part.startsWith(':')) return part === segment;
      params[part.slice(1)] = segment;
      return segment !== '';
    });
    if (!matches) continue;
    const operation = methods[method];
    return operation ? { kind: 'operation', operation, params } : { kind: 'method', allow: Object.keys(methods) };
  }
  return { kind: 'none' };
}
