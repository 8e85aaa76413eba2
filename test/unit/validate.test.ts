// Tests of suite/judging/validate.ts: which requirement each broken response is attributed to, and that correct
// responses that differ where the spec is open give no violation. Cases as data, one test per case.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { REQUIREMENTS } from '../../suite/judging/requirements';
import { OPERATION_BY_OPENAPI_ID, type OperationName } from '../../contract';
import { checkResponse, type ResponseLike } from '../../suite/judging/validate';

const mapping = { origin_ip: '192.0.2.1', region: 'us-east-1', vendor: 'aws', modified_on: '2026-03-01T12:00:00Z' };
const ok = { success: true, errors: [], messages: [] };
const fail = { success: false, errors: [{ code: 1142, message: 'not found' }], messages: [], result: null };
const resultInfo = { page: 1, per_page: 20, count: 1, total_count: 1, total_pages: 1 };
const JSON_CT = 'application/json';

interface Case {
  title: string;
  op?: OperationName;
  status: number;
  /** A JSON value, or raw text when given as { raw }. */
  body: unknown;
  contentType?: string | string[];
  authFailureExpected?: boolean;
  /** The requirement IDs of the violations, in any order, with repeats collapsed. */
  expect: string[];
  /** Fragments every violation message of the case must contain, when given. */
  message?: string[];
}

function response(c: Case): ResponseLike {
  const bodyText = typeof c.body === 'object' && c.body !== null && 'raw' in c.body ? String((c.body as { raw: string }).raw) : JSON.stringify(c.body);
  const headers: ResponseLike['headers'] = c.contentType === undefined ? { 'Content-Type': JSON_CT } : { 'content-type': c.contentType };
  return { status: c.status, headers, bodyText };
}

const cases: Case[] = [
  // Correct responses, including the variations the spec leaves open.
  { title: 'a PUT 200 with the mapping', op: 'put', status: 200, body: { ...ok, result: mapping }, expect: [] },
  { title: 'a GET 200 with a millisecond modified_on, extra fields and a message', op: 'get', status: 200, body: { ...ok, messages: [{ code: 10001, message: 'hi' }], result: { ...mapping, modified_on: '2026-03-01T12:00:00.123Z', extra: true }, trace: 'x' }, expect: [] },
  { title: 'a list 200 with result_info', op: 'list', status: 200, body: { ...ok, result: [mapping], result_info: resultInfo }, expect: [] },
  { title: 'a delete 200', op: 'delete', status: 200, body: { ...ok, result: { origin_ip: '2001:db8::1' } }, expect: [] },
  { title: 'a batch PUT 200 with a failed item', op: 'batch-put', status: 200, body: { ...ok, result: { succeeded: [], failed: [{ origin_ip: '192.0.2.1', error: 'bad vendor' }] } }, expect: [] },
  { title: 'a supported regions 200', op: 'supported-regions', status: 200, body: { ...ok, result: { obtained_codes: false, vendors: { aws: [{ name: 'us-east-1', upper_tier_colos: [] }] } } }, expect: [] },
  { title: 'a 404 failure envelope', op: 'get', status: 404, body: fail, expect: [] },
  { title: 'Content-Type with a charset parameter', op: 'put', status: 200, body: { ...ok, result: mapping }, contentType: 'application/json; charset=utf-8', expect: [] },
  { title: 'Content-Type in upper case without a space', op: 'put', status: 200, body: { ...ok, result: mapping }, contentType: 'Application/JSON;charset=UTF-8', expect: [] },
  { title: 'an auth failure without messages and result, when expected', status: 400, body: { success: false, errors: [{ code: 9106, message: 'Missing X-Auth-Key' }] }, authFailureExpected: true, expect: [] },
  { title: 'a 429 whose body is not an envelope (code 971 < 1000): the throttle decides', op: 'put', status: 429, body: { success: false, errors: [{ code: 971, message: 'Please wait' }] }, expect: [] },
  { title: 'a 429 with a text body', op: 'put', status: 429, body: { raw: 'Too Many Requests' }, expect: [] },
  { title: 'a 2xx without an operation: only the envelope is judged', status: 200, body: { ...ok, result: { anything: 1 } }, expect: [] },

  // ENV-NO-5XX
  { title: '503 yields ENV-NO-5XX', op: 'get', status: 503, body: fail, expect: ['ENV-NO-5XX'], message: ['expected a status below 500, saw 503'] },
  { title: '500 with an HTML body yields ENV-NO-5XX and ENV-CONTENT-TYPE, no envelope violation', op: 'put', status: 500, body: { raw: '<html>oops</html>' }, contentType: 'text/html', expect: ['ENV-NO-5XX', 'ENV-CONTENT-TYPE'] },

  // ENV-CONTENT-TYPE
  { title: 'text/plain yields ENV-CONTENT-TYPE', op: 'put', status: 200, body: { ...ok, result: mapping }, contentType: 'text/plain', expect: ['ENV-CONTENT-TYPE'], message: ['expected Content-Type application/json', 'saw "text/plain"'] },
  { title: 'application/problem+json yields ENV-CONTENT-TYPE (another media type)', op: 'get', status: 404, body: fail, contentType: 'application/problem+json', expect: ['ENV-CONTENT-TYPE'] },
  { title: 'application/jsonp yields ENV-CONTENT-TYPE', op: 'get', status: 404, body: fail, contentType: 'application/jsonp', expect: ['ENV-CONTENT-TYPE'] },
  { title: 'a missing Content-Type yields ENV-CONTENT-TYPE', op: 'get', status: 404, body: fail, contentType: [], expect: ['ENV-CONTENT-TYPE'], message: ['saw no Content-Type header'] },
  { title: 'two Content-Type headers yield ENV-CONTENT-TYPE', op: 'get', status: 404, body: fail, contentType: ['application/json', 'text/plain'], expect: ['ENV-CONTENT-TYPE'], message: ['saw 2 Content-Type headers'] },
  { title: 'text/plain on a 429 still yields ENV-CONTENT-TYPE', op: 'put', status: 429, body: { raw: 'slow down' }, contentType: 'text/plain', expect: ['ENV-CONTENT-TYPE'] },

  // Bodies that are not JSON: the envelope of the status class.
  { title: 'a 200 with a non-JSON body yields ENV-SUCCESS-ENVELOPE', op: 'put', status: 200, body: { raw: 'OK' }, expect: ['ENV-SUCCESS-ENVELOPE'], message: ['expected a JSON success envelope, saw "OK"'] },
  { title: 'a 200 with an empty body yields ENV-SUCCESS-ENVELOPE', op: 'delete', status: 200, body: { raw: '' }, expect: ['ENV-SUCCESS-ENVELOPE'], message: ['saw an empty body'] },
  { title: 'a 400 with a non-JSON body yields ENV-FAILURE-ENVELOPE', op: 'put', status: 400, body: { raw: 'Bad Request' }, expect: ['ENV-FAILURE-ENVELOPE'], message: ['expected a JSON failure envelope, saw "Bad Request"'] },

  // ENV-SUCCESS-ENVELOPE
  { title: 'success "true" as a string yields ENV-SUCCESS-ENVELOPE', op: 'put', status: 200, body: { ...ok, success: 'true', result: mapping }, expect: ['ENV-SUCCESS-ENVELOPE'], message: ['/success', 'saw string "true"'] },
  { title: 'a 200 without messages yields ENV-SUCCESS-ENVELOPE', op: 'get', status: 200, body: { success: true, errors: [], result: mapping }, expect: ['ENV-SUCCESS-ENVELOPE'] },
  { title: 'a 200 with success false yields ENV-SUCCESS-ENVELOPE', op: 'get', status: 200, body: { ...ok, success: false, result: mapping }, expect: ['ENV-SUCCESS-ENVELOPE'] },
  { title: 'a 200 carrying a failure envelope yields ENV-SUCCESS-ENVELOPE and ENV-RESULT-SCHEMA (result null)', op: 'get', status: 200, body: fail, expect: ['ENV-SUCCESS-ENVELOPE', 'ENV-RESULT-SCHEMA'] },
  { title: 'a 200 with an array body and no operation yields ENV-SUCCESS-ENVELOPE', status: 200, body: [mapping], expect: ['ENV-SUCCESS-ENVELOPE'] },

  // ENV-RESULT-SCHEMA
  { title: 'vendor "AWS" yields ENV-RESULT-SCHEMA', op: 'get', status: 200, body: { ...ok, result: { ...mapping, vendor: 'AWS' } }, expect: ['ENV-RESULT-SCHEMA'], message: ['/result/vendor', 'saw string "AWS"'] },
  { title: 'a list without result_info yields ENV-RESULT-SCHEMA', op: 'list', status: 200, body: { ...ok, result: [] }, expect: ['ENV-RESULT-SCHEMA'] },
  { title: 'result_info missing total_pages yields ENV-RESULT-SCHEMA', op: 'list', status: 200, body: { ...ok, result: [mapping], result_info: { ...resultInfo, total_pages: undefined } }, expect: ['ENV-RESULT-SCHEMA'], message: ["/result_info must have required property 'total_pages'"] },
  { title: 'a batch item missing origin_ip yields ENV-RESULT-SCHEMA', op: 'batch-delete', status: 200, body: { ...ok, result: { succeeded: [{ region: 'us-east-1' }], failed: [] } }, expect: ['ENV-RESULT-SCHEMA'] },
  { title: 'supported regions vendors as an array yields REGIONS-SHAPE (its own requirement)', op: 'supported-regions', status: 200, body: { ...ok, result: { obtained_codes: true, vendors: [] } }, expect: ['REGIONS-SHAPE'] },
  { title: 'a delete result of the wrong operation yields ENV-RESULT-SCHEMA', op: 'put', status: 200, body: { ...ok, result: { origin_ip: '192.0.2.1' } }, expect: ['ENV-RESULT-SCHEMA'] },
  { title: 'a bad envelope and a bad result are attributed separately', op: 'get', status: 200, body: { ...ok, errors: [{ code: 1000, message: 'x' }], result: { ...mapping, region: 5 } }, expect: ['ENV-SUCCESS-ENVELOPE', 'ENV-RESULT-SCHEMA'] },

  // ENV-MODIFIED-ON, not ENV-RESULT-SCHEMA
  { title: 'a malformed modified_on yields ENV-MODIFIED-ON and not ENV-RESULT-SCHEMA', op: 'put', status: 200, body: { ...ok, result: { ...mapping, modified_on: '2026-03-01 12:00:00' } }, expect: ['ENV-MODIFIED-ON'], message: ['/result/modified_on must match format "date-time"', 'saw string "2026-03-01 12:00:00"'] },
  { title: 'a modified_on without a time zone yields ENV-MODIFIED-ON', op: 'get', status: 200, body: { ...ok, result: { ...mapping, modified_on: '2026-03-01T12:00:00' } }, expect: ['ENV-MODIFIED-ON'] },
  { title: 'a modified_on as epoch seconds yields ENV-MODIFIED-ON', op: 'get', status: 200, body: { ...ok, result: { ...mapping, modified_on: 1772366400 } }, expect: ['ENV-MODIFIED-ON'] },
  { title: 'a malformed modified_on inside a list yields ENV-MODIFIED-ON', op: 'list', status: 200, body: { ...ok, result: [{ ...mapping, modified_on: 'now' }], result_info: resultInfo }, expect: ['ENV-MODIFIED-ON'], message: ['/result/0/modified_on'] },

  // ENV-FAILURE-ENVELOPE
  { title: 'failure result not null yields ENV-FAILURE-ENVELOPE', op: 'get', status: 404, body: { ...fail, result: {} }, expect: ['ENV-FAILURE-ENVELOPE'], message: ['/result must be null'] },
  { title: 'errors as strings yield ENV-FAILURE-ENVELOPE', op: 'put', status: 400, body: { ...fail, errors: ['bad'] }, expect: ['ENV-FAILURE-ENVELOPE'] },
  { title: 'code 999 yields ENV-FAILURE-ENVELOPE', op: 'put', status: 400, body: { ...fail, errors: [{ code: 999, message: 'x' }] }, expect: ['ENV-FAILURE-ENVELOPE'], message: ['/errors/0/code must be >= 1000'] },
  { title: 'a 4xx without messages and result yields ENV-FAILURE-ENVELOPE when no auth failure is expected', op: 'get', status: 403, body: { success: false, errors: [{ code: 9109, message: 'Invalid access token' }] }, expect: ['ENV-FAILURE-ENVELOPE'] },
  { title: 'an auth failure with empty errors yields ENV-FAILURE-ENVELOPE', status: 401, body: { success: false, errors: [] }, authFailureExpected: true, expect: ['ENV-FAILURE-ENVELOPE'] },
  { title: 'a 4xx with success true yields ENV-FAILURE-ENVELOPE', op: 'put', status: 400, body: { ...ok, result: null }, expect: ['ENV-FAILURE-ENVELOPE'] },
];

test.describe('checkResponse attributes each violation to its requirement', () => {
  test('every requirement ID the cases expect exists in the catalogue', () => {
    for (const c of cases) for (const id of c.expect) expect(REQUIREMENTS.has(id), id).toBe(true);
  });

  for (const c of cases) {
    test(`${c.title}`, () => {
      const violations = checkResponse(c.op, response(c), { authFailureExpected: c.authFailureExpected });
      expect([...new Set(violations.map((v) => v.requirement))].sort()).toEqual([...c.expect].sort());
      for (const v of violations) {
        expect(REQUIREMENTS.has(v.requirement), v.requirement).toBe(true);
        for (const fragment of c.message ?? []) expect(v.message).toContain(fragment);
      }
    });
  }
});

// openapi.json's response examples, each sent through checkResponse as the operation that uses it.
const OPENAPI_PATH = path.resolve(__dirname, '..', '..', 'spec', 'openapi.json');
const OPERATION_IDS = OPERATION_BY_OPENAPI_ID;

test('every response example of openapi.json passes checkResponse for its operation', () => {
  expect(fs.existsSync(OPENAPI_PATH), `openapi.json not found at ${OPENAPI_PATH}`).toBe(true);
  type Examples = Record<string, { $ref: string }>;
  const spec = JSON.parse(fs.readFileSync(OPENAPI_PATH, 'utf8')) as {
    paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { examples?: Examples }> }> }>>;
    components: { examples: Record<string, { value: unknown }> };
  };
  let checked = 0;
  for (const methods of Object.values(spec.paths)) {
    for (const operation of Object.values(methods)) {
      const op = OPERATION_IDS[operation.operationId];
      expect(op, operation.operationId).toBeDefined();
      for (const [status, r] of Object.entries(operation.responses)) {
        for (const ex of Object.values(r.content?.['application/json']?.examples ?? {})) {
          const value = spec.components.examples[ex.$ref.replace('#/components/examples/', '')].value;
          const res: ResponseLike = { status: status === '200' ? 200 : 400, headers: { 'content-type': JSON_CT }, bodyText: JSON.stringify(value) };
          expect(checkResponse(op, res), `${operation.operationId} ${status} ${ex.$ref}`).toEqual([]);
          checked++;
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(0);
});

test.describe('checkResponse', () => {
  test('finds header names in any letter case', () => {
    const res: ResponseLike = { status: 200, headers: { 'CONTENT-TYPE': 'text/plain' }, bodyText: JSON.stringify(ok) };
    expect(checkResponse(undefined, res).map((v) => v.requirement)).toEqual(['ENV-CONTENT-TYPE']);
  });

  test('keeps each violation message short (one line, under 200 characters)', () => {
    const long = 'x'.repeat(5000);
    const res: ResponseLike = { status: 200, headers: { 'content-type': long }, bodyText: long };
    const violations = checkResponse('put', res);
    expect(violations.length).toBe(2);
    for (const v of violations) {
      expect(v.message.length).toBeLessThan(200);
      expect(v.message).not.toContain('\n');
    }
  });
});
