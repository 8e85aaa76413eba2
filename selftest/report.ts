// reports/selftest.json (its shape: one entry per mutant and variant, what CI reads) and the short
// table of reports/selftest.md.
import type { CaseResult, Mutant, Variant } from './types';

export interface SelftestReport {
  mutants: Array<{ id: string; killed: boolean; expected: string[]; failed: string[] }>;
  variants: Array<{ id: string; passed: boolean }>;
}

interface Details {
  mutants: Mutant[];
  variants: Variant[];
  results: CaseResult[];
  seed: number;
  /** The profile every case ran in, and its property depth (a string: "of the profile"). */
  profile: string;
  numRuns: { mutant: number | string; variant: number | string };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(report: SelftestReport, d: Details): string {
  const resultOf = (kind: string, id: string) => d.results.find((r) => r.kind === kind && r.id === id)!;
  const killed = report.mutants.filter((m) => m.killed).length;
  const passed = report.variants.filter((v) => v.passed).length;
  const secondsOf = (kind: string) => d.results.filter((r) => r.kind === kind).reduce((a, r) => a + r.seconds, 0);
  const lines = [
    '# Self-test',
    '',
    `${killed}/${report.mutants.length} mutants killed, ${passed}/${report.variants.length} variants passed ` +
      `(seed ${d.seed}; profile ${d.profile}; numRuns ${d.numRuns.variant} for variants, ${d.numRuns.mutant} for mutants; ` +
      `suite runs took ${secondsOf('variant').toFixed(0)} s for variants and ${secondsOf('mutant').toFixed(0)} s for mutants, summed over parallel runs).`,
    '',
    'A mutant is killed when the suite fails at least one of its expected requirements; failing only others',
    'counts as survived. A variant passes when the verdict is pass (no MUST failed) and the SHOULD failures it',
    'declares are reported. Each run\'s own reports are in reports/selftest/<kind>s/<id>/.',
    '',
  ];
  if (report.variants.length) {
    lines.push('## Variants (must pass)', '', '| variant | result | failed requirements | what varies |', '|---|---|---|---|');
    for (const v of report.variants) {
      const r = resultOf('variant', v.id);
      const spec = d.variants.find((x) => x.id === v.id)!;
      lines.push(`| ${v.id} | ${v.passed ? 'passed' : `**FAILED** (verdict ${r.verdict})`} | ${r.failed.join(', ') || '-'} | ${cell(spec.description)} |`);
    }
    lines.push('');
  }
  if (report.mutants.length) {
    lines.push('## Mutants (must be killed)', '', '| mutant | result | expected | failed requirements | tests run |', '|---|---|---|---|---|');
    for (const m of report.mutants) {
      const r = resultOf('mutant', m.id);
      // A killed mutant's run stops at its first failure on purpose: its "stopped early" error is no news.
      const why = !m.killed && r.errors.length ? `${r.selection}; errors: ${r.errors[0]}` : r.selection;
      lines.push(`| ${m.id} | ${m.killed ? 'killed' : '**SURVIVED**'} | ${m.expected.join(', ')} | ${m.failed.join(', ') || '-'} | ${cell(why)} |`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
