// The requirement catalogue: the one list of what the suite checks. Every test cites IDs from here
// (covers() and verify.check() in suite/judging/verify.ts), the reporter turns them into the requirement matrix, and
// test/unit/catalogue.test.ts refuses unknown IDs and MUSTs that no test covers.
// Levels and sources come from spec/README.md ("decision N" = its numbered decisions),
// the seed page (Cloudflare's "PUT origin cloud region" reference, summarised in spec/README.md) and
// spec/openapi.json.

import { OPERATION_NAMES, type OperationName } from '../../contract';

export type Level = 'MUST' | 'SHOULD' | 'INFO';
/** The operation a requirement belongs to; 'all': rules of every response (envelope, auth, zones). */
export type Operation = OperationName | 'all';

export interface Requirement {
  id: string;
  level: Level;
  operation: Operation;
  title: string;
  /** The sentence the requirement comes from, with where it stands. */
  source: string;
  /** Checked on every response by the api fixture (fixtures/index.ts), not cited by a test's details. */
  everyResponse?: true;
  /**
   * The rule x operation matrix row of a cross-cutting requirement: every operation and input position
   * the rule applies to, one cell each. Tests declare the cells they exercise (`cells()` in
   * suite/judging/verify.ts) and record each one's outcome at run time; test/unit/matrix.test.ts refuses a
   * cell that no test declares unless it carries a `reason`; the reports show each cell's status.
   */
  matrix?: MatrixCell[];
}

/**
 * One cell of the rule x operation matrix: the rule of its requirement applied to one operation (or
 * one method on one route) at one input position, with one kind of input.
 */
export interface MatrixCell {
  /** Unique within the requirement; what a check names when it records the cell: "<operation>:<input>". */
  id: string;
  /** The operation (as in `Operation`), or the route (relative to the collection) for a method no operation has there. */
  operation: string;
  /** Where the rule bites: "headers", "path", "body", "zone B", "result.origin_ip", "failed[].origin_ip", ... */
  position: string;
  /** The kind of input the cell sends (a failure mode, a kind of bad body), when the row varies it. */
  input?: string;
  /** Why no check can exercise this cell. A cell without one must be exercised by some test. */
  reason?: string;
}


/** The methods no operation has, per route (spec/README.md, "Endpoints"): decision 13's "every route and method". */
export const UNEXPECTED_METHODS: ReadonlyArray<readonly [route: string, methods: readonly string[]]> = [
  ['/{origin_ip}', ['POST', 'PATCH', 'HEAD', 'OPTIONS']],
  ['/', ['PUT', 'DELETE', 'POST', 'PATCH', 'HEAD', 'OPTIONS']],
  ['/batch', ['GET', 'POST', 'PATCH', 'HEAD', 'OPTIONS']],
  ['/supported_regions', ['PUT', 'DELETE', 'POST', 'PATCH', 'HEAD', 'OPTIONS']],
];

/**
 * Every response field that carries an address (openapi.json: the mapping, the delete result, batch
 * items). A failed batch item names what was sent: its text as sent, or that address's canonical text
 * (the spec says neither); any other spelling is a failure.
 */
const ADDRESS_FIELDS: MatrixCell[] = [
  { id: 'put:result', operation: 'put', position: 'result.origin_ip' },
  { id: 'get:result', operation: 'get', position: 'result.origin_ip' },
  { id: 'list:items', operation: 'list', position: 'result[].origin_ip' },
  { id: 'delete:result', operation: 'delete', position: 'result.origin_ip' },
  { id: 'batch-put:succeeded', operation: 'batch-put', position: 'result.succeeded[].origin_ip' },
  { id: 'batch-put:failed', operation: 'batch-put', position: 'result.failed[].origin_ip', input: 'sent or canonical text' },
  { id: 'batch-delete:succeeded', operation: 'batch-delete', position: 'result.succeeded[].origin_ip' },
  { id: 'batch-delete:failed', operation: 'batch-delete', position: 'result.failed[].origin_ip', input: 'sent or canonical text' },
];

/** Cells for every (operation, input) pair: ids "<operation>:<input>". */
function grid(operations: readonly string[], position: string, inputs: string[]): MatrixCell[] {
  return operations.flatMap((operation) => inputs.map((input) => ({ id: `${operation}:${input}`, operation, position, input })));
}

const SEED = 'seed page (PUT origin cloud region)';
const SPEC = 'spec/README.md';
const OAS = 'spec/openapi.json';

const list: Requirement[] = [
  // ---- Envelope and cross-cutting rules -------------------------------------------------------
  {
    id: 'ENV-CONTENT-TYPE',
    level: 'MUST',
    operation: 'all',
    everyResponse: true,
    title: 'Every response carries Content-Type application/json (parameters such as charset allowed)',
    source: `${SPEC}, decision 11: "Every response MUST carry Content-Type: application/json (parameters such as charset allowed)"`,
  },
  {
    id: 'ENV-SUCCESS-ENVELOPE',
    level: 'MUST',
    operation: 'all',
    everyResponse: true,
    title: 'A 2xx response is a success envelope: success true, errors [], messages an array of ResponseInfo',
    source: `${OAS}: 200 responses require success (enum [true]), errors and messages (arrays of response_info)`,
  },
  {
    id: 'ENV-FAILURE-ENVELOPE',
    level: 'MUST',
    operation: 'all',
    everyResponse: true,
    title:
      'A 4xx response is a failure envelope: success false, a non-empty errors array of {code >= 1000, message}, messages an array of ResponseInfo (usually []), result null',
    source: `${OAS}: cache-rules_api-response-common-failure; ${SPEC}: "Failure envelope: {success: false, errors: [ >= 1 ResponseInfo ], messages: [], result: null}"`,
  },
  {
    id: 'ENV-RESULT-SCHEMA',
    level: 'MUST',
    operation: 'all',
    everyResponse: true,
    title: "A success response's result matches the operation's schema (mapping, list, delete, batch, supported regions)",
    source: `${OAS}: the 200 response schema of each of the seven operations`,
  },
  {
    id: 'ENV-MODIFIED-ON',
    level: 'MUST',
    operation: 'all',
    everyResponse: true,
    title: 'modified_on, when present, is an RFC 3339 date-time',
    source: `${SPEC}, decision 9: "modified_on: MUST be RFC 3339 when present"`,
  },
  {
    id: 'ENV-NO-5XX',
    level: 'MUST',
    operation: 'all',
    everyResponse: true,
    title: 'No request, however malformed, produces a 5xx',
    source: `${SPEC}, decision 13: "No request, however malformed, may produce a 5xx from a conforming server: on every route and method, including requests with no body, an empty body, or a JSON null, wrong types, and bodies meant for another operation"`,
    // Checked on every response; these cells are the requests made to reach every route, method and
    // kind of bad body (specs/never-5xx.spec.ts, and the unexpected methods of specs/robustness.spec.ts).
    matrix: [
      ...grid(['put', 'batch-put', 'batch-delete'], 'body', ['none', 'empty', 'null', 'number', 'string', 'wrong-container', 'other-operation', 'wrong-types']),
      ...grid(['get', 'delete', 'list', 'supported-regions'], 'body', ['stray-body']),
      ...UNEXPECTED_METHODS.flatMap(([route, methods]) =>
        methods.map((method) => ({ id: `${method}:${route}`, operation: route, position: 'method', input: method })),
      ),
    ],
  },

  // ---- PUT: create and replace ------------------------------------------------------------------
  {
    id: 'PUT-CREATE',
    level: 'MUST',
    operation: 'put',
    title: 'PUT of a new address answers 200 with the mapping (canonical origin_ip, the vendor and region sent)',
    source: `${SEED}: "Creates a new IP-to-cloud-region mapping"; ${SPEC}: "Create and replace both answer 200 (no 201)"`,
  },
  {
    id: 'PUT-REPLACE',
    level: 'MUST',
    operation: 'put',
    title: 'PUT of an existing address answers 200 and replaces its vendor and region',
    source: `${SEED}: "or replaces the existing mapping for the specified IP"; ${SPEC}: "Create and replace both answer 200"`,
  },
  {
    id: 'PUT-READBACK',
    level: 'MUST',
    operation: 'put',
    title: 'GET after PUT returns the mapping PUT returned',
    source: `${SEED}: a PUT "Creates ... or replaces" a mapping; ${OAS}: GET "Returns the cloud region mapping for a single origin IP address"`,
  },
  {
    id: 'PUT-IDEMPOTENT',
    level: 'MUST',
    operation: 'put',
    title: 'Repeating a PUT gives the same mapping and leaves the mapping count unchanged',
    source: `${SEED}: "PUT is idempotent — calling it repeatedly with the same body produces the same result"`,
  },
  {
    id: 'PUT-MODIFIED-ON-MONOTONIC',
    level: 'MUST',
    operation: 'put',
    title: 'modified_on never goes backwards after a replace with a different body',
    source: `${SPEC}, decision 9: "after a replace with a different body it MUST NOT go backwards"`,
    // Every endpoint that replaces a mapping.
    matrix: [
      { id: 'put:replace', operation: 'put', position: 'replace' },
      { id: 'batch-put:replace', operation: 'batch-put', position: 'replace' },
    ],
  },
  {
    id: 'PUT-MODIFIED-ON-REPEAT',
    level: 'INFO',
    operation: 'put',
    title: 'Whether an identical repeat PUT keeps or advances modified_on (either is allowed)',
    source: `${SPEC}, decision 9: "On an identical repeat PUT it may stay or advance (INFO)"`,
  },
  {
    id: 'PUT-MISMATCH-REJECTED',
    level: 'MUST',
    operation: 'put',
    title: 'A body origin_ip naming another address than the path is 400 and changes neither address',
    source: `${SEED}: "Returns 400 if the origin_ip in the body does not match the URL path parameter"; ${SPEC}, decision 1`,
  },
  {
    id: 'PUT-MISMATCH-CODE',
    level: 'SHOULD',
    operation: 'put',
    title: 'The path/body mismatch error carries code 1146',
    source: `${SPEC}: limits table, "body origin_ip does not match the path | 400 | 1146"`,
  },
  {
    id: 'PUT-SAME-ADDRESS-SPELLING',
    level: 'SHOULD',
    operation: 'put',
    title: 'A body origin_ip that spells the path address differently is accepted',
    source: `${SPEC}, decision 1: "path 2001:DB8::1 with body 2001:db8::1 SHOULD be accepted"`,
  },
  {
    id: 'PUT-VENDOR-REGION-VALID',
    level: 'MUST',
    operation: 'put',
    title: 'Every vendor/region pair listed by supported_regions is accepted',
    source: `${SEED}: "The vendor and region are validated against the list from GET .../supported_regions"`,
  },
  {
    id: 'PUT-VENDOR-REGION-INVALID',
    level: 'MUST',
    operation: 'put',
    title:
      'An unknown vendor, a vendor in other letter case, or a region not listed for the vendor is a 4xx and stores nothing',
    source: `${SPEC}, decision 10: "MUST be rejected (4xx, nothing stored); matching is case-sensitive"`,
    // Every place a vendor/region pair is written: a PUT body and a batch PUT item.
    matrix: [
      { id: 'put:body', operation: 'put', position: 'body vendor/region' },
      { id: 'batch-put:item', operation: 'batch-put', position: 'item vendor/region' },
    ],
  },
  {
    id: 'PUT-VENDOR-REGION-CODE',
    level: 'SHOULD',
    operation: 'put',
    title: 'The vendor/region error carries code 1157',
    source: `${SPEC}, decision 10: "code 1157 SHOULD"`,
  },
  {
    id: 'PUT-BODY-INVALID',
    level: 'MUST',
    operation: 'put',
    title: 'A body with a missing or wrongly typed origin_ip, vendor or region is a 4xx and stores nothing',
    source: `${OAS}: cache-rules_origin_cloud_region_v2_request requires origin_ip, vendor and region, all strings`,
  },

  // ---- IP text ----------------------------------------------------------------------------------
  {
    id: 'IP-CANONICAL-IPV6',
    level: 'MUST',
    operation: 'put',
    title: 'An IPv6 address is stored and returned in RFC 5952 canonical text, whatever spelling was sent',
    source: `${SEED}: "The IP path parameter is normalized to canonical form (RFC 5952 for IPv6) before storage"`,
    // Every response field that carries an address, after a write through a non-canonical spelling.
    matrix: ADDRESS_FIELDS,
  },
  {
    id: 'IP-CANONICAL-IPV4',
    level: 'MUST',
    operation: 'put',
    title: 'An IPv4 address is stored and returned as plain dotted decimal',
    source: `${SEED}: "normalized to canonical form"; ${SPEC}, decision 4`,
    matrix: ADDRESS_FIELDS,
  },
  {
    id: 'IP-MAPPED-MIXED',
    level: 'SHOULD',
    operation: 'put',
    title: 'An IPv4-mapped address is stored in mixed notation (::ffff:192.0.2.1), not hex',
    source: `${SPEC}, decision 5: "SHOULD be stored in RFC 5952 section 5 mixed notation ... the hex form ::ffff:c000:201 is a SHOULD failure, not a MUST"`,
  },
  {
    id: 'IP-EMBEDDED-HEX',
    level: 'SHOULD',
    operation: 'put',
    title:
      'An address with an embedded IPv4 under a well-known prefix other than the mapped one (IPv4-compatible ::/96 but :: and ::1, IPv4-translated ::ffff:0:0:0/96, NAT64 64:ff9b::/96) is stored in section 4 hex (::c000:201, ::ffff:0:c000:201, 64:ff9b::c000:201), not the mixed form (::192.0.2.1)',
    source: `${SPEC}, decision 5: "SHOULD be stored in the section 4 hex form ... the mixed form that glibc's inet_ntop prints (::192.0.2.1) is a SHOULD failure, not a MUST"`,
  },
  {
    id: 'IP-ONE-MAPPING-PER-ADDRESS',
    level: 'MUST',
    operation: 'put',
    title: 'Different spellings of one address never make two mappings',
    source: `${SEED}: "normalized to canonical form ... before storage"`,
  },
  {
    id: 'IP-INVALID-REJECTED',
    level: 'MUST',
    operation: 'put',
    title:
      'Text that is not a plain address (zone index, CIDR, brackets, whitespace, empty, garbage) is a 4xx failure and stores nothing',
    source: `${SPEC}, decision 6: "MUST be rejected with a 4xx failure envelope (SHOULD be 400) and store nothing"`,
    // Every position an address takes in a request.
    matrix: [
      { id: 'put:path', operation: 'put', position: 'path' },
      { id: 'put:body', operation: 'put', position: 'body origin_ip' },
      { id: 'batch-put:item', operation: 'batch-put', position: 'item origin_ip' },
      { id: 'batch-delete:item', operation: 'batch-delete', position: 'item' },
      { id: 'get:path', operation: 'get', position: 'path' },
      { id: 'delete:path', operation: 'delete', position: 'path' },
    ],
  },
  {
    id: 'IP-INVALID-400',
    level: 'SHOULD',
    operation: 'put',
    title: 'Text that is not a plain address is rejected with 400 exactly',
    source: `${SPEC}, decision 6: "(SHOULD be 400)"`,
    // Every position where the invalid text makes the whole request fail. A batch item may instead be
    // listed in failed of a 200 (openapi.json validates batch items one by one): no status is fixed there.
    matrix: [
      { id: 'put:path', operation: 'put', position: 'path' },
      { id: 'put:body', operation: 'put', position: 'body origin_ip' },
      { id: 'get:path', operation: 'get', position: 'path' },
      { id: 'delete:path', operation: 'delete', position: 'path' },
    ],
  },
  {
    id: 'IP-IPV4-NONCANONICAL-REJECTED',
    level: 'SHOULD',
    operation: 'put',
    title: 'Non-canonical IPv4 text (leading zeros, shorthand, hex, integers) is rejected with 400',
    source: `${SPEC}, decision 4: "SHOULD be rejected with 400"`,
  },
  {
    id: 'IP-IPV4-NO-OCTAL',
    level: 'MUST',
    operation: 'put',
    title: 'Non-canonical IPv4 text is never stored under an octal or hex reading (010.0.0.1 never becomes 8.0.0.1)',
    source: `${SPEC}, decision 4: "it MUST NOT be stored under an octal/hex reading"`,
  },

  // ---- The 3,500 limit (zone-wide, serial) -------------------------------------------------------
  {
    id: 'LIMIT-3500-ACCEPTED',
    level: 'MUST',
    operation: 'put',
    title: 'The 3,500th mapping of a zone is accepted',
    source: `${SPEC}, decision 2: "The 3,500th mapping itself MUST be accepted"`,
  },
  {
    id: 'LIMIT-NEW-REJECTED',
    level: 'MUST',
    operation: 'put',
    title: 'A new address in a zone holding 3,500 mappings gets 403 with code 1164 and is not stored',
    source: `${SEED}: "Returns 403 (code 1164) when the zone has reached the limit of 3,500 IP mappings"; ${SPEC}, decision 2`,
  },
  {
    id: 'LIMIT-REPLACE-AT-LIMIT',
    level: 'MUST',
    operation: 'put',
    title: 'Replacing or repeating an existing mapping in a full zone succeeds',
    source: `${SPEC}, decision 2: "Replacing an existing mapping when the zone holds 3,500 MUST succeed"`,
    // Every write path that can replace, in a zone holding 3,500.
    matrix: [
      { id: 'put:replace', operation: 'put', position: 'zone at the limit', input: 'another vendor/region' },
      { id: 'put:repeat', operation: 'put', position: 'zone at the limit', input: 'the PUT that created the 3,500th' },
      { id: 'batch-put:replace-only', operation: 'batch-put', position: 'zone at the limit', input: 'existing addresses only' },
    ],
  },
  {
    id: 'LIMIT-NEVER-EXCEEDED',
    level: 'MUST',
    operation: 'batch-put',
    title: 'No endpoint takes a zone past 3,500 mappings; a batch crossing the limit fails whole or per item',
    source: `${SPEC}, decisions 2 and 3: "the count MUST never exceed 3,500, by any endpoint"`,
    // Every write path that can add a mapping, in a zone holding 3,500.
    matrix: [
      { id: 'put:new', operation: 'put', position: 'zone at the limit', input: 'a new address' },
      { id: 'batch-put:new', operation: 'batch-put', position: 'zone at the limit', input: 'a replace and two new addresses' },
    ],
  },
  {
    id: 'CONCURRENCY-ONE-MAPPING',
    level: 'MUST',
    operation: 'put',
    title:
      'Concurrent writes of one address (through different spellings too, mixed with DELETEs and GETs) leave at most one mapping for it: listed once, and none after one DELETE',
    source: `${SPEC}, decision 14: "the invariants above (one mapping per address, at most 3,500 per zone, nothing else changed) MUST hold when several clients send requests at once, including concurrent writes of one address through different spellings"`,
    // Every endpoint that creates a mapping.
    matrix: [
      { id: 'put', operation: 'put', position: 'concurrent writes' },
      { id: 'batch-put', operation: 'batch-put', position: 'concurrent items' },
    ],
  },
  {
    id: 'CONCURRENCY-LIMIT',
    level: 'MUST',
    operation: 'put',
    title: 'Concurrent writes of new addresses into a zone one short of the limit take it to 3,500 at most, and every write answered 200 is stored',
    source: `${SPEC}, decision 14: "the invariants above (one mapping per address, at most 3,500 per zone, nothing else changed) MUST hold when several clients send requests at once"`,
    // Every endpoint that creates a mapping.
    matrix: [
      { id: 'put', operation: 'put', position: 'concurrent new addresses' },
      { id: 'batch-put', operation: 'batch-put', position: 'concurrent new items' },
    ],
  },
  {
    id: 'CONCURRENCY-LINEARIZABLE',
    level: 'SHOULD',
    operation: 'all',
    title:
      'The history of concurrent PUT, GET and DELETE on one address is linearizable: some order that respects real time explains every response',
    source: `${SPEC}, decision 14: "The history of operations on one address SHOULD be linearizable: every response is explained by some order of the operations that respects real time"`,
  },
  {
    id: 'LIMIT-FREED-AFTER-DELETE',
    level: 'MUST',
    operation: 'put',
    title: 'After a delete in a full zone a new mapping fits again',
    source: `${SEED}: 403 only "when the zone has reached the limit of 3,500 IP mappings"`,
  },

  // ---- GET one ----------------------------------------------------------------------------------
  {
    id: 'GET-FOUND',
    level: 'MUST',
    operation: 'get',
    title: 'GET through any spelling of a mapped address returns the canonical mapping',
    source: `${OAS}: get "The IP path parameter is normalized before lookup (RFC 5952 for IPv6)"`,
  },
  {
    id: 'GET-NOT-FOUND',
    level: 'MUST',
    operation: 'get',
    title: 'GET of an address with no mapping is 404',
    source: `${SPEC}, decision 8: "A single mapping not found: 404 MUST"`,
  },
  {
    id: 'GET-NOT-FOUND-CODE',
    level: 'SHOULD',
    operation: 'get',
    title: 'The GET not-found error carries code 1142',
    source: `${SPEC}, decision 8: "code 1142 SHOULD"`,
  },

  // ---- List -------------------------------------------------------------------------------------
  {
    id: 'LIST-RESULT-INFO',
    level: 'MUST',
    operation: 'list',
    title: 'result_info agrees with the items: count, total_count, total_pages, page and per_page',
    source: `${OAS}: cache-rules_origin_cloud_region_v2_result_info (count: "Number of items returned", total_count: "Total number of mappings configured for the zone")`,
  },
  {
    id: 'LIST-DEFAULT-PER-PAGE',
    level: 'MUST',
    operation: 'list',
    title: 'Without per_page a page holds at most 20 items and result_info.per_page is 20',
    source: `${OAS}: per_page "default": 20; page "default": 1`,
  },
  {
    id: 'LIST-PAGES-PARTITION',
    level: 'MUST',
    operation: 'list',
    title: 'The pages of a list hold every mapping of the zone exactly once',
    source: `${OAS}: list "Returns all IP-to-cloud-region mappings configured for the zone with pagination support"`,
  },
  {
    id: 'LIST-REFLECTS-WRITES',
    level: 'MUST',
    operation: 'list',
    title: 'The list holds the mappings written and not the ones deleted, as GET returns them',
    source: `${OAS}: list "Returns all IP-to-cloud-region mappings configured for the zone"`,
  },
  {
    id: 'LIST-PAST-END-EMPTY',
    level: 'MUST',
    operation: 'list',
    title: 'A page past the end is 200 with result [] (the SDK paginator stops only on an empty page)',
    source: `${SPEC}, observed: "The SDK's paginator ... stops only on result: []. So a page past the end must be 200 with result: []"`,
  },
  {
    id: 'LIST-EMPTY-TOTAL-PAGES',
    level: 'SHOULD',
    operation: 'list',
    title: 'An empty zone lists result [] with total_pages 0',
    source: `${SPEC}: "Empty zone: result: [], total_pages: 0"; ${OAS} example list_empty`,
  },
  {
    id: 'LIST-PAGINATION-INVALID',
    level: 'MUST',
    operation: 'list',
    title: 'per_page outside 1..100 (0, 101, -1) is a 4xx failure',
    source: `${SPEC}: limits table, "per_page outside 1..100 | 4xx | 1146"`,
  },
  {
    // The harness's own listings use per_page 100 too (snapshot, cleanup), and fall back to smaller
    // pages when a target refuses it: the refusal is reported here, not as a configuration error.
    id: 'LIST-PAGINATION-VALID',
    level: 'MUST',
    operation: 'list',
    title: 'per_page 1 and 100, the bounds of 1..100, are accepted: 200 and a page of at most that many items',
    source: `${SPEC}: "Query page (>= 1, default 1), per_page (1..100, default 20)"; ${OAS}: per_page minimum 1, maximum 100`,
  },
  {
    // The limits table names only per_page; for page the spec says "page (>= 1, default 1)" and the
    // OpenAPI schema "minimum: 1" (of the request), not what a server answers: clamping is not ruled out.
    id: 'LIST-PAGE-INVALID',
    level: 'SHOULD',
    operation: 'list',
    title: 'page below 1 (0, -1), or a per_page that is not a number, is a 4xx failure',
    source: `${SPEC}: "Query page (>= 1, default 1), per_page (1..100, default 20)"; ${OAS}: page minimum 1, per_page type integer`,
  },
  {
    id: 'LIST-PAGINATION-CODE',
    level: 'SHOULD',
    operation: 'list',
    title: 'The per_page error carries code 1146',
    source: `${SPEC}: limits table, "per_page outside 1..100 | 4xx | 1146"`,
  },

  // ---- DELETE one -------------------------------------------------------------------------------
  {
    id: 'DELETE-REMOVES',
    level: 'MUST',
    operation: 'delete',
    title: 'DELETE through any spelling answers 200 with the canonical origin_ip, and the mapping is gone',
    source: `${OAS}: delete "The IP path parameter is normalized before lookup. Returns the deleted IP on success"`,
  },
  {
    id: 'DELETE-NOT-FOUND',
    level: 'MUST',
    operation: 'delete',
    title: 'DELETE of an address with no mapping (including a second DELETE) is 404',
    source: `${OAS}: delete "Returns 404 if no mapping exists for the specified IP"; ${SPEC}, decision 8`,
  },
  {
    id: 'DELETE-NOT-FOUND-CODE',
    level: 'SHOULD',
    operation: 'delete',
    title: 'The DELETE not-found error carries code 1142',
    source: `${SPEC}, decision 8: "code 1142 SHOULD"`,
  },

  // ---- Batch PUT --------------------------------------------------------------------------------
  {
    id: 'BATCH-PUT-APPLIES',
    level: 'MUST',
    operation: 'batch-put',
    title: 'Valid items are applied and listed in succeeded with canonical origin_ip, region and vendor',
    source: `${OAS}: batch-upsert "Items in the request body are created or replaced"; batch_item_result region/vendor "Present on succeeded items (the new value for upsert, ...)"`,
  },
  {
    id: 'BATCH-PUT-PER-ITEM',
    level: 'MUST',
    operation: 'batch-put',
    title: 'Each item is validated alone: invalid items are listed in failed with their origin_ip and change nothing',
    source: `${OAS}: batch-upsert "Each item is validated independently — valid items are applied and invalid items are returned in the failed array"`,
  },
  {
    id: 'BATCH-PUT-MERGE',
    level: 'MUST',
    operation: 'batch-put',
    title: 'A batch PUT merges: mappings not in the request are preserved',
    source: `${OAS}: batch-upsert "mappings not included in the request body are preserved unchanged (this is a merge operation, not a full collection replacement)"`,
  },
  {
    id: 'BATCH-PUT-MAX-ITEMS',
    level: 'MUST',
    operation: 'batch-put',
    title: 'A batch PUT of more than 100 items is a 4xx and applies nothing',
    source: `${OAS}: batch-upsert request body maxItems 100; ${SPEC}: "more than 100 items in a batch | 4xx"`,
  },
  {
    id: 'BATCH-PUT-DUPLICATES',
    level: 'MUST',
    operation: 'batch-put',
    title: 'Spellings of one address repeated in one batch never make two mappings',
    source: `${SEED}: the address "is normalized to canonical form ... before storage"`,
  },
  {
    id: 'BATCH-PUT-NOT-ARRAY',
    level: 'MUST',
    operation: 'batch-put',
    title: 'A batch PUT body that is not a JSON array is a 4xx and applies nothing',
    source: `${OAS}: batch-upsert request body "type": "array"`,
  },

  // ---- Batch DELETE -----------------------------------------------------------------------------
  {
    id: 'BATCH-DELETE-APPLIES',
    level: 'MUST',
    operation: 'batch-delete',
    title: 'Found addresses are deleted and listed in succeeded with their region and vendor',
    source: `${OAS}: batch-delete "successfully deleted items are returned in the succeeded array"; region/vendor "the deleted value for delete"`,
  },
  {
    id: 'BATCH-DELETE-PER-ITEM',
    level: 'MUST',
    operation: 'batch-delete',
    title: 'Missing or invalid addresses are listed in failed and the others are still deleted',
    source: `${OAS}: batch-delete "IPs that could not be found or are invalid are returned in the failed array"`,
  },
  {
    id: 'BATCH-DELETE-NO-BODY',
    level: 'MUST',
    operation: 'batch-delete',
    title: 'A batch DELETE with a missing, empty or non-array body deletes nothing',
    source: `${SPEC}, decision 7: "A missing or non-array body MUST delete nothing"`,
  },
  {
    id: 'BATCH-DELETE-NO-BODY-400',
    level: 'SHOULD',
    operation: 'batch-delete',
    title: 'A batch DELETE with a missing or non-array body is answered 400',
    source: `${SPEC}, decision 7: "(SHOULD be 400)"`,
  },
  {
    id: 'BATCH-DELETE-MAX-ITEMS',
    level: 'MUST',
    operation: 'batch-delete',
    title: 'A batch DELETE of more than 100 addresses is a 4xx and deletes nothing',
    source: `${OAS}: batch-delete "Removes up to 100 IP-to-cloud-region mappings in a single request"`,
  },

  // ---- Supported regions ------------------------------------------------------------------------
  {
    id: 'REGIONS-SHAPE',
    level: 'MUST',
    operation: 'supported-regions',
    title: 'supported_regions returns obtained_codes (boolean) and vendors: regions with a name and an array of colo codes',
    source: `${OAS}: cache-rules_supported_cloud_regions_result and cache-rules_supported_cloud_region`,
  },
  {
    id: 'REGIONS-VENDOR-ENUM',
    level: 'SHOULD',
    operation: 'supported-regions',
    title: 'Every vendor key of supported_regions is one of the mapping vendors (aws, azure, gcp, oci)',
    source: `${OAS}: mapping vendor enum [aws, azure, gcp, oci]; ${SPEC}: "vendors is an open map", so a key outside the enum is a SHOULD`,
  },
  {
    id: 'REGIONS-NOT-EMPTY',
    level: 'MUST',
    operation: 'supported-regions',
    title: 'supported_regions lists at least one region that a mapping can use',
    source: `${SEED}: "Must be a valid region for the specified vendor as returned by the supported_regions endpoint"`,
  },

  // ---- Auth and zones ---------------------------------------------------------------------------
  // Decision 11: every operation, reads included, and both schemes (Bearer token; the legacy
  // X-Auth-Email + X-Auth-Key pair). The three IDs split the failure modes; each has one matrix cell
  // per operation and mode.
  {
    id: 'AUTH-NO-CREDENTIALS',
    level: 'MUST',
    operation: 'all',
    title:
      'A request without credentials (no Authorization header, or only half of the legacy X-Auth-Email/X-Auth-Key pair) is 400, 401 or 403 with success false and errors, returns no mapping data, and changes nothing',
    source: `${SPEC}, decision 11: "a missing, malformed or wrong credential of either scheme MUST be rejected on every operation, change nothing, and return no mapping data"`,
    matrix: grid(OPERATION_NAMES, 'headers', ['none', 'legacy-email-only', 'legacy-key-only']),
  },
  {
    id: 'AUTH-MALFORMED',
    level: 'MUST',
    operation: 'all',
    title:
      'A malformed Authorization header, or a malformed legacy X-Auth-Email/X-Auth-Key pair, is 400, 401 or 403 with success false and errors, returns no mapping data, and changes nothing',
    source: `${SPEC}, decision 11 (both schemes, every operation); observed: "Malformed Authorization header: 400, code 6003"`,
    matrix: grid(OPERATION_NAMES, 'headers', ['bearer-malformed', 'legacy-malformed']),
  },
  {
    id: 'AUTH-WRONG-TOKEN',
    level: 'MUST',
    operation: 'all',
    title:
      'A wrong bearer token, or a legacy X-Auth-Email/X-Auth-Key pair with a wrong key, is 400, 401 or 403 with success false and errors, returns no mapping data, and changes nothing',
    source: `${SPEC}, decision 11 (both schemes, every operation); observed: "Invalid token: 403 (sometimes 401), code 9109"`,
    matrix: grid(OPERATION_NAMES, 'headers', ['bearer-wrong', 'legacy-wrong-key']),
  },
  {
    id: 'ZONE-ISOLATION',
    level: 'MUST',
    operation: 'all',
    title:
      'Mappings of one zone are neither visible nor counted in another zone: no read, write or delete (single or batch) in one zone reads, changes or removes a mapping of another, and each zone\'s limit counts its own mappings only',
    source: `${SPEC}, decision 12: "Mappings of one zone MUST NOT be visible or counted in another zone. This holds for every operation: a read, write or delete (single or batch) in one zone never reads, changes or removes a mapping of another zone, and each zone's 3,500 limit counts that zone's mappings only"`,
    // Zone A holds the mapping; the request goes to zone B (CONFORMANCE_ZONE_ID_B).
    matrix: [
      ...['get', 'put', 'delete', 'list', 'batch-put', 'batch-delete'].map((operation) => ({ id: operation, operation, position: 'zone B' })),
      { id: 'list:count', operation: 'list', position: 'zone B result_info.total_count' },
      { id: 'put:limit-other-zone-full', operation: 'put', position: 'zone B', input: 'zone A holds 3,500 mappings' },
      { id: 'put:limit-counts-own-zone', operation: 'put', position: 'zone A', input: 'zone B holds mappings while zone A fills to 3,500' },
      {
        id: 'supported-regions',
        operation: 'supported-regions',
        position: 'zone B',
        reason: 'supported_regions lists vendors and regions, not mappings: a zone has nothing of its own to show there',
      },
    ],
  },

  // ---- Robustness -------------------------------------------------------------------------------
  {
    id: 'ROBUST-MALFORMED-JSON',
    level: 'MUST',
    operation: 'all',
    title: 'A malformed JSON body is a 4xx failure envelope and stores nothing',
    source: `${SPEC}, decision 13 and observed: "Malformed JSON: 400, code 6007"`,
  },
  {
    id: 'ROBUST-CONTENT-TYPE',
    level: 'MUST',
    operation: 'all',
    title: 'A body sent with a non-JSON content type is never stored as something else, and never a 5xx',
    source: `${SPEC}, decision 13 and observed: "Wrong content type: code 9207"`,
  },
  {
    id: 'ROBUST-LARGE-BODY',
    level: 'MUST',
    operation: 'all',
    title: 'A very large body (2 MiB) that is invalid anyway is a 4xx failure, never a 5xx, and changes nothing',
    source: `${SPEC}, decision 13`,
  },
  {
    id: 'ROBUST-PATH-ENCODING',
    level: 'MUST',
    operation: 'all',
    title: 'Odd path encodings (%3A, %25, %2F, brackets, whitespace, dot segments) are answered without a 5xx and store nothing unintended',
    source: `${SPEC}, decisions 6 and 13; observed: "The SDK sends IPv6 in the path with raw colons; % is sent as %25, / as %2F"`,
  },
  {
    id: 'ROBUST-METHOD',
    level: 'MUST',
    operation: 'all',
    title: 'An unexpected method is a 4xx failure envelope and changes nothing',
    source: `${SPEC}, decision 13`,
  },

  // ---- Stateful behaviour -----------------------------------------------------------------------
  {
    id: 'MODEL-CONSISTENT',
    level: 'MUST',
    operation: 'all',
    title: 'Any sequence of PUT, GET, DELETE, batch PUT, batch DELETE and list agrees with a plain map model',
    source: `${OAS}: the seven operations' descriptions read together`,
  },
];

export const REQUIREMENTS: ReadonlyMap<string, Requirement> = new Map(list.map((r) => [r.id, r]));

export function requirement(id: string): Requirement {
  const r = REQUIREMENTS.get(id);
  if (!r) throw new Error(`Unknown requirement ID "${id}": add it to suite/judging/requirements.ts first`);
  return r;
}
