// Tests of the JSON Schemas in schemas/ and of suite/judging/schemas.ts: every schema compiles in strict mode with
// a unique $id; every example of openapi.json validates against the schema of the place it is used; the
// schemas reject what the spec forbids and accept what it leaves open (cases as data, one test per case).
import { test, expect } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { SCHEMA_BASE, SCHEMA_DIR, SCHEMA_DRAFT, SCHEMA_FILES, schemaId, validate } from '../../suite/judging/schemas';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const OPENAPI_PATH = path.resolve(REPO_ROOT, 'spec', 'openapi.json');

// ---- The schema files themselves -----------------------------------------------------------------

function schemaFilesOnDisk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return schemaFilesOnDisk(full);
    return e.isFile() && e.name.endsWith('.schema.json') ? [full] : [];
  });
}

const onDisk = schemaFilesOnDisk(SCHEMA_DIR).map((full) => ({
  file: path.relative(SCHEMA_DIR, full),
  schema: JSON.parse(fs.readFileSync(full, 'utf8')) as { $id?: string; $schema?: string; description?: string },
}));

test.describe('schema files', () => {
  test('every schema file has a unique $id, and the loader loaded each of them', () => {
    const ids = onDisk.map((s) => s.schema.$id);
    for (const s of onDisk) expect(typeof s.schema.$id, `schemas/${s.file} has no $id`).toBe('string');
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates, 'duplicate $id').toEqual([]);
    expect(SCHEMA_FILES.map((f) => f.file).sort()).toEqual(onDisk.map((s) => s.file).sort());
  });

  test('every schema file compiles in strict mode with one fresh Ajv (draft 2020-12, allErrors, ajv-formats)', () => {
    const fresh = new Ajv2020({ strict: true, allErrors: true });
    addFormats(fresh);
    for (const s of onDisk) fresh.addSchema(s.schema);
    for (const s of onDisk) expect(() => fresh.getSchema(s.schema.$id!), `schemas/${s.file}`).not.toThrow();
  });

  test('every schema file is draft 2020-12 (one draft for all)', () => {
    for (const s of onDisk) expect(s.schema.$schema ?? SCHEMA_DRAFT, `schemas/${s.file}`).toBe(SCHEMA_DRAFT);
  });

  test('every top-level schema is named after its file and says where it comes from', () => {
    for (const s of onDisk.filter((x) => !x.file.includes(path.sep))) {
      expect(s.schema.$id, `schemas/${s.file}`).toBe(SCHEMA_BASE + s.file);
      expect(s.schema.description ?? '', `schemas/${s.file} description`).toMatch(/openapi\.json|spec\/README\.md/);
    }
  });
});

// ---- openapi.json's own examples -----------------------------------------------------------------

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { examples: Record<string, { value: unknown }> };
}
interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, { examples?: Record<string, { $ref: string }> }> };
  responses: Record<string, { content?: Record<string, { examples?: Record<string, { $ref: string }> }> }>;
}

// Which schema each operation's 200 response, 4XX response and request body are checked against.
const OPERATION_SCHEMAS: Record<string, { ok: string; request?: string }> = {
  'origin-cloud-regions-v2-upsert': { ok: 'mapping-response', request: 'mapping-request' },
  'origin-cloud-regions-v2-get': { ok: 'mapping-response' },
  'origin-cloud-regions-v2-delete': { ok: 'delete-response' },
  'origin-cloud-regions-v2-list': { ok: 'list-response' },
  'origin-cloud-regions-v2-batch-upsert': { ok: 'batch-response', request: 'batch-put-request' },
  'origin-cloud-regions-v2-batch-delete': { ok: 'batch-response' },
  'origin-cloud-regions-v2-supported-regions': { ok: 'supported-regions-response' },
};

function loadOpenApi(): OpenApi | Error {
  if (!fs.existsSync(OPENAPI_PATH))
    return new Error(`openapi.json not found at ${OPENAPI_PATH} (the repo's spec/ folder)`);
  try {
    return JSON.parse(fs.readFileSync(OPENAPI_PATH, 'utf8')) as OpenApi;
  } catch (e) {
    return new Error(`${OPENAPI_PATH} is not valid JSON: ${(e as Error).message}`);
  }
}

/** example name -> the schemas it must satisfy, from where openapi.json uses it. */
function exampleUses(spec: OpenApi): Map<string, Set<string>> {
  const uses = new Map<string, Set<string>>();
  const use = (ref: string, schema: string) => {
    const name = ref.replace('#/components/examples/', '');
    uses.set(name, (uses.get(name) ?? new Set()).add(schema));
  };
  for (const methods of Object.values(spec.paths)) {
    for (const op of Object.values(methods)) {
      const schemas = OPERATION_SCHEMAS[op.operationId];
      if (!schemas) throw new Error(`openapi.json has an operation this test does not know: ${op.operationId}`);
      for (const [status, response] of Object.entries(op.responses)) {
        const schema = status === '200' ? schemas.ok : status === '4XX' ? 'failure-envelope' : undefined;
        if (!schema) throw new Error(`${op.operationId}: response ${status} has no schema in this test`);
        for (const ex of Object.values(response.content?.['application/json']?.examples ?? {})) use(ex.$ref, schema);
      }
      for (const ex of Object.values(op.requestBody?.content['application/json']?.examples ?? {})) {
        if (!schemas.request) throw new Error(`${op.operationId}: request example without a request schema`);
        use(ex.$ref, schemas.request);
      }
    }
  }
  return uses;
}

const openapi = loadOpenApi();

test.describe('openapi.json examples', () => {
  if (openapi instanceof Error) {
    test('openapi.json can be read', () => {
      throw openapi;
    });
    return;
  }
  const uses = exampleUses(openapi);

  test('every example in components.examples is used by an operation, so it is checked below', () => {
    const unused = Object.keys(openapi.components.examples).filter((name) => !uses.has(name));
    expect(unused).toEqual([]);
  });

  for (const [name, schemas] of uses) {
    for (const schema of schemas) {
      test(`example ${name} is valid against ${schema}`, () => {
        const example = openapi.components.examples[name];
        expect(example, `components.examples.${name} is missing`).toBeDefined();
        expect(validate(schema, example.value).errors).toEqual([]);
      });
    }
  }
});

// ---- Cases as data: what the schemas reject and what they accept ----------------------------------

const mapping = { origin_ip: '192.0.2.1', region: 'us-east-1', vendor: 'aws', modified_on: '2026-03-01T12:00:00Z' };
const ok = { success: true, errors: [], messages: [] };
const fail = { success: false, errors: [{ code: 1142, message: 'not found' }], messages: [], result: null };
const resultInfo = { page: 1, per_page: 20, count: 1, total_count: 1, total_pages: 1 };
const regions = { obtained_codes: true, vendors: { aws: [{ name: 'us-east-1', upper_tier_colos: ['IAD', 'EWR'] }] } };

interface Case {
  title: string;
  schema: string;
  data: unknown;
  /** For a rejected case: a fragment of the expected error text (it names the path). */
  error?: string;
}

const rejected: Case[] = [
  { title: 'success as the string "true"', schema: 'success-envelope', data: { ...ok, success: 'true' }, error: '/success must be boolean' },
  { title: 'success false in a success envelope', schema: 'success-envelope', data: { ...ok, success: false }, error: '/success must be true' },
  { title: 'a success envelope with errors', schema: 'success-envelope', data: { ...ok, errors: [{ code: 1000, message: 'x' }] }, error: '/errors must NOT have more than 0 items' },
  { title: 'a success envelope without messages', schema: 'success-envelope', data: { success: true, errors: [] }, error: "must have required property 'messages'" },
  { title: 'messages as strings', schema: 'success-envelope', data: { ...ok, messages: ['done'] }, error: '/messages/0 must be object' },
  { title: 'a body that is an array', schema: 'success-envelope', data: [ok], error: '(root) must be object' },
  { title: 'failure errors as strings', schema: 'failure-envelope', data: { ...fail, errors: ['not found'] }, error: '/errors/0 must be object' },
  { title: 'failure errors empty', schema: 'failure-envelope', data: { ...fail, errors: [] }, error: '/errors must NOT have fewer than 1 items' },
  { title: 'failure without messages', schema: 'failure-envelope', data: { success: false, errors: fail.errors, result: null }, error: "must have required property 'messages'" },
  { title: 'failure result not null', schema: 'failure-envelope', data: { ...fail, result: {} }, error: '/result must be null' },
  { title: 'failure result absent', schema: 'failure-envelope', data: { success: false, errors: fail.errors, messages: [] }, error: "must have required property 'result'" },
  { title: 'failure success true', schema: 'failure-envelope', data: { ...fail, success: true }, error: '/success must be false' },
  { title: 'error code 999 (below 1000)', schema: 'failure-envelope', data: { ...fail, errors: [{ code: 999, message: 'x' }] }, error: '/errors/0/code must be >= 1000' },
  { title: 'error code as a string', schema: 'failure-envelope', data: { ...fail, errors: [{ code: '1142', message: 'x' }] }, error: '/errors/0/code must be integer' },
  { title: 'error without message', schema: 'failure-envelope', data: { ...fail, errors: [{ code: 1142 }] }, error: "/errors/0 must have required property 'message'" },
  { title: 'auth failure with empty errors', schema: 'auth-failure-envelope', data: { success: false, errors: [] }, error: '/errors must NOT have fewer than 1 items' },
  { title: 'auth failure with success true', schema: 'auth-failure-envelope', data: { success: true, errors: [{ code: 9106, message: 'x' }] }, error: '/success must be false' },
  { title: 'vendor "AWS" (matching is case-sensitive)', schema: 'mapping', data: { ...mapping, vendor: 'AWS' }, error: '/vendor must be one of "aws", "azure", "gcp", "oci"' },
  { title: 'mapping without region', schema: 'mapping', data: { origin_ip: '192.0.2.1', vendor: 'aws' }, error: "must have required property 'region'" },
  { title: 'origin_ip as a number', schema: 'mapping', data: { ...mapping, origin_ip: 3221225985 }, error: '/origin_ip must be string' },
  { title: 'modified_on with a space and no zone', schema: 'mapping', data: { ...mapping, modified_on: '2026-03-01 12:00:00' }, error: '/modified_on must match format "date-time"' },
  { title: 'modified_on as epoch seconds', schema: 'mapping', data: { ...mapping, modified_on: 1772366400 }, error: '/modified_on must be string' },
  { title: 'single response result a list', schema: 'mapping-response', data: { ...ok, result: [mapping] }, error: '/result must be object' },
  { title: 'single response with a malformed modified_on', schema: 'mapping-response', data: { ...ok, result: { ...mapping, modified_on: 'yesterday' } }, error: '/result/modified_on must match format "date-time"' },
  { title: 'list without result_info', schema: 'list-response', data: { ...ok, result: [] }, error: "must have required property 'result_info'" },
  { title: 'list result_info missing total_pages', schema: 'list-response', data: { ...ok, result: [mapping], result_info: { ...resultInfo, total_pages: undefined } }, error: "/result_info must have required property 'total_pages'" },
  { title: 'list result_info count as a string', schema: 'list-response', data: { ...ok, result: [mapping], result_info: { ...resultInfo, count: '1' } }, error: '/result_info/count must be integer' },
  { title: 'list result_info page 1.5', schema: 'list-response', data: { ...ok, result: [mapping], result_info: { ...resultInfo, page: 1.5 } }, error: '/result_info/page must be integer' },
  { title: 'list result_info total_count negative', schema: 'list-response', data: { ...ok, result: [mapping], result_info: { ...resultInfo, total_count: -1 } }, error: '/result_info/total_count must be >= 0' },
  { title: 'list item with vendor "Azure"', schema: 'list-response', data: { ...ok, result: [{ ...mapping, vendor: 'Azure' }], result_info: resultInfo }, error: '/result/0/vendor must be one of' },
  { title: 'list result null', schema: 'list-response', data: { ...ok, result: null, result_info: resultInfo }, error: '/result must be array' },
  { title: 'delete result without origin_ip', schema: 'delete-response', data: { ...ok, result: {} }, error: "/result must have required property 'origin_ip'" },
  { title: 'batch item missing origin_ip', schema: 'batch-response', data: { ...ok, result: { succeeded: [{ region: 'us-east-1', vendor: 'aws' }], failed: [] } }, error: "/result/succeeded/0 must have required property 'origin_ip'" },
  { title: 'batch result without failed', schema: 'batch-response', data: { ...ok, result: { succeeded: [] } }, error: "/result must have required property 'failed'" },
  { title: 'batch failed item error as an object', schema: 'batch-response', data: { ...ok, result: { succeeded: [], failed: [{ origin_ip: 'x', error: { code: 1157 } }] } }, error: '/result/failed/0/error must be string' },
  { title: 'supported regions vendors an array instead of a map', schema: 'supported-regions-response', data: { ...ok, result: { obtained_codes: true, vendors: [{ name: 'us-east-1', upper_tier_colos: [] }] } }, error: '/result/vendors must be object' },
  { title: 'supported regions upper_tier_colos a string', schema: 'supported-regions-response', data: { ...ok, result: { obtained_codes: true, vendors: { aws: [{ name: 'us-east-1', upper_tier_colos: 'IAD' }] } } }, error: '/result/vendors/aws/0/upper_tier_colos must be array' },
  { title: 'supported regions obtained_codes as "true"', schema: 'supported-regions-response', data: { ...ok, result: { ...regions, obtained_codes: 'true' } }, error: '/result/obtained_codes must be boolean' },
  { title: 'supported regions region without name', schema: 'supported-regions-response', data: { ...ok, result: { obtained_codes: true, vendors: { aws: [{ upper_tier_colos: [] }] } } }, error: "/result/vendors/aws/0 must have required property 'name'" },
  { title: 'a request without vendor', schema: 'mapping-request', data: { origin_ip: '192.0.2.1', region: 'us-east-1' }, error: "must have required property 'vendor'" },
  { title: 'a batch PUT of 101 items', schema: 'batch-put-request', data: Array.from({ length: 101 }, () => mapping), error: 'must NOT have more than 100 items' },
  { title: 'a batch DELETE body of objects', schema: 'batch-delete-request', data: [{ origin_ip: '192.0.2.1' }], error: '/0 must be string' },
];

const accepted: Case[] = [
  { title: 'extra fields in the envelope and the result', schema: 'mapping-response', data: { ...ok, result: { ...mapping, zone_id: 'z', note: 1 }, trace: 'abc' } },
  { title: 'non-empty messages on success', schema: 'mapping-response', data: { ...ok, messages: [{ code: 10001, message: 'replaced' }], result: mapping } },
  { title: 'a millisecond timestamp', schema: 'mapping', data: { ...mapping, modified_on: '2026-03-01T12:00:00.123Z' } },
  { title: 'a microsecond timestamp with an offset', schema: 'mapping', data: { ...mapping, modified_on: '2026-03-01T12:00:00.123456+02:00' } },
  { title: 'a mapping without modified_on', schema: 'mapping', data: { origin_ip: '2001:db8::1', region: 'us-central1', vendor: 'gcp' } },
  { title: 'a single response without result (openapi: result optional)', schema: 'mapping-response', data: ok },
  { title: 'errors with documentation_url and source', schema: 'failure-envelope', data: { ...fail, errors: [{ code: 1146, message: 'x', documentation_url: 'https://developers.cloudflare.com/', source: { pointer: '/origin_ip' } }] } },
  { title: 'an error with extra fields (the platform error_chain)', schema: 'failure-envelope', data: { ...fail, errors: [{ code: 6003, message: 'Invalid request headers', error_chain: [{ code: 6111, message: 'x' }] }] } },
  { title: 'non-empty messages on failure', schema: 'failure-envelope', data: { ...fail, messages: [{ code: 10000, message: 'see errors' }] } },
  { title: 'an auth failure without messages and result (decision 11)', schema: 'auth-failure-envelope', data: { success: false, errors: [{ code: 9106, message: 'Missing X-Auth-Key' }] } },
  { title: 'an auth failure with the full failure envelope', schema: 'auth-failure-envelope', data: fail },
  { title: 'an empty list with total_pages 0', schema: 'list-response', data: { ...ok, result: [], result_info: { page: 1, per_page: 20, count: 0, total_count: 0, total_pages: 0 } } },
  { title: 'a vendor key outside the enum in supported regions (open map)', schema: 'supported-regions-response', data: { ...ok, result: { ...regions, vendors: { ...regions.vendors, ibm: [{ name: 'us-south', upper_tier_colos: [] }] } } } },
  { title: 'obtained_codes false with empty colos', schema: 'supported-regions-result', data: { obtained_codes: false, vendors: { aws: [{ name: 'us-east-1', upper_tier_colos: [] }] } } },
  { title: 'a failed batch item with an error and an unknown vendor string', schema: 'batch-result', data: { succeeded: [], failed: [{ origin_ip: '192.0.2.9', error: 'bad vendor', vendor: 'AWS', region: 'x' }] } },
  { title: 'a request with an extra field', schema: 'mapping-request', data: { origin_ip: '192.0.2.1', region: 'us-east-1', vendor: 'aws', comment: 'x' } },
];

test.describe('the schemas reject what the spec forbids', () => {
  for (const c of rejected) {
    test(`${c.schema} rejects ${c.title}`, () => {
      const r = validate(c.schema, c.data);
      expect(r.ok).toBe(false);
      expect(r.errors.join('\n')).toContain(c.error!);
    });
  }
});

test.describe('the schemas accept what the spec leaves open', () => {
  for (const c of accepted) {
    test(`${c.schema} accepts ${c.title}`, () => {
      expect(validate(c.schema, c.data).errors).toEqual([]);
    });
  }
});

// ---- date-time is RFC 3339 (decision 9) ------------------------------------------------------------

const rfc3339Valid = [
  '2026-03-01T12:00:00Z',
  '2026-03-01T12:00:00.123Z',
  '2026-03-01T12:00:00+02:00',
  '2026-03-01T12:00:00.123456789-05:30',
  '2026-03-01t12:00:00z',
  '2016-12-31T23:59:60Z',
];
const rfc3339Invalid = [
  '2026-03-01 12:00:00',
  '2026-03-01T12:00:00',
  '1772366400',
  '2026-03-01 12:00:00Z',
  '2026-03-01T12:00:00+0200',
  '2026-03-01T12:00:00+02',
  '2026-02-30T12:00:00Z',
  '2026-03-01T24:00:00Z',
  '2026-03-01',
  'Sun, 01 Mar 2026 12:00:00 GMT',
  '',
];

test.describe('modified_on is an RFC 3339 date-time', () => {
  for (const s of rfc3339Valid) {
    test(`accepts ${JSON.stringify(s)}`, () => {
      expect(validate('mapping', { ...mapping, modified_on: s }).errors).toEqual([]);
    });
  }
  for (const s of rfc3339Invalid) {
    test(`rejects ${JSON.stringify(s)}`, () => {
      expect(validate('mapping', { ...mapping, modified_on: s }).errors).toEqual([
        `/modified_on must match format "date-time" (saw string ${JSON.stringify(s)})`,
      ]);
    });
  }
});

// ---- suite/judging/schemas.ts's API --------------------------------------------------------------------------

test.describe('validate()', () => {
  test('reports every error (allErrors), each with its instancePath, what was expected and what was seen', () => {
    const r = validate('mapping-response', { ...ok, success: 'true', result: { ...mapping, vendor: 'AWS', modified_on: 'x' } });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual(
      expect.arrayContaining([
        '/success must be boolean (saw string "true")',
        '/result/vendor must be one of "aws", "azure", "gcp", "oci" (saw string "AWS")',
        '/result/modified_on must match format "date-time" (saw string "x")',
      ]),
    );
  });

  test('accepts a full $id or a short name, and throws for an unknown schema', () => {
    expect(schemaId('mapping')).toBe(`${SCHEMA_BASE}mapping.schema.json`);
    expect(validate(`${SCHEMA_BASE}mapping.schema.json`, mapping).ok).toBe(true);
    expect(() => validate('no-such-schema', {})).toThrow(/Unknown schema/);
  });
});
