// The API's error codes: the reference server answers with them, the suite checks them.

/**
 * Those the spec documents keep its numbers (spec/README.md, "Documented limits and codes" and
 * "Observed platform behaviour"); the others are the reference server's own choice, documented in
 * server/README.md. The suite checks the documented ones (the limits table's codes) from this table.
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
