// Authentication: `Authorization: Bearer <token>` only (spec/README.md, "Observed platform
// behaviour" for the codes). The legacy X-Auth-Email/X-Auth-Key pair is never valid here: the reference
// server has no accounts, so a request carrying only those gets the "no credentials" answer.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Code, fail } from './envelope';
import type { Reply } from './types';

const BEARER = /^Bearer +([!-~]+)$/i; // RFC 6750 section 2.1; the scheme name is case-insensitive

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Returns a check that answers null for a valid token, else the failure reply. */
export function bearerAuth(token: string): (headers: IncomingHttpHeaders) => Reply | null {
  // Comparing fixed-length digests in constant time leaks neither the token nor its length.
  const expected = digest(token);
  return (headers) => {
    const header = headers.authorization;
    if (header === undefined) {
      return fail(400, Code.missingCredentials, 'Missing X-Auth-Key, X-Auth-Email or Authorization headers (this server accepts only Authorization: Bearer <token>)');
    }
    const match = BEARER.exec(header);
    if (!match) {
      return fail(400, Code.malformedAuthorization, 'Invalid request headers', {
        error_chain: [{ code: Code.invalidAuthorizationFormat, message: 'Invalid format for Authorization header: expected "Bearer <token>"' }],
      });
    }
    return timingSafeEqual(digest(match[1]!), expected) ? null : fail(403, Code.invalidToken, 'Invalid access token');
  };
}

/** The rate-limit key of a request: its Authorization header (a limit per token, like Cloudflare's). */
export function credentialKey(headers: IncomingHttpHeaders): string {
  return headers.authorization ?? '';
}
