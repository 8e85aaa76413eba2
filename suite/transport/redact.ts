// Secrets never leave the process: every exchange, message, attachment and report goes through here.
// The token is replaced wherever it appears (headers, bodies, URLs, error texts), not only in the
// Authorization header, because a defective target may echo it back.

const secrets = new Set<string>();

/** Registers a secret to be scrubbed from everything the suite writes (tokens; never short strings). */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) secrets.add(value);
}

export const REDACTED = '[REDACTED]';

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) {
    if (out.includes(s)) out = out.split(s).join(REDACTED);
    // Also its percent-encoded and JSON-escaped spellings.
    const enc = encodeURIComponent(s);
    if (enc !== s && out.includes(enc)) out = out.split(enc).join(REDACTED);
  }
  return out;
}

/** Deep-redacts a JSON-able value (strings only; structure unchanged). */
export function redactValue<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map(redactValue) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactValue(v);
    return out as T;
  }
  return value;
}

const SECRET_HEADERS = new Set(['authorization', 'x-auth-key', 'x-auth-email', 'cookie', 'set-cookie']);

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const lower = k.toLowerCase();
    // Authorization is shown as sent less the secrets, so a deliberately malformed or wrong header
    // stays readable in the evidence; the other credential headers are hidden whole.
    if (lower === 'authorization') out[k] = redact(v);
    else if (SECRET_HEADERS.has(lower)) out[k] = REDACTED;
    else out[k] = redact(v);
  }
  return out;
}

/** A shell-quoted argument. */
function sq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * A ready-to-run curl command for an exchange, with $CONFORMANCE_API_TOKEN in place of the token.
 * Authorization headers that were deliberately malformed or wrong are shown as sent, less secrets.
 */
export function curlCommand(req: {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  usedToken: boolean;
}): string {
  const parts = ['curl', '-sS', '-X', req.method, sq(redact(req.url))];
  for (const [k, v] of Object.entries(req.headers)) {
    const lower = k.toLowerCase();
    if (lower === 'content-length' || lower === 'host' || lower === 'connection') continue;
    if (lower === 'authorization' && req.usedToken) {
      parts.push('-H', `"Authorization: Bearer $CONFORMANCE_API_TOKEN"`);
      continue;
    }
    parts.push('-H', sq(`${k}: ${redact(v)}`));
  }
  if (req.body !== undefined) parts.push('--data-raw', sq(redact(req.body)));
  return parts.join(' ');
}
