// IP text canonicalization: a strict parser and an RFC 5952 formatter, written by hand on purpose.
// ipaddr.js is not used for the canonical form: it prints IPv4-mapped addresses in hex, turns the
// IPv4-compatible ::a.b.c.d into ::ffff:a.b.c.d (another address) and reads 010.0.0.1 as octal
// (spec/README.md decisions 4 and 5).

export type IpAddress = { version: 4; octets: number[] } | { version: 6; groups: number[] };

/** A run of consecutive zero groups in an IPv6 address. */
export interface ZeroRun {
  start: number;
  length: number;
}

// Decision 4: exactly "0" or a decimal number 1-255 without leading zeros. Never octal or hex.
const DEC_OCTET = /^(?:0|[1-9][0-9]?|1[0-9]{2}|2[0-4][0-9]|25[0-5])$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => DEC_OCTET.test(part))) return null;
  return parts.map(Number);
}

/**
 * Groups of one side of "::". The dotted IPv4 tail is allowed only as the very last field of the
 * address (RFC 4291 section 2.2, form 3), where it stands for the low 32 bits.
 */
function parseFields(text: string, dottedTailAllowed: boolean): number[] | null {
  if (text === '') return [];
  const fields = text.split(':');
  const groups: number[] = [];
  for (const [index, field] of fields.entries()) {
    if (HEX_GROUP.test(field)) {
      groups.push(parseInt(field, 16));
      continue;
    }
    const octets = dottedTailAllowed && index === fields.length - 1 ? parseIPv4(field) : null;
    if (!octets) return null;
    groups.push((octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!);
  }
  return groups;
}

function parseIPv6(text: string): number[] | null {
  const gap = text.indexOf('::');
  if (gap === -1) {
    const groups = parseFields(text, true);
    return groups && groups.length === 8 ? groups : null;
  }
  // A second "::" (this also catches ":::") makes the address ambiguous.
  if (text.indexOf('::', gap + 1) !== -1) return null;
  const head = parseFields(text.slice(0, gap), false);
  const tail = parseFields(text.slice(gap + 2), true);
  if (!head || !tail || head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/**
 * Parses a plain address. Anything else is null: zone indexes, CIDR, brackets, whitespace, empty
 * text, shorthand/hex/octal/integer IPv4, more than 4 hex digits in a group (decision 6).
 */
export function parseIp(text: string): IpAddress | null {
  if (text.includes(':')) {
    const groups = parseIPv6(text);
    return groups && { version: 6, groups };
  }
  const octets = parseIPv4(text);
  return octets && { version: 4, octets };
}

/** All maximal runs of zero groups, in address order (runs of one group included). */
export function zeroRuns(groups: readonly number[]): ZeroRun[] {
  const runs: ZeroRun[] = [];
  for (let i = 0; i < groups.length; i++) {
    if (groups[i] !== 0) continue;
    const start = i;
    while (i < groups.length && groups[i] === 0) i++;
    runs.push({ start, length: i - start });
  }
  return runs;
}

/** RFC 5952 section 4.2: the longest run of two or more zero groups, the first one on a tie. */
export function longestZeroRun(groups: readonly number[]): ZeroRun | null {
  let best: ZeroRun | null = null;
  for (const run of zeroRuns(groups)) {
    if (run.length >= 2 && (!best || run.length > best.length)) best = run;
  }
  return best;
}

/** IPv4-mapped: ::ffff:0:0/96 (RFC 4291 section 2.5.5.2). */
export function isIPv4Mapped(groups: readonly number[]): boolean {
  return groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
}

/**
 * Writes IPv6 groups as lowercase hex without leading zeros (RFC 5952 sections 4.1, 4.3),
 * replacing `run` (if any) by "::"; with `dottedTail` the low 32 bits are written as IPv4.
 */
export function formatIPv6(groups: readonly number[], run: ZeroRun | null, dottedTail = false): string {
  const fields = groups.map((group) => group.toString(16));
  if (dottedTail) {
    const [high, low] = [groups[6]!, groups[7]!];
    fields.splice(6, 2, [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.'));
  }
  if (!run) return fields.join(':');
  return `${fields.slice(0, run.start).join(':')}::${fields.slice(run.start + run.length).join(':')}`;
}

/** The product's canonical text (RFC 5952 section 4; section 5 mixed notation for mapped only). */
export function formatIp(address: IpAddress): string {
  if (address.version === 4) return address.octets.join('.');
  const { groups } = address;
  // Decision 5: ::ffff:192.0.2.1. The IPv4-compatible ::192.0.2.1 stays hex (::c000:201).
  if (isIPv4Mapped(groups)) return formatIPv6(groups, { start: 0, length: 5 }, true);
  return formatIPv6(groups, longestZeroRun(groups));
}

/** Canonical text of a plain address, or null when the text is not one. */
export function canonicalizeIp(text: string): string | null {
  const address = parseIp(text);
  return address && formatIp(address);
}
