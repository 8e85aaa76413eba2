// The profile knobs (suite/config/profile.ts): every budget cut is a named knob, no spec decides by profile
// name, and the seeded sample is deterministic per seed and rotates across seeds.
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KNOBS, sample, select } from '../../suite/config/profile';

const ROOT = join(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') || p.endsWith('.json') ? [p] : [];
  });
}

test('no spec, fixture or case file decides by profile name: every cut is a knob of suite/config/profile.ts', () => {
  const offenders = [...files(join(ROOT, 'specs')), ...files(join(ROOT, 'fixtures'))].flatMap((f) => {
    const text = readFileSync(f, 'utf8');
    return /profile\s*[!=]==|[!=]==\s*ctx\.profile|"budget"\s*:/.test(text) ? [f.slice(ROOT.length + 1)] : [];
  });
  expect(offenders).toEqual([]);
});

test('both profiles set every knob (the full profile runs every case)', () => {
  expect(Object.keys(KNOBS.budget).sort()).toEqual(Object.keys(KNOBS.full).sort());
  for (const [name, value] of Object.entries(KNOBS.full)) {
    if (typeof value === 'object' && value !== null && 'fixed' in value) throw new Error(`full profile knob ${name} selects a subset`);
  }
  expect(KNOBS.full.invalidAddressCases).toBe('all');
});

test('sample: the same seed draws the same items, other seeds other ones; never a duplicate', () => {
  const items = Array.from({ length: 40 }, (_, i) => `case-${i}`);
  const a = sample(items, 5, 20261128, 'k');
  expect(sample(items, 5, 20261128, 'k')).toEqual(a);
  expect(new Set(a).size).toBe(5);
  const seen = new Set<string>();
  for (let seed = 1; seed <= 30; seed++) for (const x of sample(items, 5, seed, 'k')) seen.add(x);
  // 30 nights of 5 draw from most of the 40 cases (rotation, not a fixed subset).
  expect(seen.size).toBeGreaterThan(30);
  expect(sample(items, 99, 1, 'k').sort()).toEqual([...items].sort());
  expect(sample([], 3, 1, 'k')).toEqual([]);
});

test('select: fixed ids always, a seeded draw of the rest, an unknown id is an error naming it', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f'];
  expect(select(items, (x) => x, 'all', 1, 'k')).toEqual(items);
  const s = select(items, (x) => x, { fixed: ['b', 'e'], rotating: 2 }, 7, 'k');
  expect(s).toEqual(expect.arrayContaining(['b', 'e']));
  expect(s).toHaveLength(4);
  expect(s).toEqual(items.filter((x) => s.includes(x))); // the items' own order
  expect(() => select(items, (x) => x, { fixed: ['z'], rotating: 0 }, 1, 'k')).toThrow(/unknown cases: z/);
});

test('the budget profile rotates its case lists: every list with cases beyond its fixed ones draws some of them, consecutive seeds draw different ones, and 20 nights run every path case', () => {
  for (const [name, value] of Object.entries(KNOBS.budget))
    if (typeof value === 'object' && value !== null && 'rotating' in value && !('firstPerCategory' in value))
      expect((value as { rotating: number }).rotating, `budget knob ${name} draws some cases beyond its fixed ones`).toBeGreaterThan(0);
  const paths = (JSON.parse(readFileSync(join(ROOT, 'fixtures/cases/robustness-paths.json'), 'utf8')) as { cases: Array<{ id: string }> }).cases;
  const draw = (seed: number) => select(paths, (p) => p.id, KNOBS.budget.robustnessPaths, seed, 'robustness paths').map((p) => p.id);
  expect(draw(20261128)).toEqual(draw(20261128));
  expect(draw(20261129)).not.toEqual(draw(20261128));
  const seen = new Set<string>();
  for (let seed = 20261101; seed <= 20261120; seed++) for (const id of draw(seed)) seen.add(id);
  expect([...seen].sort()).toEqual(paths.map((p) => p.id).sort());
});
