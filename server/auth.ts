// Authentication (decision 11; spec/README.md, "Observed platform behaviour" for the codes):
// `Authorization: Bearer <token>`, and, when the server is given one (option `legacyAuth`), the legacy
// X-Auth-Email + X-Auth-Key pair. Without a configured pair, a request carrying only those headers
// gets the "no credentials" answer, as the reference has no accounts of its own.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Code } from '../contract';
import { fail } from './envelope';
import type { Reply } from './types';

const BEARER = /^Bearer +([!-~]+)$/i; // RFC 6750 section 2.1; the scheme name is case-insensitive
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const KEY = /^[!-~]+$/;

const digest = (text: string) => createHash('sha256').update(text).digest();
// Comparing fixed-length digests in constant time leaks neither the secret nor its length.
const same = (text: string, expected: Buffer) => timingSafeEqual(digest(text), expected);

/** The legacy credential pair a server may accept besides its bearer token. */
export interface LegacyCredentials {
  email: string;
  key: string;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

/** Returns a check that answers null for valid credentials of either scheme, else the failure reply. */
export function credentialsAuth(token: string, legacy?: LegacyCredentials): (headers: IncomingHttpHeaders) => Reply | null {
  const expected = digest(token);
  const legacyExpected = legacy && { email: digest(legacy.email), key: digest(legacy.key) };
  return (headers) => {
    const authorization = headers.authorization;
    const email = header(headers, 'x-auth-email');
    const key = header(headers, 'x-auth-key');
    if (authorization === undefined) {
      if (!legacyExpected || (email === undefined && key === undefined)) {
        return fail(400, Code.missingCredentials, `Missing X-Auth-Key, X-Auth-Email or Authorization headers (this server accepts ${legacyExpected ? 'Authorization: Bearer <token> or an X-Auth-Email/X-Auth-Key pair' : 'only Authorization: Bearer <token>'})`);
      }
      if (email === undefined || key === undefined) return fail(400, Code.missingCredentials, `Missing ${email === undefined ? 'X-Auth-Email' : 'X-Auth-Key'} header: the legacy scheme needs both`);
      if (!EMAIL.test(email)) return malformed(Code.invalidEmailFormat, 'Invalid format for X-Auth-Email header');
      if (!KEY.test(key)) return malformed(Code.invalidKeyFormat, 'Invalid format for X-Auth-Key header');
      // Both compared, whichever differs: the answer does not tell which one was wrong.
      const emailOk = same(email, legacyExpected.email);
      const keyOk = same(key, legacyExpected.key);
      return emailOk && keyOk ? null : fail(403, Code.unknownLegacyCredentials, 'Unknown X-Auth-Key or X-Auth-Email');
    }
    const match = BEARER.exec(authorization);
    if (!match) return malformed(Code.invalidAuthorizationFormat, 'Invalid format for Authorization header: expected "Bearer <token>"');
    return same(match[1]!, expected) ? null : fail(403, Code.invalidToken, 'Invalid access token');
  };
}

function malformed(code: number, message: string): Reply {
  return fail(400, Code.malformedAuthorization, 'Invalid request headers', { error_chain: [{ code, message }] });
}

/** The rate-limit key of a request: its credential (a limit per token or per key, like Cloudflare's). */
export function credentialKey(headers: IncomingHttpHeaders): string {
  return headers.authorization ?? `legacy ${header(headers, 'x-auth-email') ?? ''} ${header(headers, 'x-auth-key') ?? ''}`;
}
