// The suite's IP oracle against the public vectors (spec/ip-vectors, read at test time), RFC
// 5952's examples, and the lax readings of decision 4. Where a source prints something other than
// the product's decisions, the expectation is adjusted by a named rule, and each rule re-checks
// the source's own output against the oracle so a deviation is explained, never just skipped.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ipaddr from 'ipaddr.js';
import { isNat64, isTranslated, nat64Of, translatedOf, type IPv4Address } from '../../suite/ip/oracle';
import { embeddedMixed } from '../../suite/judging/checks';
import {
  canonical,
  canonicalOf,
  embeddedIPv4,
  fromGroups,
  hexCanonical,
  isMapped,
  laxIPv4Readings,
  nonCanonicalIPv4Readings,
  octalOrHexReadings,
  parseAddress,
  sameAddress,
} from '../../suite/ip/oracle';

const VECTORS = process.env.IP_VECTORS_DIR ?? join(__dirname, '../../spec/ip-vectors');

interface Vector {
  input: string;
  canonical?: string;
  invalid?: true;
  note?: string;
  url?: string;
  section?: string;
}

type Expectation = { valid: false } | { valid: true; canonical?: string };

/**
 * What the product's decisions say about a vector, and why it differs from the source (if it does).
 * Each rule returns a problem string when the source's own output does not fit the rule's story.
 */
function expectationFor(file: string, v: Vector): { expect: Expectation; reason?: string; problem?: string } {
  const addr = parseAddress(v.input);
  if (v.invalid) {
    if (file.startsWith('wpt') && /fails on the port/.test(v.note ?? '')) {
      return { expect: { valid: true }, reason: 'WPT: the URL fails on its port; the literal itself is a valid address' };
    }
    return { expect: { valid: false } };
  }
  const printed = v.canonical!;
  if (v.input.includes('%') && !file.startsWith('wpt')) {
    return { expect: { valid: false }, reason: 'source accepts a zone index; decision 6 rejects it' };
  }
  if (!v.input.includes(':') && !addr) {
    // inet_aton forms, trailing dots, percent-encoded hosts (WPT): decision 4/6 reject them; the
    // source's own reading must be one our lax model predicts (a cross-check of that model).
    const text = file.startsWith('wpt') ? decodeURIComponent(v.input) : v.input;
    const readings = nonCanonicalIPv4Readings(text);
    return {
      expect: { valid: false },
      reason: `source reads non-canonical IPv4 text as ${printed}; decision 4 rejects it (decision 6 for a trailing dot or percent-escape)`,
      problem: readings.includes(printed) ? undefined : `lax readings ${JSON.stringify(readings)} miss the source's ${printed}`,
    };
  }
  if (/(^|:)[0-9A-Fa-f]{5,}(:|$)/.test(v.input)) {
    return { expect: { valid: false }, reason: 'source accepts a group of more than 4 hex digits; RFC 4291 section 2.2 allows 1 to 4' };
  }
  if (addr && isMapped(addr) && !printed.includes(':')) {
    return {
      expect: { valid: true, canonical: canonical(addr) },
      reason: 'Go net.IP.String() prints IPv4-mapped addresses as plain IPv4; decision 5 wants mixed notation',
      problem: canonical(embeddedIPv4(addr)) === printed ? undefined : `embedded IPv4 ${canonical(embeddedIPv4(addr))} is not ${printed}`,
    };
  }
  if (addr && isMapped(addr) && printed.replace(/%.*/, '') === hexCanonical(addr) && printed !== canonical(addr)) {
    return {
      expect: { valid: true, canonical: canonical(addr) },
      reason: 'source prints IPv4-mapped addresses in hex (RFC 5952 section 4 form, what hexCanonical gives); decision 5 wants mixed',
    };
  }
  if (file.startsWith('ipaddrjs') && /^::\d+\.\d+\.\d+\.\d+$/.test(v.input) && addr) {
    const asMapped = parseAddress(`::ffff:${v.input.slice(2)}`)!;
    return {
      expect: { valid: true, canonical: canonical(addr) },
      reason: 'ipaddr.js turns IPv4-compatible ::a.b.c.d into IPv4-mapped, a different address (RFC 4291 section 2.5.5.1)',
      problem: hexCanonical(asMapped) === printed ? undefined : `ipaddr.js printed ${printed}, not the mapped ${hexCanonical(asMapped)}`,
    };
  }
  return { expect: { valid: true, canonical: printed } };
}

const files = readdirSync(VECTORS).filter((f) => f.endsWith('.jsonl')).sort();

test('the vector directory holds the seven sources', () => {
  expect(files).toHaveLength(7);
});

for (const file of files) {
  test(`oracle agrees with ${file}, with the product's decisions where they differ`, () => {
    const vectors = readFileSync(join(VECTORS, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Vector);
    const mismatches: string[] = [];
    const deviations: string[] = [];
    for (const v of vectors) {
      const { expect: e, reason, problem } = expectationFor(file, v);
      if (file.startsWith('rfc5952') && reason) mismatches.push(`${v.input}: RFC 5952 examples must need no deviation (${reason})`);
      if (reason) deviations.push(`${JSON.stringify(v.input)}: ${reason}`);
      if (problem) mismatches.push(`${JSON.stringify(v.input)}: ${problem}`);
      const got = canonicalOf(v.input);
      if (!e.valid && got !== null) mismatches.push(`${JSON.stringify(v.input)}: expected rejection, oracle gave ${got}`);
      if (e.valid && got === null) mismatches.push(`${JSON.stringify(v.input)}: expected valid, oracle rejected it`);
      if (e.valid && e.canonical !== undefined && got !== null && got !== e.canonical) {
        mismatches.push(`${JSON.stringify(v.input)}: expected ${e.canonical}, oracle gave ${got}`);
      }
    }
    for (const d of deviations) test.info().annotations.push({ type: 'deviation', description: d });
    expect(mismatches, `${vectors.length} vectors, ${deviations.length} deviations`).toEqual([]);
    expect(vectors.length).toBeGreaterThan(0);
  });
}

test('RFC 5952 section 4 and 5 examples, exactly', () => {
  const cases: Array<[string, string]> = [
    ['2001:0db8::0001', '2001:db8::1'], // 4.1 leading zeros
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'], // 4.2.1 shorten as much as possible
    ['2001:db8::0:1', '2001:db8::1'],
    ['2001:db8::1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // 4.2.2 never a single group
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'], // 4.2.3 the longest run
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // 4.2.3 the first on a tie
    ['2001:DB8::1', '2001:db8::1'], // 4.3 lowercase
    ['0:0:0:0:0:ffff:192.0.2.1', '::ffff:192.0.2.1'], // 5 mixed notation for mapped
  ];
  expect(cases.map(([input]) => canonicalOf(input))).toEqual(cases.map(([, out]) => out));
  expect(hexCanonical(parseAddress('::ffff:192.0.2.1')!)).toBe('::ffff:c000:201');
  expect(canonicalOf('::192.0.2.1'), 'IPv4-compatible stays hex').toBe('::c000:201');
  expect(canonicalOf('::ffff:c000:201')).toBe('::ffff:192.0.2.1');
  expect(canonicalOf('::'), 'all zero').toBe('::');
  expect(canonicalOf('1:2:3:4:5:6:7::'), '"::" for one trailing group, printed without it').toBe('1:2:3:4:5:6:7:0');
  expect(canonicalOf('2001:db8::'), 'trailing run').toBe('2001:db8::');
  expect(sameAddress(parseAddress('2001:DB8:0::1')!, fromGroups([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]))).toBe(true);
});

test('the strict parser rejects everything that is not a plain address (decisions 4 and 6)', () => {
  const rejected = [
    '', ' ', '192.0.2.1 ', ' 2001:db8::1', '192.0.2.01', '010.0.0.1', '0.0.0.00', '192.0.513', '3221225985', '0xc0.0.2.1',
    '192.0.2.256', '192.0.2', '192.0.2.1.', '+192.0.2.1', '192.0.2.-1', '１９２.０.２.１', '192.0.2.1/32', '[2001:db8::1]',
    '2001:db8::1%eth0', '2001:db8::1%', '2001:db8:::1', '2001:db8::1::2', '2001:db8::g', '12345::', '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8::', '::1:2:3:4:5:6:7:8', ':2001:db8::1', '2001:db8::1:', '::ffff:192.0.2.01',
    '::ffff:192.0.513', '1.2.3.4::', '::1.2.3.4:5', '1:2:3:4:5:6:7:1.2.3.4', '::1.2.3.4.5', ':', ':::', '::0x1',
    '2001:db8::1\n', '2001:db8::1\u0000',
  ];
  expect(rejected.filter((t) => parseAddress(t) !== null)).toEqual([]);
  const accepted = ['0.0.0.0', '255.255.255.255', '::', '::1', '1::', '::1.2.3.4', '1:2:3:4:5:6:1.2.3.4', '::1:2:3:4:5:6:7', 'FFFF::'];
  expect(accepted.filter((t) => parseAddress(t) === null)).toEqual([]);
});

test('lax IPv4 readings are exact (decision 4: what must never be stored)', () => {
  expect(nonCanonicalIPv4Readings('010.0.0.1')).toEqual(['10.0.0.1', '8.0.0.1']);
  expect(octalOrHexReadings('010.0.0.1')).toEqual(['8.0.0.1']);
  expect(nonCanonicalIPv4Readings('0300.0.02.01')).toEqual(['192.0.2.1']);
  expect(octalOrHexReadings('0300.0.02.01')).toEqual(['192.0.2.1']);
  expect(octalOrHexReadings('192.0.02.1'), 'octal 02 is decimal 2: not an octal-only reading').toEqual([]);
  expect(nonCanonicalIPv4Readings('0xc0.0.2.1')).toEqual(['192.0.2.1']);
  expect(nonCanonicalIPv4Readings('3221225985')).toEqual(['192.0.2.1']);
  expect(nonCanonicalIPv4Readings('030000001001')).toEqual(['192.0.2.1']);
  expect(nonCanonicalIPv4Readings('0xc0000201')).toEqual(['192.0.2.1']);
  expect(nonCanonicalIPv4Readings('192.0.513')).toEqual(['192.0.2.1']);
  expect(nonCanonicalIPv4Readings('192.513')).toEqual(['192.0.2.1']);
  expect(nonCanonicalIPv4Readings('192.131073')).toEqual(['192.2.0.1']);
  expect(nonCanonicalIPv4Readings('127.1')).toEqual(['127.0.0.1']);
  expect(nonCanonicalIPv4Readings('192.0.2.010')).toEqual(['192.0.2.10', '192.0.2.8']);
  expect(nonCanonicalIPv4Readings('0192.0.2.1'), '"0192" is no octal; only the decimal reading').toEqual(['192.0.2.1']);
  expect(nonCanonicalIPv4Readings('08.0.0.1')).toEqual(['8.0.0.1']);
  expect(nonCanonicalIPv4Readings('4294967296'), 'beyond 32 bits').toEqual([]);
  expect(nonCanonicalIPv4Readings('256.0.0.1')).toEqual([]);
  expect(nonCanonicalIPv4Readings('1.2.3.4.'), 'WHATWG drops one trailing dot').toEqual(['1.2.3.4']);
  expect(nonCanonicalIPv4Readings('::ffff:192.0.2.01')).toEqual(['::ffff:192.0.2.1']);
  expect(octalOrHexReadings('::ffff:198.51.100.010')).toEqual(['::ffff:198.51.100.8']);
  expect(nonCanonicalIPv4Readings('192.0.2.1')).toEqual(['192.0.2.1']);
  expect(laxIPv4Readings('0x7f.0.0.1')).toEqual({ inetAton: '127.0.0.1', decimal: null, radix: true });
});

test('ipaddr.js deviates from the product decisions, which is why the suite has its own oracle', () => {
  const mapped = ipaddr.parse('::ffff:192.0.2.1') as ipaddr.IPv6;
  expect(mapped.toRFC5952String(), 'prints mapped in hex (decision 5 wants ::ffff:192.0.2.1)').toBe('::ffff:c000:201');
  const compatible = ipaddr.parse('::192.0.2.1') as ipaddr.IPv6;
  expect(compatible.isIPv4MappedAddress(), '::192.0.2.1 becomes ::ffff:192.0.2.1, a different address').toBe(true);
  expect(canonicalOf('::192.0.2.1')).toBe('::c000:201');
  expect(ipaddr.parse('010.0.0.1').toString(), 'reads a leading zero as octal (decision 4)').toBe('8.0.0.1');
  expect(ipaddr.IPv4.isValid('3221225985'), 'accepts a 32-bit integer').toBe(true);
  expect(ipaddr.IPv6.isValid('2001:db8::1%eth0'), 'accepts a zone index (decision 6)').toBe(true);
});

test("decision 5's other well-known prefixes: IPv4-translated and NAT64 are recognised, stored in hex, and their mixed form is the one the SHOULD check tolerates", () => {
  const [canon, parse] = [canonical, parseAddress];
  const v4 = parse('192.0.2.1') as IPv4Address;
  expect(canon(translatedOf(v4))).toBe('::ffff:0:c000:201');
  expect(canon(nat64Of(v4))).toBe('64:ff9b::c000:201');
  expect(isTranslated(parse('::ffff:0:192.0.2.1')!)).toBe(true);
  expect(isTranslated(parse('::ffff:192.0.2.1')!)).toBe(false);
  expect(isNat64(parse('64:ff9b::192.0.2.1')!)).toBe(true);
  expect(isNat64(parse('64:ff9b:1::192.0.2.1')!)).toBe(false);
  expect(embeddedMixed(translatedOf(v4))).toBe('::ffff:0:192.0.2.1');
  expect(embeddedMixed(nat64Of(v4))).toBe('64:ff9b::192.0.2.1');
  expect(embeddedMixed(parse('::c000:201')!)).toBe('::192.0.2.1');
  for (const t of ['::1', '::', '::ffff:192.0.2.1', '2001:db8::c000:201']) expect(embeddedMixed(parse(t)!), t).toBeNull();
});
