// Decision 13: "No request, however malformed, may produce a 5xx from a conforming server: on every
// route and method, including requests with no body, an empty body, or a JSON null, wrong types, and
// bodies meant for another operation." Every kind of bad body on each of the seven operations: one
// request per matrix cell of ENV-NO-5XX (suite/judging/requirements.ts), in every profile. The api fixture
// judges each response (no 5xx, the envelope of its status class); `inCell` records its verdict
// against the cell. The methods no operation has are sent by specs/robustness.spec.ts. Bad bodies
// must also change nothing: checked once per operation at the end, under the operation's own rule.
import { cells, covers, expect, test, zoneWide, type Pair } from '../fixtures';
import { ipv6Address } from '../suite/ip/arbitraries';
import { canonical } from '../suite/ip/oracle';
import { inParallel } from '../suite/transport/concurrency';

const v6 = ipv6Address().map(canonical);

type BodyOp = 'put' | 'batch-put' | 'batch-delete';
type Kind = 'none' | 'empty' | 'null' | 'number' | 'string' | 'wrong-container' | 'other-operation' | 'wrong-types';

/** The address a body names: the PUT's own, the batch PUT's, the mapping the batch DELETE must keep. */
interface Names {
  put: string;
  batchPut: string;
  existing: string;
  pair: Pair;
}

const mapping = (ip: string, p: Pair) => ({ origin_ip: ip, ...p });

// undefined: no body at all. Bodies that name an address are not arrays where the operation takes an
// array (and not objects where it takes one), so "changes nothing" is the operation's plain rule.
const BODIES: Record<BodyOp, Record<Kind, (n: Names) => string | undefined>> = {
  put: {
    none: () => undefined,
    empty: () => '',
    null: () => 'null',
    number: () => '42',
    string: (n) => JSON.stringify(n.put),
    'wrong-container': (n) => JSON.stringify([n.put]), // a batch DELETE body
    'other-operation': (n) => JSON.stringify([mapping(n.put, n.pair)]), // a batch PUT body
    'wrong-types': () => JSON.stringify({ origin_ip: 1, vendor: ['aws'], region: { name: 'x' } }),
  },
  'batch-put': {
    none: () => undefined,
    empty: () => '',
    null: () => 'null',
    number: () => '42',
    string: (n) => JSON.stringify(n.batchPut),
    'wrong-container': (n) => JSON.stringify({ items: [mapping(n.batchPut, n.pair)] }),
    'other-operation': (n) => JSON.stringify(mapping(n.batchPut, n.pair)), // a single PUT body
    'wrong-types': () => JSON.stringify([1, 'x', null, [], true, { origin_ip: 1, vendor: true, region: null }]),
  },
  'batch-delete': {
    none: () => undefined,
    empty: () => '',
    null: () => 'null',
    number: () => '42',
    string: (n) => JSON.stringify(n.existing),
    'wrong-container': (n) => JSON.stringify({ origin_ips: [n.existing] }),
    'other-operation': (n) => JSON.stringify(mapping(n.existing, n.pair)), // a single PUT body
    'wrong-types': () => JSON.stringify([1, null, {}, [], true]),
  },
};

const KINDS = Object.keys(BODIES.put) as Kind[];
const ID = 'ENV-NO-5XX';

test.describe('never a 5xx', () => {
  test(
    'every kind of bad body (none, empty, null, a number, a string, the wrong container, a body meant for another operation, wrongly typed fields) on PUT, batch PUT and batch DELETE, and a stray body on GET, DELETE, list and supported_regions, is answered without a 5xx and changes nothing',
    // Zone-wide: a target that reads a missing body as "everything" empties the zone, other tests'
    // mappings included (the zone guard puts back the ones the suite did not write).
    zoneWide(
      cells(covers(ID, 'PUT-BODY-INVALID', 'BATCH-PUT-NOT-ARRAY', 'BATCH-DELETE-NO-BODY'), ID, [
        ...(Object.keys(BODIES) as BodyOp[]).flatMap((op) => KINDS.map((k) => `${op}:${k}`)),
        ...['get', 'delete', 'list', 'supported-regions'].map((op) => `${op}:stray-body`),
      ]),
    ),
    async ({ api, addresses, regions, verify, lanes }) => {
      const pair = regions.pair(0);
      const n: Names = { put: addresses.fresh(v6), batchPut: addresses.fresh(v6), existing: addresses.fresh(v6), pair };
      const created = await api.put(n.existing, mapping(n.existing, pair));
      await verify.check('PUT-CREATE', () => expect(created.status, `PUT ${n.existing}, the mapping no bad body may delete`).toBe(200));
      const coll = api.collectionPath();
      const target: Record<BodyOp, { method: string; path: string; op: 'put' | 'batch-put' | 'batch-delete'; writes: string[] }> = {
        put: { method: 'PUT', path: `${coll}/${n.put}`, op: 'put', writes: [n.put] },
        'batch-put': { method: 'PUT', path: `${coll}/batch`, op: 'batch-put', writes: [n.batchPut] },
        'batch-delete': { method: 'DELETE', path: `${coll}/batch`, op: 'batch-delete', writes: [n.existing] },
      };
      // Every bad body, and then every stray one, goes out together (none may change anything, and
      // each answer is judged alone); the answers are judged in this order once all are in. When the
      // zone holds mappings the suite never wrote, the zone guard takes the risky ones one at a time.
      const bad = (Object.keys(BODIES) as BodyOp[]).flatMap((op) => KINDS.map((kind) => ({ op, kind, body: BODIES[op][kind](n) })));
      const badAnswers = await inParallel(bad, lanes, ({ op, kind, body }) => {
        const t = target[op];
        return verify.inCell(ID, `${op}:${kind}`, () => api.raw(t.method, t.path, body, { op: t.op, writes: t.writes }));
      });
      for (const [i, { op, kind, body }] of bad.entries()) {
        const res = badAnswers[i]!;
        await verify.checkCell(ID, `${op}:${kind}`, () => expect(res.status, `${op} with body ${kind} (${body === undefined ? 'none' : JSON.stringify(body)}): not a 5xx`).toBeLessThan(500), res);
      }

      // A JSON body on an operation that takes none: ignored or refused, never a 5xx.
      // The stray DELETE names an address of its own: a DELETE of n.put would remove whatever a bad
      // PUT body stored there before the check below could see it.
      const stray = JSON.stringify([mapping(n.put, pair)]);
      const strayDelete = addresses.fresh(v6);
      const reads: Array<[string, string, string, 'get' | 'delete' | 'list' | 'supported-regions']> = [
        ['get', 'GET', `${coll}/${n.existing}`, 'get'],
        ['delete', 'DELETE', `${coll}/${strayDelete}`, 'delete'],
        ['list', 'GET', coll, 'list'],
        ['supported-regions', 'GET', `${coll}/supported_regions`, 'supported-regions'],
      ];
      const strayAnswers = await inParallel(reads, lanes, ([cell, method, p, op]) =>
        verify.inCell(ID, `${cell}:stray-body`, () => api.raw(method, p, stray, { op, writes: [n.put, strayDelete] })),
      );
      for (const [i, [cell, method, p]] of reads.entries()) {
        const res = strayAnswers[i]!;
        await verify.checkCell(ID, `${cell}:stray-body`, () => expect(res.status, `${method} ${p.slice(coll.length) || '(collection)'} with a stray JSON body: not a 5xx`).toBeLessThan(500), res);
      }

      // Nothing changed: each check settles its address for the cleanup too (three addresses, three
      // DELETEs together, judged in order).
      const [put, batchPut, kept] = await inParallel([n.put, n.batchPut, n.existing], lanes, (ip) => api.delete(ip));
      await verify.check('PUT-BODY-INVALID', () => expect(put!.status, `after the bad PUT bodies, nothing stored under ${n.put} (DELETE finds nothing)`).toBe(404), put);
      await verify.check('BATCH-PUT-NOT-ARRAY', () => expect(batchPut!.status, `after the bad batch PUT bodies, nothing stored under ${n.batchPut} (DELETE finds nothing)`).toBe(404), batchPut);
      await verify.check('BATCH-DELETE-NO-BODY', () => expect(kept!.status, `after the bad batch DELETE bodies, ${n.existing} is still there to delete`).toBe(200), kept);
    },
  );
});
