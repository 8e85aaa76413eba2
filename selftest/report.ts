// reports/selftest.json (its shape: one entry per mutant and variant, what CI reads) and the short
// table of reports/selftest.md.
import type { CaseResult, Mutant, Variant } from './types';

type Profile = CaseResult['profile'];

export interface SelftestReport {
  /** `killed`: in every profile it ran in; `failed`: the full profile's failed requirements (the
   * budget one's when only that ran); `profiles`: each profile's own judgement. */
  mutants: Array<{
    id: string;
    killed: boolean;
    expected: string[];
    failed: string[];
    profiles: Partial<Record<Profile, { killed: boolean; failed: string[] }>>;
  }>;
  /** `passed`: in every profile it ran in. */
  variants: Array<{ id: string; passed: boolean; profiles: Partial<Record<Profile, { passed: boolean; failed: string[] }>> }>;
}

interface Details {
  mutants: Mutant[];
  variants: Variant[];
  results: CaseResult[];
  seed: number;
  /** Per profile run, its property depth (a string: "of the profile"). */
  numRuns: Partial<Record<Profile, { mutant: number | string; variant: number | string }>>;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const PROFILES: Profile[] = ['full', 'budget'];

export function renderMarkdown(report: SelftestReport, d: Details): string {
  const resultOf = (kind: string, id: string, profile: Profile) => d.results.find((r) => r.kind === kind && r.id === id && r.profile === profile);
  const secondsOf = (kind: string) => d.results.filter((r) => r.kind === kind).reduce((a, r) => a + r.seconds, 0);
  const ran = (kind: 'mutant' | 'variant') => PROFILES.filter((p) => d.results.some((r) => r.kind === kind && r.profile === p));
  const count = (kind: 'mutant' | 'variant', p: Profile) =>
    kind === 'mutant'
      ? `${report.mutants.filter((m) => m.profiles[p]?.killed).length}/${report.mutants.filter((m) => m.profiles[p]).length} mutants killed in ${p}`
      : `${report.variants.filter((v) => v.profiles[p]?.passed).length}/${report.variants.filter((v) => v.profiles[p]).length} variants passed in ${p}`;
  const depth = Object.entries(d.numRuns)
    .map(([p, n]) => `${p}: numRuns ${n.variant} for variants, ${n.mutant} for mutants`)
    .join('; ');
  const lines = [
    '# Self-test',
    '',
    `${[...ran('mutant').map((p) => count('mutant', p)), ...ran('variant').map((p) => count('variant', p))].join(', ')} ` +
      `(seed ${d.seed}; ${depth}; ` +
      `suite runs took ${secondsOf('variant').toFixed(0)} s for variants and ${secondsOf('mutant').toFixed(0)} s for mutants, summed over parallel runs).`,
    '',
    'A mutant is killed when the suite fails at least one of its expected requirements; failing only others',
    'counts as survived. It must be killed in every profile it runs in, each judged on its own run. A variant',
    'passes when the verdict is pass (no MUST failed) and the SHOULD failures it declares are reported.',
    "Each run's own reports are in reports/selftest/<kind>s/<id>/ (full profile) and <id>@budget/ (budget profile).",
    '',
  ];
  if (report.variants.length) {
    const profiles = ran('variant');
    lines.push(
      '## Variants (must pass)',
      '',
      `| variant | ${profiles.map((p) => `${p}`).join(' | ')} | failed requirements | what varies |`,
      `|---|${profiles.map(() => '---|').join('')}---|---|`,
    );
    for (const v of report.variants) {
      const spec = d.variants.find((x) => x.id === v.id)!;
      const results = profiles.map((p) => {
        const j = v.profiles[p];
        return !j ? '-' : j.passed ? 'passed' : `**FAILED** (verdict ${resultOf('variant', v.id, p)?.verdict})`;
      });
      const failed = profiles.map((p) => (v.profiles[p] ? `${profiles.length > 1 ? `${p}: ` : ''}${v.profiles[p]!.failed.join(', ') || '-'}` : '')).filter(Boolean);
      lines.push(`| ${v.id} | ${results.join(' | ')} | ${failed.join('; ')} | ${cell(spec.description)} |`);
    }
    lines.push('');
  }
  if (report.mutants.length) {
    const profiles = ran('mutant');
    lines.push(
      '## Mutants (must be killed)',
      '',
      `| mutant | ${profiles.map((p) => `${p}`).join(' | ')} | expected | failed requirements | tests run |`,
      `|---|${profiles.map(() => '---|').join('')}---|---|---|`,
    );
    for (const m of report.mutants) {
      const results = profiles.map((p) => {
        const j = m.profiles[p];
        return !j ? '-' : j.killed ? 'killed' : '**SURVIVED**';
      });
      const failed = profiles.map((p) => (m.profiles[p] ? `${profiles.length > 1 ? `${p}: ` : ''}${m.profiles[p]!.failed.join(', ') || '-'}` : '')).filter(Boolean);
      // A killed mutant's run stops at its first failure on purpose: its "stopped early" error is no news.
      const r = profiles.map((p) => resultOf('mutant', m.id, p)).find(Boolean)!;
      const errors = profiles.flatMap((p) => (m.profiles[p] && !m.profiles[p]!.killed ? (resultOf('mutant', m.id, p)?.errors ?? []).slice(0, 1).map((e) => `${p}: ${e}`) : []));
      const why = errors.length ? `${r.selection}; errors: ${errors.join('; ')}` : r.selection;
      lines.push(`| ${m.id} | ${results.join(' | ')} | ${m.expected.join(', ')} | ${failed.join('; ')} | ${cell(why)} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
