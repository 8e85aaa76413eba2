// The one place that builds envelopes (openapi: success envelope, cache-rules_api-response-common-failure).
import type { Reply, ResponseInfo } from './types';


/** Messages the spec's own examples use. Messages are not contract, but these make comparison easy. */
export const Message = {
  mismatch: 'body origin_ip does not match URL',
  unsupportedRegion:
    "The vendor provided doesn't exist or the region provided does not exist for the specified cloud vendor",
  tooManyMappings: 'Maximum number of IP mappings configured for zone.',
  notFound:
    'Unable to retrieve origin_public_cloud_region setting value. The zone setting does not exist.',
} as const;

export function ok(result: unknown, extra: Record<string, unknown> = {}): Reply {
  return { status: 200, headers: {}, body: { success: true, errors: [], messages: [], result, ...extra } };
}

export function fail(status: number, code: number, message: string, extra: Record<string, unknown> = {}): Reply {
  const error: ResponseInfo = { code, message, ...extra };
  return { status, headers: {}, body: { success: false, errors: [error], messages: [], result: null } };
}
