// The legal spellings of one address: every text the product must accept as that address.
// IPv4 has exactly one (decision 4: no leading zeros, no other forms). IPv6 text (RFC 4291
// section 2.2) varies in letter case, leading zeros (up to 4 digits a group), which run of zero
// groups "::" replaces (any run of one or more, or none), and a dotted-quad tail for the last
// 32 bits (form 3, legal for any address; the tail's octets carry no leading zeros).
import fc from 'fast-check';
import { type Address, type IPv6Address, canonical, groupsOf, isMapped, longestZeroRun } from './oracle';

export interface ZeroRun {
  /** Index of the first zero group "::" replaces. */
  readonly start: number;
  /** How many groups it replaces (>= 1: RFC 4291 "::" is one or more groups of zeros). */
  readonly length: number;
}

export interface SpellingChoice {
  /** The zero groups written as "::", or null to write all eight (or six plus the tail). */
  readonly compress: ZeroRun | null;
  /** Write the last 32 bits as a dotted quad. */
  readonly dottedTail: boolean;
  /** Per group, extra leading zeros (0-3); capped so that no group exceeds 4 digits. */
  readonly pad: readonly number[];
  /** Per group, a 4-bit mask: bit i set uppercases the i-th hex digit counted from the right. */
  readonly upper: readonly number[];
}

const NONE = [0, 0, 0, 0, 0, 0, 0, 0] as const;

/** Every run of consecutive zero groups (not only maximal ones) that "::" may replace. */
export function compressionOptions(addr: Address, dottedTail = false): ZeroRun[] {
  if (addr.v === 4) return [];
  const groups = groupsOf(addr);
  const limit = dottedTail ? 6 : 8; // the tail's 32 bits are always written out
  const out: ZeroRun[] = [];
  for (let start = 0; start < limit; start++) {
    for (let end = start; end < limit && groups[end] === 0; end++) out.push({ start, length: end - start + 1 });
  }
  return out;
}

function isValidChoice(addr: IPv6Address, c: SpellingChoice): boolean {
  if (!c.compress) return true;
  return compressionOptions(addr, c.dottedTail).some((r) => r.start === c.compress!.start && r.length === c.compress!.length);
}

function spellGroup(value: number, pad: number, upper: number): string {
  const digits = value.toString(16);
  const padded = '0'.repeat(Math.max(0, Math.min(pad, 4 - digits.length))) + digits;
  const n = padded.length;
  return [...padded].map((ch, i) => ((upper >> (n - 1 - i)) & 1 ? ch.toUpperCase() : ch)).join('');
}

/** Deterministic: the text for this choice. Throws if the choice compresses a non-zero group. */
export function spell(addr: Address, choice: SpellingChoice): string {
  if (addr.v === 4) return canonical(addr);
  if (!isValidChoice(addr, choice)) throw new RangeError(`cannot compress ${JSON.stringify(choice.compress)} in ${canonical(addr)}`);
  const groups = groupsOf(addr);
  const items = groups
    .slice(0, choice.dottedTail ? 6 : 8)
    .map((g, i) => spellGroup(g, choice.pad[i] ?? 0, choice.upper[i] ?? 0));
  if (choice.dottedTail) items.push(Array.from(addr.bytes.slice(12)).join('.'));
  const run = choice.compress;
  if (!run) return items.join(':');
  return `${items.slice(0, run.start).join(':')}::${items.slice(run.start + run.length).join(':')}`;
}

/** The choice whose spelling is canonical(addr) (RFC 5952 sections 4 and 5, decision 5). */
export function canonicalChoice(addr: Address): SpellingChoice {
  if (addr.v === 4) return { compress: null, dottedTail: false, pad: NONE, upper: NONE };
  const run = longestZeroRun(groupsOf(addr));
  const mapped = isMapped(addr);
  return { compress: run, dottedTail: mapped, pad: NONE, upper: NONE };
}

/** fast-check arbitrary over the legal spelling choices of addr; shrinks to the full lowercase form. */
export function spellingChoiceOf(addr: Address): fc.Arbitrary<SpellingChoice> {
  if (addr.v === 4) return fc.constant(canonicalChoice(addr));
  const perGroup = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: 8, maxLength: 8 });
  return fc
    .record({ dottedTail: fc.boolean(), pad: perGroup(3), upper: perGroup(15) })
    .chain(({ dottedTail, pad, upper }) =>
      fc
        .constantFrom<ZeroRun | null>(null, ...compressionOptions(addr, dottedTail))
        .map((compress): SpellingChoice => ({ compress, dottedTail, pad, upper })),
    );
}

export function spellingOf(addr: Address): fc.Arbitrary<string> {
  return spellingChoiceOf(addr).map((c) => spell(addr, c));
}

/**
 * A small deterministic set for example tests and the request budget: every compression option
 * with and without the dotted tail, plus the canonical, an uppercase and a zero-padded form.
 */
export function representativeSpellings(addr: Address): string[] {
  if (addr.v === 4) return [canonical(addr)];
  const out = new Set<string>([canonical(addr)]);
  for (const dottedTail of [false, true]) {
    for (const compress of [null, ...compressionOptions(addr, dottedTail)]) {
      out.add(spell(addr, { compress, dottedTail, pad: NONE, upper: NONE }));
    }
  }
  const longest = canonicalChoice(addr).compress;
  out.add(spell(addr, { compress: longest, dottedTail: false, pad: NONE, upper: [15, 15, 15, 15, 15, 15, 15, 15] }));
  out.add(spell(addr, { compress: null, dottedTail: false, pad: [3, 3, 3, 3, 3, 3, 3, 3], upper: NONE }));
  return [...out];
}
