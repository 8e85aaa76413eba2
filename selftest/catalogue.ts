// Loads the mutant and variant catalogues: every module of selftest/mutants/ and selftest/variants/
// (one case per file, named after its id), sorted by id.
import fs from 'node:fs';
import path from 'node:path';
import { parseAddressBias } from '../suite/config/config';
import { REQUIREMENTS } from '../suite/judging/requirements';
import type { Mutant, Variant } from './types';

export const MUTANTS_DIR = path.join(__dirname, 'mutants');
export const VARIANTS_DIR = path.join(__dirname, 'variants');

function loadDir<T extends { id: string }>(dir: string): T[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(dir, f)) as { default?: T };
      if (!mod.default || typeof mod.default.id !== 'string')
        throw new Error(`${path.relative(process.cwd(), path.join(dir, f))} has no default export with an id`);
      return mod.default;
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export const loadMutants = (): Mutant[] => loadDir<Mutant>(MUTANTS_DIR);
export const loadVariants = (): Variant[] => loadDir<Variant>(VARIANTS_DIR);

/** The suite settings a variant may set (tuning knobs only), each with its own check. */
const TUNING_KNOBS: Record<string, (value: string) => unknown> = { CONFORMANCE_ADDRESS_BIAS: parseAddressBias };

/**
 * What is wrong with the catalogues: ids that repeat or differ from their file name, requirement IDs
 * that do not exist, a mutant expected to fail a requirement that is not a MUST (a SHOULD failure
 * does not fail the verdict, so it proves nothing about the suite's MUST checks; a strict mutant,
 * judged where SHOULD failures fail the verdict, may expect a SHOULD), a variant's
 * shouldFailures that are not SHOULDs, a variant setting that is not a tuning knob or has a bad value.
 */
export function catalogueProblems(mutants: Mutant[], variants: Variant[]): string[] {
  const problems: string[] = [];
  const files = new Map([
    ...fs.readdirSync(MUTANTS_DIR).map((f) => [`mutant ${path.basename(f, '.ts')}`, f] as const),
    ...fs.readdirSync(VARIANTS_DIR).map((f) => [`variant ${path.basename(f, '.ts')}`, f] as const),
  ]);
  const seen = new Set<string>();
  for (const [kind, cases] of [['mutant', mutants], ['variant', variants]] as const) {
    for (const c of cases) {
      if (seen.has(c.id)) problems.push(`${kind} id "${c.id}" is used twice (mutant and variant ids share one namespace)`);
      seen.add(c.id);
      if (!files.has(`${kind} ${c.id}`)) problems.push(`${kind} "${c.id}" does not live in a file named ${c.id}.ts`);
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.id)) problems.push(`${kind} id "${c.id}" is not kebab-case`);
      if (!c.description.trim()) problems.push(`${kind} "${c.id}" has no description`);
    }
  }
  for (const m of mutants) {
    if (m.expected.length === 0) problems.push(`mutant "${m.id}" names no expected requirement`);
    for (const id of m.expected) {
      const r = REQUIREMENTS.get(id);
      if (!r) problems.push(`mutant "${m.id}" expects unknown requirement ${id}`);
      else if (r.level === 'SHOULD' && !m.strict) problems.push(`mutant "${m.id}" expects ${id}, a SHOULD: only MUST failures fail the verdict (set strict to judge it in strict mode)`);
      else if (r.level !== 'MUST' && r.level !== 'SHOULD') problems.push(`mutant "${m.id}" expects ${id}, a ${r.level}: only MUST failures fail the verdict`);
    }
  }
  for (const v of variants) {
    for (const id of v.shouldFailures ?? []) {
      const r = REQUIREMENTS.get(id);
      if (!r || r.level !== 'SHOULD') problems.push(`variant "${v.id}" lists ${id} in shouldFailures: not a SHOULD requirement`);
    }
    // Only tuning knobs: a variant must not move the target, the zones, the seed or the verdict rules.
    for (const [name, value] of Object.entries(v.env ?? {})) {
      const check = TUNING_KNOBS[name];
      if (!check) problems.push(`variant "${v.id}" sets ${name}: only ${Object.keys(TUNING_KNOBS).join(', ')} may be set`);
      else
        try {
          check(value);
        } catch (e) {
          problems.push(`variant "${v.id}": ${(e as Error).message}`);
        }
    }
  }
  return problems;
}

/** MUST requirements that no mutant expects to fail: the self-test would not show they can fail. */
export function uncoveredMusts(mutants: Mutant[]): string[] {
  const covered = new Set(mutants.flatMap((m) => m.expected));
  return [...REQUIREMENTS.values()].filter((r) => r.level === 'MUST' && !covered.has(r.id)).map((r) => r.id);
}
