// Near-miss address text: invalid text derived from a valid address by one small change, in classes
// (a character inserted, dropped or doubled, an extra or missing group, five hex digits, a port, a
// zone id, a stray dot, whitespace, brackets, a CIDR suffix, Unicode digits, a wrong separator, ...).
// A fixed list only holds the mistakes its authors thought of; a class with a seeded generator holds
// many of each kind, and a rotating seed sends different ones every night.
//
// Pure and seeded: the same seed gives the same cases. Every case is checked against the oracle
// before it is returned (parseAddress must reject it: the suite never sends a "near miss" that is in
// fact valid), and its lax readings (laxReadings: what a lenient server could store) must lie inside
// the test universe, so that reading them back, and cleaning up after a target that stored one, never
// touches an address outside the documentation ranges.
import { isTestAddress } from './arbitraries';
import {
  type Address,
  type IPv4Address,
  type IPv6Address,
  canonical,
  fromGroups,
  fromOctets,
  groupsOf,
  laxReadings,
  mappedOf,
  compatibleOf,
  octalOrHexReadings,
  parseAddress,
} from './oracle';
import { compressionOptions, spell, type SpellingChoice } from './spellings';

/** Decision 6: not a plain address (MUST be a 4xx and store nothing). */
export const DECISION_6_CLASSES = [
  'inserted-char',
  'dropped-char',
  'doubled-char',
  'extra-group',
  'missing-group',
  'five-hex-digits',
  'double-compression',
  'port',
  'zone-id',
  'stray-dot',
  'whitespace',
  'brackets',
  'cidr',
  'unicode-digits',
  'wrong-separator',
  'percent-escape',
  'sign',
  'octet-overflow',
] as const;

/** Decision 4: non-canonical IPv4 text (SHOULD be 400; MUST NOT be stored under an octal/hex reading). */
export const DECISION_4_CLASSES = ['leading-zero', 'hex-part', 'shorthand', 'integer'] as const;

export const NEAR_MISS_CLASSES = [...DECISION_6_CLASSES, ...DECISION_4_CLASSES] as const;
export type NearMissClass = (typeof NEAR_MISS_CLASSES)[number];

export interface NearMiss {
  cls: NearMissClass;
  /** The text to send (exactly what the server must see). */
  text: string;
  /** The canonical text of the valid address it was derived from. */
  source: string;
  decision: 4 | 6;
  /** What a lax server could store (suite/ip/oracle.ts laxReadings), all inside the test universe. */
  readings: string[];
  /** The subset only an octal/hex reading gives (decision 4's MUST NOT). */
  octalOrHexReadings: string[];
}

export function decisionOf(cls: NearMissClass): 4 | 6 {
  return (DECISION_4_CLASSES as readonly string[]).includes(cls) ? 4 : 6;
}

// ---- a small seeded generator (mulberry32) ----------------------------------------------------------

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

export function seedFor(seed: number, key: string): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ---- sources: valid addresses of the test universe, in a legal spelling ------------------------------

const DOC_V4: ReadonlyArray<readonly [number, number, number]> = [
  [192, 0, 2],
  [198, 51, 100],
  [203, 0, 113],
];

/** Host octets that make leading-zero text discriminate (octal-valid digits, a value of 8 or more). */
const OCTAL_TELLING = [10, 11, 12, 17, 20, 21, 33, 44, 55, 64, 70, 77];

function randomV4(rng: Rng): IPv4Address {
  const [a, b, c] = rng.pick(DOC_V4);
  const host = rng.next() < 0.4 ? rng.pick(OCTAL_TELLING) : rng.int(256);
  return fromOctets([a, b, c, host]);
}

function randomV6(rng: Rng): IPv6Address {
  const free = Array.from({ length: 6 }, () => (rng.next() < 0.45 ? 0 : rng.next() < 0.3 ? rng.int(16) + 1 : rng.int(0xffff) + 1));
  return fromGroups([0x2001, 0x0db8, ...free]);
}

export type SourceKind = 'ipv4' | 'ipv6' | 'mapped' | 'compatible';

export function randomSource(rng: Rng, kind: SourceKind = rng.pick(['ipv4', 'ipv6', 'ipv6', 'mapped', 'compatible'] as const)): Address {
  if (kind === 'ipv4') return randomV4(rng);
  if (kind === 'ipv6') return randomV6(rng);
  const v4 = randomV4(rng);
  return kind === 'mapped' ? mappedOf(v4) : compatibleOf(v4);
}

/** A legal spelling of an IPv6 address (any case, padding, compression, dotted tail); IPv4 as is. */
function randomSpelling(addr: Address, rng: Rng): string {
  if (addr.v === 4) return canonical(addr);
  const dottedTail = rng.next() < 0.3;
  const runs = compressionOptions(addr, dottedTail);
  const choice: SpellingChoice = {
    upper: Array.from({ length: 8 }, () => (rng.next() < 0.2 ? rng.int(16) : 0)),
    pad: Array.from({ length: 8 }, () => (rng.next() < 0.15 ? rng.int(4) : 0)),
    compress: runs.length && rng.next() < 0.85 ? rng.pick(runs) : null,
    dottedTail,
  };
  return spell(addr, choice);
}

// ---- the classes ------------------------------------------------------------------------------------

const INSERTABLE = '0123456789abcdefABCDEFgGxXzZ:.-_/%+,;#@! ';
const UNICODE_DIGIT_ZEROS = [0xff10, 0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x1d7ce, 0x1d7ec, 0x0ae6];
const WHITESPACE = [' ', '\t', '\n', '\r', '\r\n', '\v', '\f', '\u00a0', '\u2003', '\u3000', '\u200b', '\u2028', '\ufeff'];
const V4_SEPARATORS = [',', ':', '-', '_', ';', ' ', '\u3002', '\uff0e', '\uff61', '\u2024', '..', '/'];
const V6_SEPARATORS = ['-', ';', '.', '_', '\uff1a', '\u02d0', '\ufe55', ' ', ':::', '|'];
const ZONES = ['eth0', '1', '25eth0', 'lo0', 'en0', '0', '%', 'eth0%1'];
const PORTS = ['0', '80', '443', '8080', '65535', '65536', ''];

/** Index of a random character of `s` matching `re` (or -1). */
function indexOf(s: string, re: RegExp, rng: Rng): number {
  const at = [...s].map((ch, i) => (re.test(ch) ? i : -1)).filter((i) => i >= 0);
  return at.length ? rng.pick(at) : -1;
}

function replaceAt(s: string, i: number, len: number, by: string): string {
  return s.slice(0, i) + by + s.slice(i + len);
}

/** Splits v6 text at the start of its dotted tail, if any (the decision 4 classes change only that). */
function v4Part(text: string): { head: string; v4: string } | null {
  if (!text.includes('.')) return null;
  const cut = text.lastIndexOf(':');
  return { head: text.slice(0, cut + 1), v4: text.slice(cut + 1) };
}

/** The full eight-group form of an IPv6 address, groups in lowercase hex. */
function fullGroups(addr: Address): string[] {
  return groupsOf(addr as IPv6Address).map((g) => g.toString(16));
}

/** Group texts joined with the longest run of "0" groups (two or more) written as "::". */
function compressed(g: readonly string[]): string {
  let best: [number, number] | null = null;
  for (let i = 0; i < g.length; ) {
    let j = i;
    while (j < g.length && g[j] === '0') j++;
    if (j - i >= 2 && (!best || j - i > best[1])) best = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  return best ? `${g.slice(0, best[0]).join(':')}::${g.slice(best[0] + best[1]).join(':')}` : g.join(':');
}

/** One derivation of `cls` from `addr` (spelled `s`); null when the class has no form for it. */
function derive(cls: NearMissClass, addr: Address, s: string, rng: Rng): string | null {
  const v6 = addr.v === 6;
  switch (cls) {
    case 'inserted-char': {
      const i = rng.int(s.length + 1);
      return replaceAt(s, i, 0, rng.pick([...INSERTABLE]));
    }
    case 'dropped-char':
      return replaceAt(s, rng.int(s.length), 1, '');
    case 'doubled-char': {
      const i = rng.int(s.length);
      return replaceAt(s, i, 0, s[i]!);
    }
    case 'extra-group': {
      if (!v6) return rng.next() < 0.5 ? `${s}.${rng.int(256)}` : `${rng.int(256)}.${s}`;
      const g = fullGroups(addr);
      const at = rng.int(9);
      g.splice(at, 0, rng.int(0x10000).toString(16));
      // nine groups written out, or eight beside a "::" (which stands for at least one more)
      if (rng.next() < 0.5) return g.join(':');
      const cut = rng.int(8) + 1;
      return `${g.slice(0, cut).join(':')}::${g.slice(cut, 8).join(':')}`.replace(/:$/, '');
    }
    case 'missing-group': {
      if (!v6) {
        const o = s.split('.');
        o.splice(rng.int(4), 1);
        return o.join('.');
      }
      const g = fullGroups(addr);
      g.splice(rng.int(8), 1);
      return g.join(':');
    }
    case 'five-hex-digits': {
      if (!v6) return null;
      const g = fullGroups(addr);
      const i = rng.int(8);
      // a leading zero (Go's old net.ParseIP read it as the same group) or a fifth significant digit
      g[i] = rng.next() < 0.5 ? `0${g[i]!.padStart(4, '0')}` : `${(rng.int(15) + 1).toString(16)}${g[i]!.padStart(4, '0')}`;
      return rng.next() < 0.5 ? g.join(':') : compressed(g);
    }
    case 'double-compression': {
      if (!v6) return null;
      const g = fullGroups(addr);
      const a = rng.int(7) + 1;
      const b = a + rng.int(7 - a + 1) + 1;
      if (b >= 8) return `${g.slice(0, a).join(':')}::${g.slice(a, 7).join(':')}::`;
      return `${g.slice(0, a).join(':')}::${g.slice(a, b).join(':')}::${g.slice(b + 1).join(':')}`;
    }
    case 'port': {
      const port = rng.pick(PORTS);
      if (!v6) return `${s}:${port}`;
      return rng.next() < 0.7 ? `[${s}]:${port}` : `${s}:${port}`;
    }
    case 'zone-id':
      return `${s}%${rng.pick(ZONES)}`;
    case 'stray-dot':
      return rng.pick([`${s}.`, `${s}..`, `.${s}`, v6 ? `${s}:.` : `${s}.0.`]);
    case 'whitespace': {
      const ws = rng.pick(WHITESPACE);
      const where = rng.int(3);
      return where === 0 ? `${ws}${s}` : where === 1 ? `${s}${ws}` : replaceAt(s, rng.int(s.length - 1) + 1, 0, ws);
    }
    case 'brackets':
      return rng.pick([`[${s}]`, `[${s}`, `${s}]`, `(${s})`, `<${s}>`, `{${s}}`]);
    case 'cidr': {
      const max = v6 ? 128 : 32;
      const len = rng.next() < 0.15 ? '' : String(rng.next() < 0.8 ? rng.int(max + 1) : max + 1 + rng.int(100));
      return `${s}/${len}`;
    }
    case 'unicode-digits': {
      const zero = rng.pick(UNICODE_DIGIT_ZEROS);
      const all = rng.next() < 0.4;
      const first = indexOf(s, /[0-9]/, rng);
      if (first < 0) return null;
      return [...s].map((ch, i) => (/[0-9]/.test(ch) && (all || i === first) ? String.fromCodePoint(zero + Number(ch)) : ch)).join('');
    }
    case 'wrong-separator': {
      const sep = v6 ? ':' : '.';
      const by = rng.pick(v6 ? V6_SEPARATORS : V4_SEPARATORS);
      if (rng.next() < 0.4) return s.split(sep).join(by);
      const i = indexOf(s, v6 ? /:/ : /\./, rng);
      return i < 0 ? null : replaceAt(s, i, 1, by);
    }
    case 'percent-escape': {
      // left literally after the one decoding: only a server that decodes twice sees an address
      const i = indexOf(s, /[:.0-9a-fA-F]/, rng);
      if (i < 0) return null;
      const hex = s.charCodeAt(i).toString(16).toUpperCase();
      return replaceAt(s, i, 1, `%${rng.next() < 0.5 ? hex : hex.toLowerCase()}`);
    }
    case 'sign': {
      const parts = v6 ? s.split(':') : s.split('.');
      const candidates = parts.map((p, i) => (p !== '' ? i : -1)).filter((i) => i >= 0);
      const i = rng.pick(candidates);
      parts[i] = `${rng.pick(['+', '-'])}${parts[i]}`;
      return parts.join(v6 ? ':' : '.');
    }
    case 'octet-overflow': {
      const t = v4Part(s);
      if (!t) return null;
      const o = t.v4.split('.');
      const i = rng.int(4);
      o[i] = String(Number(o[i]) + 256 * (rng.int(3) + 1));
      return t.head + o.join('.');
    }
    case 'leading-zero': {
      const t = v4Part(s);
      if (!t) return null;
      const o = t.v4.split('.');
      const i = rng.next() < 0.6 ? 3 : rng.int(4);
      o[i] = `${'0'.repeat(rng.int(2) + 1)}${o[i]}`;
      return t.head + o.join('.');
    }
    case 'hex-part': {
      const t = v4Part(s);
      if (!t) return null;
      const o = t.v4.split('.');
      const all = rng.next() < 0.3;
      const i = rng.int(4);
      const hex = (x: string) => `${rng.next() < 0.5 ? '0x' : '0X'}${rng.next() < 0.5 ? Number(x).toString(16) : Number(x).toString(16).toUpperCase()}`;
      return t.head + o.map((x, j) => (all || j === i ? hex(x) : x)).join('.');
    }
    case 'shorthand': {
      const t = v4Part(s);
      if (!t) return null;
      const o = t.v4.split('.').map(Number);
      // the last part fills the remaining bytes (inet_aton): a.b.(c*256+d) or a.(b*65536+c*256+d)
      return t.head + (rng.next() < 0.6 ? `${o[0]}.${o[1]}.${o[2]! * 256 + o[3]!}` : `${o[0]}.${o[1]! * 65536 + o[2]! * 256 + o[3]!}`);
    }
    case 'integer': {
      if (v6) return null;
      const n = addr.bytes.reduce((acc, b) => acc * 256 + b, 0);
      return rng.pick([String(n), `0x${n.toString(16)}`, `0${n.toString(8)}`, `0X${n.toString(16).toUpperCase()}`]);
    }
  }
}

/** Which source kinds a class applies to (the decision 4 classes need dotted IPv4 text). */
function sourceKinds(cls: NearMissClass): SourceKind[] {
  if (cls === 'integer') return ['ipv4'];
  if (cls === 'leading-zero' || cls === 'hex-part' || cls === 'shorthand' || cls === 'octet-overflow') return ['ipv4', 'ipv4', 'mapped'];
  if (cls === 'five-hex-digits' || cls === 'double-compression') return ['ipv6', 'ipv6', 'mapped', 'compatible'];
  return ['ipv4', 'ipv6', 'ipv6', 'mapped', 'compatible'];
}

/** A dotted tail is needed by the classes that change IPv4 text inside IPv6 text. */
function spellingFor(cls: NearMissClass, addr: Address, rng: Rng): string {
  if (addr.v === 6 && ['leading-zero', 'hex-part', 'shorthand', 'octet-overflow'].includes(cls)) return canonical(addr);
  return randomSpelling(addr, rng);
}

/**
 * Checks a candidate and completes it: null unless the oracle rejects the text and every lax reading
 * lies inside the test universe. A leading-zero candidate must have an octal reading that differs from
 * its decimal one when `telling` is set (192.0.2.01 reads 192.0.2.1 either way and cannot show an
 * octal parser; 192.0.2.010 can). Hex parts always tell; shorthand and integers may be decimal.
 */
export function checkedNearMiss(cls: NearMissClass, text: string, source: Address, telling = false): NearMiss | null {
  if (parseAddress(text) !== null) return null; // valid after all: not a near miss
  const readings = laxReadings(text);
  if (!readings.every((r) => isTestAddress(parseAddress(r)!))) return null;
  const octal = octalOrHexReadings(text);
  const decision = decisionOf(cls);
  if (cls === 'leading-zero' && telling && octal.length === 0) return null;
  return { cls, text, source: canonical(source), decision, readings, octalOrHexReadings: octal };
}

export interface NearMissOptions {
  /** Cases per class. */
  perClass: number;
  classes?: readonly NearMissClass[];
  /** Leading-zero cases only with an octal reading that differs from the decimal one (default true). */
  telling?: boolean;
}

/**
 * `perClass` distinct near misses of each class, derived from addresses drawn by `seed`. Every case is
 * invalid to the oracle with its readings inside the test universe (checkedNearMiss). Within a class,
 * cases with readings come first. A class that cannot produce a case in many tries is an error (the
 * unit tests show every class does).
 */
export function generateNearMisses(seed: number, options: NearMissOptions): NearMiss[] {
  const out: NearMiss[] = [];
  for (const cls of options.classes ?? NEAR_MISS_CLASSES) {
    const rng = new Rng(seedFor(seed, cls));
    const seen = new Set<string>();
    const kinds = sourceKinds(cls);
    const mine: NearMiss[] = [];
    let found = 0;
    for (let attempt = 0; found < options.perClass && attempt < 400 * options.perClass; attempt++) {
      const addr = randomSource(rng, kinds[attempt % kinds.length]);
      const text = derive(cls, addr, spellingFor(cls, addr, rng), rng);
      if (text === null || seen.has(text)) continue;
      const c = checkedNearMiss(cls, text, addr, options.telling ?? true);
      if (!c) continue;
      seen.add(text);
      mine.push(c);
      found++;
    }
    if (found < options.perClass) throw new Error(`near-miss class ${cls}: only ${found} of ${options.perClass} cases in ${400 * options.perClass} tries`);
    // Cases a lenient parser can turn into an address (they have readings) first: a run that sends
    // few cases of a class sends those, the ones that catch "accepted and stored".
    out.push(...mine.filter((c) => c.readings.length > 0), ...mine.filter((c) => c.readings.length === 0));
  }
  return out;
}
