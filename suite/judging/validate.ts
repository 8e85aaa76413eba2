// The one response check: every response the suite receives passes through checkResponse (the api
// fixture calls it from the client's onResponse), so no test can forget the envelope rules.
// It returns violations, each attributed to a requirement ID of suite/judging/requirements.ts; it never throws for
// a bad response (an unknown schema is a harness error and does throw, from suite/judging/schemas.ts).
import type { OperationName } from '../../contract';
import { schemaErrors, type SchemaError } from './schemas';

/** requirement is an ID of suite/judging/requirements.ts. */
export interface Violation {
  requirement: string;
  message: string;
}

export interface ResponseLike {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bodyText: string;
}

/** The 200 response schema of each operation (openapi.json, paths). */
const RESPONSE_SCHEMA: Record<OperationName, string> = {
  put: 'mapping-response',
  get: 'mapping-response',
  delete: 'delete-response',
  list: 'list-response',
  'batch-put': 'batch-response',
  'batch-delete': 'batch-response',
  'supported-regions': 'supported-regions-response',
};

const ENVELOPE_KEYS = new Set(['success', 'errors', 'messages']);

function short(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 3)}...` : oneLine;
}

function header(res: ResponseLike, name: string): string[] {
  const values: string[] = [];
  for (const [key, value] of Object.entries(res.headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    values.push(...(Array.isArray(value) ? value : [value]));
  }
  return values;
}

// Decision 11: "Content-Type: application/json (parameters such as charset allowed)". Only that media
// type: a +json type such as application/problem+json is a different media type.
function contentTypeViolation(res: ResponseLike): Violation | undefined {
  const values = header(res, 'content-type');
  const expected = 'expected Content-Type application/json';
  if (values.length === 0) return { requirement: 'ENV-CONTENT-TYPE', message: `${expected}, saw no Content-Type header` };
  if (values.length > 1)
    return { requirement: 'ENV-CONTENT-TYPE', message: `${expected}, saw ${values.length} Content-Type headers: ${short(values.join(' | '))}` };
  const mediaType = values[0].split(';')[0].trim().toLowerCase();
  if (mediaType === 'application/json') return undefined;
  return { requirement: 'ENV-CONTENT-TYPE', message: `${expected}, saw "${short(values[0])}"` };
}

// Which requirement a schema error of a 2xx response breaks. modified_on anywhere is decision 9's own
// requirement (a wrong type or a bad format alike); the envelope keys (and the body's own shape) are the
// envelope's; supported_regions' result is REGIONS-SHAPE (its own requirement, so a defect there is
// attributed to it); everything else (result, result_info) is the operation's result schema.
function successRequirement(e: SchemaError, op: OperationName | undefined): string {
  const segments = e.path.split('/');
  if (segments[segments.length - 1] === 'modified_on') return 'ENV-MODIFIED-ON';
  if (e.path === '' || ENVELOPE_KEYS.has(segments[1])) return 'ENV-SUCCESS-ENVELOPE';
  if (op === 'supported-regions') return 'REGIONS-SHAPE';
  return 'ENV-RESULT-SCHEMA';
}

function parseBody(res: ResponseLike): { ok: true; body: unknown } | { ok: false; seen: string } {
  if (res.bodyText.trim() === '') return { ok: false, seen: 'an empty body' };
  try {
    return { ok: true, body: JSON.parse(res.bodyText) };
  } catch {
    return { ok: false, seen: `"${short(res.bodyText)}"` };
  }
}

/**
 * Every rule that applies to any response: no 5xx, application/json, and the envelope of the status class
 * (2xx: success envelope and the operation's result schema when `op` is known; 4xx: failure envelope, or
 * the auth-failure envelope when the caller expects an auth failure). 429 belongs to the rate limiter: its
 * body (code 971 < 1000) is not judged, only its Content-Type. 1xx/3xx have no envelope in the spec.
 */
export function checkResponse(
  op: OperationName | undefined,
  res: ResponseLike,
  opts: { authFailureExpected?: boolean } = {},
): Violation[] {
  const violations: Violation[] = [];
  if (res.status >= 500)
    violations.push({ requirement: 'ENV-NO-5XX', message: `expected a status below 500, saw ${res.status}` });
  const ct = contentTypeViolation(res);
  if (ct) violations.push(ct);

  const success = res.status >= 200 && res.status < 300;
  const failure = res.status >= 400 && res.status < 500 && res.status !== 429;
  if (!success && !failure) return violations;

  const envelopeId = success ? 'ENV-SUCCESS-ENVELOPE' : 'ENV-FAILURE-ENVELOPE';
  const parsed = parseBody(res);
  if (!parsed.ok) {
    violations.push({ requirement: envelopeId, message: `expected a JSON ${success ? 'success' : 'failure'} envelope, saw ${parsed.seen}` });
    return violations;
  }

  if (success) {
    const schema = op ? RESPONSE_SCHEMA[op] : 'success-envelope';
    for (const e of schemaErrors(schema, parsed.body))
      violations.push({ requirement: op ? successRequirement(e, op) : 'ENV-SUCCESS-ENVELOPE', message: e.text });
  } else {
    const schema = opts.authFailureExpected ? 'auth-failure-envelope' : 'failure-envelope';
    for (const e of schemaErrors(schema, parsed.body))
      violations.push({ requirement: 'ENV-FAILURE-ENVELOPE', message: e.text });
  }
  return violations;
}
