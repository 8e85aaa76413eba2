// The route table, built from the contract's operation table (spec/README.md, "Endpoints").
// Static segments win over {origin_ip}: routes with fewer parameters are tried first. Matching works
// on the raw path: nothing is decoded or normalized here.
import { OPERATIONS } from '../contract';
import type { OperationName } from './types';

export const BASE_PATH = '/client/v4';

interface Route {
  /** Path segments below the base path; a parameter is "{name}". */
  pattern: string[];
  methods: Record<string, OperationName>;
}

const isParam = (segment: string) => segment.startsWith('{');

function buildRoutes(): Route[] {
  const byPath = new Map<string, Route>();
  for (const op of OPERATIONS) {
    const route = byPath.get(op.path) ?? { pattern: op.path.slice(1).split('/'), methods: {} };
    route.methods[op.method] = op.name;
    byPath.set(op.path, route);
  }
  const params = (r: Route) => r.pattern.filter(isParam).length;
  return [...byPath.values()].sort((a, b) => params(a) - params(b));
}

const ROUTES = buildRoutes();

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
      if (!isParam(part)) return part === segment;
      params[part.slice(1, -1)] = segment;
      return segment !== '';
    });
    if (!matches) continue;
    const operation = methods[method];
    return operation ? { kind: 'operation', operation, params } : { kind: 'method', allow: Object.keys(methods) };
  }
  return { kind: 'none' };
}
