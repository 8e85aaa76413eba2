// The canonicalizer (server/ip.ts) against public vectors and ambiguous inputs (leading zeros,
// octal and hex readings: decision 4; zone ids and prefixes: decision 6), and
// the same rules end to end through the path parameter.
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { canonicalizeIp, formatIp, parseIp } from '../../server';
import { expect, mapping, paths, test } from './fixtures';

const VECTORS_DIR = process.env.IP_VECTORS_DIR ?? resolve(__dirname, '../../spec/ip-vectors');

interface Vector {
  input: string;
  canonical?: string;
  invalid?: true;
  note?: string;
}

/**
 * What the product expects for a vector, when it differs from what the source's own API printed.
 * Each source's "canonical" is that implementation's output; the product's decisions
 * (spec/README.md) win where they disagree (ip-vectors/README.md, "Reading them").
 */
function productExpectation(file: string, v: Vector): { expected: string | null; why?: string } {
  const source = v.invalid ? null : v.canonical!;
  if (source?.includes('%')) return { expected: null, why: 'zone indexes are not plain addresses (decision 6)' };
  if (file === 'go-net-legacy.jsonl' && source !== null && v.input.includes(':') && !source.includes(':')) {
    if (/[0-9a-f]{5}/i.test(v.input)) return { expected: null, why: 'more than 4 hex digits in a group (net.ParseIP is lenient)' };
    return { expected: `::ffff:${source}`, why: 'net.IP.String() prints mapped addresses as IPv4; the product uses mixed notation (decision 5)' };
  }
  if (file === 'ipaddrjs-test.jsonl' && v.input === '::8.8.8.8') {
    return { expected: '::808:808', why: 'IPv4-compatible, not mapped: ipaddr.js turns it into another address' };
  }
  if (/inet_aton/.test(v.note ?? '') && v.input !== source) {
    return { expected: null, why: 'inet_aton forms (hex, octal, shorthand, integers, trailing dot) are rejected (decision 4)' };
  }
  if (/fails on the port/.test(v.note ?? '')) return { expected: v.input, why: 'the URL failed on its port; the literal is valid' };
  return { expected: source };
}

// One test per source file (a test per vector costs more in runner overhead than the checks); each
// vector is a soft assertion whose message names the input and, where the product differs from the
// source, why.
test.describe('IP vectors from public sources', () => {
  // The vectors are committed (spec/ip-vectors): a missing directory is a broken checkout, not a skip.
  const files = existsSync(VECTORS_DIR) ? readdirSync(VECTORS_DIR).filter((f) => f.endsWith('.jsonl')) : [];
  test('the vector directory holds the seven sources', () => {
    expect(files, `*.jsonl in ${VECTORS_DIR}`).toHaveLength(7);
  });
  for (const file of files) {
    test(`${file}: every vector canonicalizes as the product decides`, () => {
      const lines = readFileSync(join(VECTORS_DIR, file), 'utf8').split('\n').filter(Boolean);
      for (const [index, line] of lines.entries()) {
        const vector = JSON.parse(line) as Vector;
        const { expected, why } = productExpectation(file, vector);
        const message = `${file}:${index + 1} ${JSON.stringify(vector.input)} should be ${expected === null ? 'rejected' : JSON.stringify(expected)}${why ? ` (${why})` : ''}`;
        expect.soft(canonicalizeIp(vector.input), message).toBe(expected);
      }
    });
  }
});

test.describe('RFC 5952 rules and the product decisions', () => {
  const cases: Array<[string, string, string]> = [
    ['2001:0db8::0001', '2001:db8::1', '4.1 no leading zeros'],
    ['2001:DB8::1', '2001:db8::1', '4.3 lowercase'],
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1', '4.2.1 longest run compressed'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1', '4.2.2 a single zero group is never compressed'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1', '4.2.3 the longer run wins'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1', '4.2.3 the first of equal runs wins'],
    ['0:0:0:0:0:ffff:192.0.2.1', '::ffff:192.0.2.1', '5 mixed notation for mapped (decision 5)'],
    ['::ffff:c000:201', '::ffff:192.0.2.1', 'mapped written in hex becomes mixed (decision 5)'],
    ['::ffff:0:0', '::ffff:0.0.0.0', 'the lowest mapped address'],
    ['::192.0.2.1', '::c000:201', 'IPv4-compatible stays hex: a different address from ::ffff:192.0.2.1'],
    ['::ffff:0:192.0.2.1', '::ffff:0:c000:201', 'not mapped (::ffff:0:0:0/96), so hex'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0', ':: standing for one group is accepted, printed without ::'],
    ['::', '::', 'all zeros'],
    ['0.0.0.0', '0.0.0.0', '"0" alone is not a leading zero'],
    ['255.255.255.255', '255.255.255.255', 'highest IPv4'],
  ];
  const rejected: Array<[string, string]> = [
    ['192.0.2.01', 'leading zero (decision 4)'],
    ['010.0.0.1', 'leading zero: never read as octal 8.0.0.1 (decision 4)'],
    ['127.1', 'shorthand'],
    ['0x7f.0.0.1', 'hex'],
    ['3232235777', '32-bit integer'],
    ['1.2.3.4.', 'trailing dot'],
    ['256.0.0.1', 'octet out of range'],
    ['fe80::1%eth0', 'zone index (decision 6)'],
    ['fe80::1%25eth0', 'zone index, URL-encoded form'],
    ['192.0.2.0/24', 'CIDR (decision 6)'],
    ['2001:db8::/32', 'CIDR'],
    ['[2001:db8::1]', 'brackets (decision 6)'],
    [' 192.0.2.1', 'leading whitespace (decision 6)'],
    ['192.0.2.1 ', 'trailing whitespace'],
    ['2001:db8::1\n', 'trailing newline'],
    ['2001:db8: :1', 'inner whitespace'],
    ['', 'empty (decision 6)'],
    ['2001:db8::00001', 'five hex digits in a group'],
    ['2001:db8:::1', ':::'],
    ['1::2::3', 'two ::'],
    ['1.2.3.4::', 'dotted part not in the last 32 bits'],
    ['::1.2.3.4:5', 'dotted part not in the last 32 bits'],
    ['1:2:3:4:5:6:7:1.2.3.4', 'dotted tail makes nine groups'],
    ['::ffff:1.2.03.4', 'leading zero inside the dotted tail'],
    [':1:2:3:4:5:6:7', 'leading single colon'],
    ['1:2:3:4:5:6:7:', 'trailing single colon'],
    ['１.２.３.４', 'non-ASCII digits'],
    ['0:0:0:0:0:0:0:0:0', 'nine groups'],
    ['g::1', 'not hex'],
  ];
  test('canonical forms: lowercase, no leading zeros, longest run of 2+ zero groups (first on a tie), mixed notation for mapped only', () => {
    for (const [input, expected, why] of cases) {
      expect.soft(canonicalizeIp(input), `${JSON.stringify(input)} should be ${expected} (${why})`).toBe(expected);
    }
  });
  test('anything that is not a plain address is rejected', () => {
    for (const [input, why] of rejected) {
      expect.soft(canonicalizeIp(input), `${JSON.stringify(input)} should be rejected (${why})`).toBeNull();
    }
  });

  test('for any address, its canonical text parses back to the same address and is a fixed point', () => {
    const address = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }).map((octets) => ({ version: 4 as const, octets })),
      fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 })
        .map((groups) => ({ version: 6 as const, groups })),
    );
    fc.assert(
      // Plain comparisons: Playwright's expect() is too slow to call thousands of times.
      fc.property(address, (a) => {
        const text = formatIp(a);
        return JSON.stringify(parseIp(text)) === JSON.stringify(a) && canonicalizeIp(text) === text;
      }),
      { numRuns: 2000 },
    );
  });
});

test.describe('the origin_ip path parameter', () => {
  test('is percent-decoded exactly once before parsing: %3A%3A1 is ::1, %253A is a 400', async ({ api, zone }) => {
    const p = paths(zone);
    expect((await api('PUT', p.one('2001%3Adb8%3A%3A1'), mapping('2001:db8::1'))).status).toBe(200);
    expect((await api('GET', p.one('2001:0DB8:0:0::1'))).json.result.origin_ip).toBe('2001:db8::1');
    const twice = await api('GET', p.one('2001%253Adb8%253A%253A1'));
    expect(twice.status).toBe(400);
    expect(twice.json.errors[0].code).toBe(1146);
  });

  test('a malformed percent escape is a 400 with a failure envelope, not a crash', async ({ api, zone }) => {
    for (const bad of ['%', '%zz', '1%2', '%E0%A4%A', '%C0%AF']) {
      const res = await api('GET', paths(zone).one(bad));
      expect(res.status, bad).toBe(400);
      expect(res.json).toMatchObject({ success: false, result: null, messages: [] });
    }
  });

  test('a zone index sent as %25 is rejected with 400 and nothing is stored (decision 6)', async ({ api, zone }) => {
    const res = await api('PUT', paths(zone).one('fe80::1%25eth0'), mapping('fe80::1%eth0'));
    expect(res.status).toBe(400);
    expect((await api('GET', paths(zone).one('fe80::1'))).status).toBe(404);
  });

  test('010.0.0.1 is rejected with 400 and never stored as 8.0.0.1 (decision 4)', async ({ api, zone }) => {
    const res = await api('PUT', paths(zone).one('010.0.0.1'), mapping('010.0.0.1'));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].code).toBe(1146);
    expect((await api('GET', paths(zone).one('8.0.0.1'))).status).toBe(404);
    expect((await api('GET', paths(zone).one('10.0.0.1'))).status).toBe(404);
  });

  test('a mapped address is stored and returned in mixed notation, whatever the spelling (decision 5)', async ({ api, zone }) => {
    const res = await api('PUT', paths(zone).one('::FFFF:C000:0201'), mapping('0:0:0:0:0:ffff:192.0.2.1'));
    expect(res.json.result.origin_ip).toBe('::ffff:192.0.2.1');
    expect((await api('GET', paths(zone).one('::ffff:192.0.2.1'))).status).toBe(200);
    expect((await api('GET', paths(zone).one('::192.0.2.1'))).status).toBe(404); // compatible: another address
  });
});
