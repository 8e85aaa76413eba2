// The one Ajv instance of the suite. It loads every *.schema.json under schemas/ (recursively, so the
// test-case schemas in schemas/cases/ too) once, compiles them all at load in the runner so a broken
// schema is an error of the run and names its file (a worker compiles each at first use), and turns Ajv's errors into short readable sentences.
// Draft 2020-12 everywhere (ajv/dist/2020); strict mode, so a keyword typo in a schema cannot pass silently.
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { RFC3339 } from '../../contract';

export const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schemas');
export const SCHEMA_BASE = 'https://schemas.origin-cloud-regions.conformance/';
export const SCHEMA_DRAFT = 'https://json-schema.org/draft/2020-12/schema';

/** A loaded schema file: where it lives (relative to schemas/) and its $id. */
export interface SchemaFile {
  file: string;
  id: string;
}

/** One validation problem. `path` is where it is: the instancePath, or the missing property's path. */
export interface SchemaError {
  path: string;
  keyword: string;
  text: string;
}

// ajv-formats' full-mode date-time also accepts a space separator and offsets without a colon or
// without minutes (+0200, +02), which RFC 3339 does not: decision 9 says "RFC 3339", so the contract's
// grammar is enforced here and the calendar and range checks (day of month, 23:59:60 leap second) stay
// with ajv-formats.

function listSchemaFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listSchemaFiles(full);
      return entry.isFile() && entry.name.endsWith('.schema.json') ? [full] : [];
    })
    .sort();
}

function createAjv(): Ajv2020 {
  const instance = new Ajv2020({ strict: true, allErrors: true, verbose: true });
  addFormats(instance, { mode: 'full' });
  const base = addFormats.get('date-time', 'full') as ((s: string) => boolean) | { validate: unknown };
  const baseValidate = typeof base === 'function' ? base : base.validate;
  if (typeof baseValidate !== 'function') throw new Error('ajv-formats has no date-time validator');
  instance.addFormat('date-time', {
    type: 'string',
    validate: (s: string) => RFC3339.test(s) && Boolean(baseValidate(s)),
  });
  return instance;
}

function load(instance: Ajv2020): SchemaFile[] {
  const files: SchemaFile[] = [];
  const byId = new Map<string, string>();
  for (const full of listSchemaFiles(SCHEMA_DIR)) {
    const file = path.relative(SCHEMA_DIR, full);
    let schema: unknown;
    try {
      schema = JSON.parse(fs.readFileSync(full, 'utf8'));
    } catch (e) {
      throw new Error(`schemas/${file}: not valid JSON: ${(e as Error).message}`);
    }
    const id = (schema as { $id?: unknown }).$id;
    if (typeof id !== 'string' || id === '') throw new Error(`schemas/${file}: has no $id`);
    const other = byId.get(id);
    if (other) throw new Error(`schemas/${file}: $id ${id} is already used by schemas/${other}`);
    byId.set(id, file);
    instance.addSchema(schema as object);
    files.push({ file, id });
  }
  // Compile every schema now (refs resolve across files once all are added), not at first use, in the
  // runner: global setup imports this module, so a broken schema is an error of the run, named once.
  // A Playwright worker compiles each schema at its first use instead: a worker that meets two
  // operations (a self-test case's) compiles two, not all (about 0.5 s of CPU a worker).
  if (process.env.TEST_WORKER_INDEX !== undefined) return files;
  for (const { file, id } of files) {
    try {
      instance.getSchema(id);
    } catch (e) {
      throw new Error(`schemas/${file}: does not compile in strict mode: ${(e as Error).message}`);
    }
  }
  return files;
}

export const ajv = createAjv();
export const SCHEMA_FILES: readonly SchemaFile[] = load(ajv);

/** The full $id for a full $id or a short name relative to SCHEMA_BASE ('mapping', 'cases/x.schema.json'). */
export function schemaId(nameOrId: string): string {
  if (nameOrId.includes('://')) return nameOrId;
  return SCHEMA_BASE + (nameOrId.endsWith('.schema.json') ? nameOrId : `${nameOrId}.schema.json`);
}

function seen(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const json = JSON.stringify(value);
  const shown = json.length > 60 ? `${json.slice(0, 57)}...` : json;
  return `${typeof value} ${shown}`;
}

function describe(e: ErrorObject): SchemaError {
  const where = e.instancePath === '' ? '(root)' : e.instancePath;
  switch (e.keyword) {
    case 'required': {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      return { path: `${e.instancePath}/${missing}`, keyword: e.keyword, text: `${where} must have required property '${missing}'` };
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v));
      return { path: e.instancePath, keyword: e.keyword, text: `${where} must be one of ${allowed.join(', ')} (saw ${seen(e.data)})` };
    }
    case 'const': {
      const allowed = JSON.stringify((e.params as { allowedValue: unknown }).allowedValue);
      return { path: e.instancePath, keyword: e.keyword, text: `${where} must be ${allowed} (saw ${seen(e.data)})` };
    }
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      return { path: `${e.instancePath}/${key}`, keyword: e.keyword, text: `${where} has an unknown key ${JSON.stringify(key)}` };
    }
    default:
      return { path: e.instancePath, keyword: e.keyword, text: `${where} ${e.message ?? 'is invalid'} (saw ${seen(e.data)})` };
  }
}

/** Every problem of `data` against a schema; throws (a harness error) for an unknown schema. */
export function schemaErrors(nameOrId: string, data: unknown): SchemaError[] {
  const id = schemaId(nameOrId);
  const check = ajv.getSchema(id);
  if (!check) throw new Error(`Unknown schema ${id}: no schemas/**/*.schema.json has this $id`);
  if (check(data)) return [];
  return (check.errors ?? []).map(describe);
}

/** Validate against a schema by $id (or short name): ok, and readable error texts with their paths. */
export function validate(schemaIdOrName: string, data: unknown): { ok: boolean; errors: string[] } {
  const errors = schemaErrors(schemaIdOrName, data);
  return { ok: errors.length === 0, errors: errors.map((e) => e.text) };
}
