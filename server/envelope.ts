// The one place that builds envelopes (openapi: success envelope, cache-rules_api-response-common-failure).
import type { Reply, ResponseInfo } from './types';

/**
 * Error codes. Those the spec documents keep its numbers (spec/README.md, "Documented limits
 * and codes" and "Observed platform behaviour"); the others are the reference server's own choice,
 * documented in server/README.md.
 */
export const Code = {
  internalError: 1000,
  invalidBody: 1001,
  bodyTooLarge: 1002,
  malformedHttp: 1003,
  notFound: 1142,
  invalidParameter: 1146,
  unsupportedRegion: 1157,
  tooManyMappings: 1164,
  malformedJson: 6007,
  malformedAuthorization: 6003,
  invalidAuthorizationFormat: 6111,
  invalidEmailFormat: 6102,
  invalidKeyFormat: 6103,
  unknownLegacyCredentials: 9103,
  noRoute: 7000,
  methodNotAllowed: 7001,
  invalidZone: 7003,
  missingCredentials: 9106,
  invalidToken: 9109,
  unsupportedContentType: 9207,
  rateLimited: 971,
} as const;

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
