// The suite's own IP text oracle: a strict parser and the canonical printers the PUT contract is
// judged by. Written independently of the reference server (server/ip.ts is deliberately not read
// or imported) and of ipaddr.js, which deviates from the product's decisions (see README.md here).
//
// Representation: an address is its bytes in network order, tagged with the family. IPv6 helpers
// convert to and from eight 16-bit groups where the text forms need them.

export type IPv4Address = { readonly v: 4; readonly bytes: Uint8Array };
export type IPv6Address = { readonly v: 6; readonly bytes: Uint8Array };
export type Address = IPv4Address | IPv6Address;

// ---- construction helpers ------------------------------------------------------------------------

export function fromOctets(octets: readonly number[]): IPv4Address {
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) {
    throw new RangeError(`not four octets: ${octets.join(',')}`);
  }
  return { v: 4, bytes: Uint8Array.from(octets) };
}

export function fromGroups(groups: readonly number[]): IPv6Address {
  if (groups.length !== 8 || groups.some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) {
    throw new RangeError(`not eight 16-bit groups: ${groups.join(',')}`);
  }
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return { v: 6, bytes };
}

export function groupsOf(addr: IPv6Address): number[] {
  const out: number[] = [];
  for (let i = 0; i < 8; i++) out.push((addr.bytes[2 * i]! << 8) | addr.bytes[2 * i + 1]!);
  return out;
}

/** ::ffff:a.b.c.d (RFC 4291 section 2.5.5.2). */
export function mappedOf(v4: IPv4Address): IPv6Address {
  const b = v4.bytes;
  return fromGroups([0, 0, 0, 0, 0, 0xffff, (b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!]);
}

/** ::a.b.c.d, the deprecated IPv4-compatible form (RFC 4291 section 2.5.5.1). */
export function compatibleOf(v4: IPv4Address): IPv6Address {
  const b = v4.bytes;
  return fromGroups([0, 0, 0, 0, 0, 0, (b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!]);
}

/** ::ffff:0:a.b.c.d, IPv4-translated (RFC 2765 section 2.1; a well-known prefix of RFC 5952 section 5). */
export function translatedOf(v4: IPv4Address): IPv6Address {
  const b = v4.bytes;
  return fromGroups([0, 0, 0, 0, 0xffff, 0, (b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!]);
}

/** 64:ff9b::a.b.c.d, the NAT64 well-known prefix (RFC 6052 section 2.1). */
export function nat64Of(v4: IPv4Address): IPv6Address {
  const b = v4.bytes;
  return fromGroups([0x64, 0xff9b, 0, 0, 0, 0, (b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!]);
}

/** The low-order 32 bits of an IPv6 address, as an IPv4 address. */
export function embeddedIPv4(addr: IPv6Address): IPv4Address {
  return { v: 4, bytes: addr.bytes.slice(12, 16) };
}

// ---- strict parsing --------------------------------------------------------------------------------

// Decision 4: exactly four decimal octets 0-255, no leading zeros, ASCII digits only.
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const IPV4_STRICT = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

function parseIPv4Text(text: string): IPv4Address | null {
  if (!IPV4_STRICT.test(text)) return null;
  return fromOctets(text.split('.').map(Number));
}

function parseIPv6Text(text: string): IPv6Address | null {
  // Only hex digits, colons and (for the dotted tail) dots: this alone rejects zone indexes,
  // prefixes, brackets, whitespace, signs and non-ASCII digits (decision 6).
  if (!/^[0-9A-Fa-f:.]+$/.test(text)) return null;
  let hex = text;
  if (text.includes('.')) {
    // RFC 4291 section 2.2 form 3: a dotted quad may stand for the last 32 bits only.
    const cut = text.lastIndexOf(':');
    if (cut < 0) return null;
    const tail = parseIPv4Text(text.slice(cut + 1));
    if (!tail) return null;
    const b = tail.bytes;
    hex = `${text.slice(0, cut + 1)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const halves = hex.split('::');
  if (halves.length > 2) return null; // at most one "::"
  const side = (s: string): number[] | null => {
    if (s === '') return [];
    const groups = s.split(':');
    if (!groups.every((g) => HEX_GROUP.test(g))) return null; // also rejects empty groups (":::")
    return groups.map((g) => parseInt(g, 16));
  };
  const left = side(halves[0]!);
  if (!left) return null;
  if (halves.length === 1) return left.length === 8 ? fromGroups(left) : null;
  const right = side(halves[1]!);
  if (!right) return null;
  // "::" stands for one or more zero groups (RFC 4291 section 2.2 form 2).
  if (left.length + right.length > 7) return null;
  return fromGroups([...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right]);
}

/** Strict parser: only plain addresses (decisions 4 and 6). Anything else is null. */
export function parseAddress(text: string): Address | null {
  return text.includes(':') ? parseIPv6Text(text) : parseIPv4Text(text);
}

// ---- predicates ----------------------------------------------------------------------------------

/** In ::ffff:0:0/96 (RFC 4291 section 2.5.5.2). */
export function isMapped(addr: Address): addr is IPv6Address {
  if (addr.v !== 6) return false;
  for (let i = 0; i < 10; i++) if (addr.bytes[i] !== 0) return false;
  return addr.bytes[10] === 0xff && addr.bytes[11] === 0xff;
}

/** In ::/96 (first 96 bits zero; includes :: and ::1, which callers exclude where it matters). */
export function isCompatible(addr: Address): addr is IPv6Address {
  if (addr.v !== 6) return false;
  for (let i = 0; i < 12; i++) if (addr.bytes[i] !== 0) return false;
  return true;
}

/** In ::ffff:0:0:0/96 (IPv4-translated). */
export function isTranslated(addr: Address): addr is IPv6Address {
  if (addr.v !== 6) return false;
  const g = groupsOf(addr);
  return g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0xffff && g[5] === 0;
}

/** In 64:ff9b::/96 (NAT64). */
export function isNat64(addr: Address): addr is IPv6Address {
  if (addr.v !== 6) return false;
  const g = groupsOf(addr);
  return g[0] === 0x64 && g[1] === 0xff9b && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0;
}

export function sameAddress(a: Address, b: Address): boolean {
  return a.v === b.v && a.bytes.every((x, i) => x === b.bytes[i]);
}

// ---- printing ----------------------------------------------------------------------------------------

function dotted(bytes: Uint8Array): string {
  return Array.from(bytes).join('.');
}

/** Maximal zero runs of a group sequence, as [start, length]. */
export function zeroRuns(groups: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    runs.push([i, j - i]);
    i = j;
  }
  return runs;
}

/** The longest run of >= 2 zero groups, the first one on a tie (RFC 5952 sections 4.2.2, 4.2.3). */
export function longestZeroRun(groups: readonly number[]): { start: number; length: number } | null {
  let best: { start: number; length: number } | null = null;
  for (const [start, length] of zeroRuns(groups)) if (length >= 2 && (!best || length > best.length)) best = { start, length };
  return best;
}

/** RFC 5952 section 4 text: lowercase, no leading zeros, the longest zero run compressed. */
export function hexCanonical(addr: Address): string {
  if (addr.v === 4) return dotted(addr.bytes);
  const groups = groupsOf(addr);
  const text = groups.map((g) => g.toString(16));
  const run = longestZeroRun(groups);
  if (!run) return text.join(':');
  return `${text.slice(0, run.start).join(':')}::${text.slice(run.start + run.length).join(':')}`;
}

/**
 * The text the product stores: dotted decimal for IPv4; for IPv6 the RFC 5952 section 4 text,
 * except IPv4-mapped addresses in section 5 mixed notation (decision 5). The other well-known
 * prefixes (IPv4-compatible, IPv4-translated, NAT64) stay hex (::192.0.2.1 is ::c000:201).
 */
export function canonical(addr: Address): string {
  if (addr.v === 4) return dotted(addr.bytes);
  if (isMapped(addr)) return `::ffff:${dotted(addr.bytes.slice(12))}`;
  return hexCanonical(addr);
}

export function canonicalOf(text: string): string | null {
  const addr = parseAddress(text);
  return addr ? canonical(addr) : null;
}

// ---- what lax parsers would make of rejected text (decisions 4 and 6) ------------------------------

export interface LaxIPv4Readings {
  /**
   * The inet_aton(3) family (BSD/glibc inet_aton, ipaddr.js, the WHATWG URL host parser): 1 to 4
   * parts, "0x" hex, leading-"0" octal, the last part filling the remaining bytes (127.1, integers);
   * WHATWG additionally allows one trailing dot and an empty "0x".
   */
  inetAton: string | null;
  /** The all-decimal reading of four parts with leading zeros (Go <= 1.16, Python < 3.9.5). */
  decimal: string | null;
  /** True when the inetAton reading needed an octal or hex part. */
  radix: boolean;
}

const ATON_PART = /^(?:0[xX][0-9A-Fa-f]*|0[0-7]*|[1-9][0-9]*)$/;

function atonValue(part: string): bigint {
  if (/^0[xX]/.test(part)) return part.length === 2 ? 0n : BigInt(part);
  if (part.length > 1 && part.startsWith('0')) return BigInt(`0o${part.slice(1)}`);
  return BigInt(part);
}

function fromUint32(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => Number((n >> s) & 0xffn)).join('.');
}

/** Readings of IPv4-looking text (no colon) under lax parsers; exact, computed with BigInt. */
export function laxIPv4Readings(text: string): LaxIPv4Readings {
  let inetAton: string | null = null;
  let radix = false;
  const body = text.endsWith('.') ? text.slice(0, -1) : text;
  const parts = body.split('.');
  if (body !== '' && parts.length <= 4 && parts.every((p) => ATON_PART.test(p))) {
    const values = parts.map(atonValue);
    const last = values[values.length - 1]!;
    const head = values.slice(0, -1);
    if (head.every((x) => x <= 255n) && last < 1n << BigInt(8 * (5 - values.length))) {
      let n = last;
      head.forEach((x, i) => (n |= x << BigInt(8 * (3 - i))));
      inetAton = fromUint32(n);
      radix = parts.some((p) => p.length > 1 && p.startsWith('0'));
    }
  }
  let decimal: string | null = null;
  if (/^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/.test(text)) {
    const values = text.split('.').map((p) => BigInt(p));
    if (values.every((x) => x <= 255n)) decimal = values.join('.');
  }
  return { inetAton, decimal, radix };
}

function sortedUnique(xs: Iterable<string>): string[] {
  return [...new Set(xs)].sort();
}

/**
 * Canonical addresses a lax parser could store for non-canonical IPv4 text (decision 4): the
 * inet_aton and the decimal readings. Also applies to the dotted tail of IPv6 text
 * (::ffff:192.0.2.01 -> ::ffff:192.0.2.1). Strict text yields just its own canonical form.
 */
export function nonCanonicalIPv4Readings(text: string): string[] {
  const cut = text.lastIndexOf(':');
  const tail = text.slice(cut + 1);
  if (cut >= 0 && !tail.includes('.')) return sortedUnique([canonicalOf(text)].filter(isString));
  const r = laxIPv4Readings(tail);
  const out = [r.inetAton, r.decimal].filter(isString).map((v4) => (cut < 0 ? v4 : canonicalOf(text.slice(0, cut + 1) + v4)));
  return sortedUnique(out.filter(isString));
}

/**
 * Readings that only an octal or hex interpretation produces (decision 4's MUST NOT): the
 * inet_aton reading when it used an octal/hex part and differs from the decimal reading.
 * Applies to the dotted tail of IPv6 text as nonCanonicalIPv4Readings does.
 */
export function octalOrHexReadings(text: string): string[] {
  const cut = text.lastIndexOf(':');
  const tail = text.slice(cut + 1);
  if (cut >= 0 && !tail.includes('.')) return [];
  const r = laxIPv4Readings(tail);
  if (!r.inetAton || !r.radix || r.inetAton === r.decimal) return [];
  const reading = cut < 0 ? r.inetAton : canonicalOf(text.slice(0, cut + 1) + r.inetAton);
  return reading ? [reading] : [];
}

function isString(x: string | null | undefined): x is string {
  return typeof x === 'string';
}

// Unicode keeps every decimal digit set (Nd) as a run of ten code points from 0 to 9, so a digit's
// value is its distance from the start of its run, modulo 10 (some runs are adjacent).
function unicodeDigitToAscii(ch: string): string {
  const cp = ch.codePointAt(0)!;
  let start = cp;
  while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return String((cp - start) % 10);
}

// Repairs a lax server might apply before parsing (decision 6). Applied in this order, each
// optionally, so e.g. " [2001:db8::1%eth0] " reaches 2001:db8::1.
const REPAIRS: ReadonlyArray<(t: string) => string[]> = [
  (t) => {
    // a second percent-decoding (the path must be decoded exactly once)
    try {
      return [decodeURIComponent(t)];
    } catch {
      return [];
    }
  },
  (t) => [t.normalize('NFKC')], // full-width digits and the like
  (t) => [t.replace(/\p{Nd}/gu, unicodeDigitToAscii)], // any decimal digit, as Python's int() reads them
  (t) => [t.trim()],
  (t) => [t.split(/[\s\0]/)[0]!], // C parsers (glibc inet_aton) stop at whitespace or NUL
  (t) => [t.replace(/^\[(.*)\](?::[0-9]*)?$/s, '$1')], // [v6] and [v6]:port
  (t) => [t.replace(/^([0-9.]+):[0-9]*$/, '$1')], // v4:port
  // zone index; on colon-less text only where "%" is not a percent-escape ("2001%3A..." is not a zone)
  (t) => (t.includes(':') || /%(?![0-9A-Fa-f]{2})/.test(t) ? [t.replace(/%.*$/s, '')] : []),
  (t) => {
    // prefix: the address as written, and the network address
    const m = /^(.*)\/([0-9]*)$/s.exec(t);
    if (!m) return [];
    const addr = parseAddress(m[1]!);
    const len = Number(m[2]);
    if (!addr || m[2] === '' || len > addr.bytes.length * 8) return [m[1]!];
    const bytes = addr.bytes.map((b, i) => b & ((0xff << (8 - Math.max(0, Math.min(8, len - 8 * i)))) & 0xff));
    return [m[1]!, canonical({ v: addr.v, bytes } as Address)];
  },
  // hex groups longer than 4 digits through leading zeros (Go net.ParseIP before 1.20)
  (t) => [t.replace(/(^|:)0+([0-9A-Fa-f]{1,4})(?=:|$)/g, '$1$2')],
];

/**
 * Every address a lax server could store for this text: the repairs above in every combination,
 * then the strict parse and the lax IPv4 readings. The suite checks that none of them got stored.
 */
export function laxReadings(text: string): string[] {
  let texts = new Set([text]);
  for (const repair of REPAIRS) {
    const next = new Set(texts);
    for (const t of texts) for (const r of repair(t)) next.add(r);
    texts = next;
  }
  const out: string[] = [];
  for (const t of texts) out.push(...nonCanonicalIPv4Readings(t));
  return sortedUnique(out);
}
