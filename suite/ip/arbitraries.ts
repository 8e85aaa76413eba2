// fast-check arbitraries for the normalization properties. The suite writes these addresses into
// a real, shared zone, so every value stays inside the test universe (isTestAddress):
//   IPv4 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737), IPv6 2001:db8::/32 (RFC 3849),
//   and the IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), IPv4-translated
//   (::ffff:0:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) forms of those IPv4 ranges: the prefixes
//   decision 5 rules on.
// Inside 2001:db8::/32 the six free groups are biased towards the zero-run shapes RFC 5952 section 4
// rules on (longest run, first on a tie, never a single group). Every arbitrary shrinks to a
// simple address (2001:db8::, 192.0.2.0).
import fc from 'fast-check';
import {
  type Address,
  type IPv4Address,
  type IPv6Address,
  canonical,
  compatibleOf,
  embeddedIPv4,
  fromGroups,
  fromOctets,
  groupsOf,
  isCompatible,
  isMapped,
  isNat64,
  isTranslated,
  mappedOf,
  nat64Of,
  translatedOf,
  zeroRuns,
} from './oracle';
import { type SpellingChoice, spell, spellingChoiceOf } from './spellings';
import type { AddressKind } from '../config/config';

/** RFC 5737 documentation prefixes (/24 each). */
export const DOC_IPV4_PREFIXES: ReadonlyArray<readonly [number, number, number]> = [
  [192, 0, 2],
  [198, 51, 100],
  [203, 0, 113],
];

function isDocIPv4(addr: IPv4Address): boolean {
  const b = addr.bytes;
  return DOC_IPV4_PREFIXES.some(([x, y, z]) => b[0] === x && b[1] === y && b[2] === z);
}

/** Inside the universe the suite may write to. The safety layer refuses anything else. */
export function isTestAddress(addr: Address): boolean {
  if (addr.v === 4) return isDocIPv4(addr);
  const g = groupsOf(addr);
  if (g[0] === 0x2001 && g[1] === 0x0db8) return true; // 2001:db8::/32
  if (isMapped(addr) || isCompatible(addr) || isTranslated(addr) || isNat64(addr)) return isDocIPv4(embeddedIPv4(addr));
  return false;
}

// ---- zero-run shapes -------------------------------------------------------------------------------

export { zeroRuns };

/** All 2^n zero masks (true = zero group) of n groups, filtered by the runs they contain. */
function masks(n: number, keep: (runs: Array<[number, number]>) => boolean): boolean[][] {
  const out: boolean[][] = [];
  for (let m = 0; m < 1 << n; m++) {
    const mask = Array.from({ length: n }, (_, i) => ((m >> i) & 1) === 1);
    if (keep(zeroRuns(mask.map((z) => (z ? 0 : 1))))) out.push(mask);
  }
  return out;
}

const longest = (runs: Array<[number, number]>) => Math.max(0, ...runs.map(([, l]) => l));

/**
 * Zero masks for n free groups. The first alternative (all zero) is what shrinking reaches.
 * `leadingRunAt0`: a run starting at the first free group (right after 2001:db8).
 */
function zeroMask(n: number): fc.Arbitrary<boolean[]> {
  const from = (keep: (runs: Array<[number, number]>) => boolean) => fc.constantFrom(...masks(n, keep));
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 1, arbitrary: fc.constant(new Array<boolean>(n).fill(true)) },
    { weight: 2, arbitrary: from((r) => r.some(([s, l]) => s === 0 && l >= 2 && l < n)) }, // leading run
    { weight: 2, arbitrary: from((r) => r.some(([s, l]) => s + l === n && l >= 2 && s > 0)) }, // trailing run
    { weight: 3, arbitrary: from((r) => r.filter(([, l]) => l === longest(r)).length >= 2 && longest(r) >= 2) }, // tie
    { weight: 2, arbitrary: from((r) => r.some(([, l]) => l === 1) && longest(r) >= 2) }, // single + longer
    { weight: 3, arbitrary: fc.integer({ min: 1, max: n }).chain((k) => from((r) => r.length === 1 && r[0]![1] === k)) }, // one run of length k
    { weight: 2, arbitrary: fc.array(fc.boolean(), { minLength: n, maxLength: n }) }, // anything
    { weight: 1, arbitrary: fc.constant(new Array<boolean>(n).fill(false)) }, // no zero group
  );
}

const hexLetter = fc.constantFrom(0xa, 0xb, 0xc, 0xd, 0xe, 0xf);

/** A non-zero 16-bit group; the first alternative (small values) is what shrinking reaches. */
export function nonZeroGroup(): fc.Arbitrary<number> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 0xf }) },
    // canonical text shorter than 4 digits, so spellings with leading zeros look like 0x0001, 0x00a0
    { weight: 2, arbitrary: fc.constantFrom(0x1, 0xa0, 0x100, 0xa00, 0x10, 0xabc, 0x0db8, 0xff) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 0xffff }) },
    // only letters, so letter case matters in every digit
    { weight: 1, arbitrary: fc.tuple(hexLetter, hexLetter, hexLetter, hexLetter).map(([a, b, c, d]) => (a << 12) | (b << 8) | (c << 4) | d) },
  );
}

/** n groups with the zero-run bias above (used for 2001:db8::/32 and, in self-tests, the full space). */
export function zeroBiasedGroups(n: number): fc.Arbitrary<number[]> {
  return fc
    .tuple(zeroMask(n), fc.array(nonZeroGroup(), { minLength: n, maxLength: n }))
    .map(([mask, values]) => mask.map((zero, i) => (zero ? 0 : values[i]!)));
}

// ---- the test universe -------------------------------------------------------------------------------

/** An address in 2001:db8::/32, shrinking to 2001:db8::. */
export function ipv6Address(): fc.Arbitrary<IPv6Address> {
  return zeroBiasedGroups(6).map((free) => fromGroups([0x2001, 0x0db8, ...free]));
}

/** An address in one of the three RFC 5737 /24s, shrinking to 192.0.2.0. */
export function ipv4Address(): fc.Arbitrary<IPv4Address> {
  const host = fc.oneof({ withCrossShrink: true }, { weight: 3, arbitrary: fc.integer({ min: 0, max: 255 }) }, { weight: 1, arbitrary: fc.constantFrom(1, 255, 2, 16, 100) });
  return fc.tuple(fc.constantFrom(...DOC_IPV4_PREFIXES), host).map(([[a, b, c], d]) => fromOctets([a, b, c, d]));
}

/** ::ffff:<documentation IPv4>, canonical in mixed notation (decision 5). */
export function mappedAddress(): fc.Arbitrary<IPv6Address> {
  return ipv4Address().map(mappedOf);
}

/** ::<documentation IPv4>, canonical in hex (::192.0.2.1 is ::c000:201). */
export function compatibleAddress(): fc.Arbitrary<IPv6Address> {
  return ipv4Address().map(compatibleOf);
}

/** ::ffff:0:<documentation IPv4>, canonical in hex (::ffff:0:192.0.2.1 is ::ffff:0:c000:201). */
export function translatedAddress(): fc.Arbitrary<IPv6Address> {
  return ipv4Address().map(translatedOf);
}

/** 64:ff9b::<documentation IPv4>, canonical in hex (64:ff9b::192.0.2.1 is 64:ff9b::c000:201). */
export function nat64Address(): fc.Arbitrary<IPv6Address> {
  return ipv4Address().map(nat64Of);
}

/**
 * The weighted mix the properties draw from; shrinks towards 2001:db8::. `bias` (the run's
 * CONFORMANCE_ADDRESS_BIAS, from the run context) multiplies one kind's weight by 100.
 */
export function anyTestAddress(bias?: AddressKind): fc.Arbitrary<Address> {
  const weight = (kind: AddressKind, w: number) => (kind === bias ? 100 * w : w);
  return fc.oneof(
    { withCrossShrink: true },
    { weight: weight('ipv6', 5), arbitrary: ipv6Address() as fc.Arbitrary<Address> },
    { weight: weight('ipv4', 2), arbitrary: ipv4Address() as fc.Arbitrary<Address> },
    { weight: weight('mapped', 2), arbitrary: mappedAddress() as fc.Arbitrary<Address> },
    { weight: weight('compatible', 1), arbitrary: compatibleAddress() as fc.Arbitrary<Address> },
    { weight: weight('translated', 1), arbitrary: translatedAddress() as fc.Arbitrary<Address> },
    { weight: weight('nat64', 1), arbitrary: nat64Address() as fc.Arbitrary<Address> },
  );
}

export interface AddressWithSpelling {
  readonly address: Address;
  /** What the product must store and return (canonical(), decision 5 included). */
  readonly canonical: string;
  /** A legal spelling of the same address, to send. */
  readonly spelling: string;
  readonly choice: SpellingChoice;
}

export function addressWithSpelling(addresses: fc.Arbitrary<Address>): fc.Arbitrary<AddressWithSpelling> {
  return addresses.chain((address) =>
    spellingChoiceOf(address).map((choice) => ({ address, canonical: canonical(address), spelling: spell(address, choice), choice })),
  );
}

/**
 * The zero-run shape categories an address shows (over all eight groups), so the self-tests can
 * count that every bias really occurs.
 */
export function shapeCategories(addr: Address): string[] {
  if (addr.v === 4) return ['ipv4'];
  const groups = groupsOf(addr);
  const out: string[] = [];
  if (isMapped(addr)) out.push('mapped');
  else if (isCompatible(addr)) out.push('compatible');
  else if (isTranslated(addr)) out.push('translated');
  else if (isNat64(addr)) out.push('nat64');
  if (groups[0] !== 0x2001 || groups[1] !== 0x0db8) return out;
  const free = groups.slice(2);
  const runs = zeroRuns(groups);
  const max = longest(runs);
  if (free.every((g) => g === 0)) out.push('all-zero');
  if (free.every((g) => g !== 0)) out.push('no-zero');
  for (const [, l] of runs) out.push(`run-${l}`);
  if (runs.some(([s, l]) => s === 2 && l >= 2 && l < 6)) out.push('leading-run');
  if (runs.some(([s, l]) => s + l === 8 && l >= 2 && s > 2)) out.push('trailing-run');
  if (max >= 2 && runs.filter(([, l]) => l === max).length >= 2) out.push('tie');
  if (max >= 2 && runs.some(([, l]) => l === 1)) out.push('single-and-longer');
  if (free.some((g) => g !== 0 && g < 0x1000)) out.push('short-group');
  if (free.some((g) => /[a-f]/.test(g.toString(16)))) out.push('letters');
  return [...new Set(out)];
}
