// The rule x operation matrix of the reports (suite/judging/requirements.ts, `matrix`): per cross-cutting
// requirement, a grid of its cells (rows: the input or position a cell varies, columns: operations),
// each with its status. Shared by the Markdown and HTML renderers; no formatting here.
import { REQUIREMENTS } from '../judging/requirements';
import type { CellRow, RequirementRow } from './matrix';

export interface MatrixGrid {
  id: string;
  level: string;
  title: string;
  columns: string[];
  rows: Array<{ label: string; cells: Array<CellRow | undefined> }>;
  counts: Record<CellRow['status'], number>;
  total: number;
  /** Cells that did not pass, with why: what a reader looks at first. */
  notes: Array<{ cell: CellRow; text: string }>;
}

export function matrixGrids(requirements: RequirementRow[]): MatrixGrid[] {
  return requirements
    .filter((q) => q.cells?.length)
    .map((q) => {
      const cells = q.cells!;
      const columns = [...new Set(cells.map((c) => c.operation))];
      const labels = [...new Set(cells.map(rowLabel))];
      const counts = { passed: 0, failed: 0, skipped: 0, 'expected-failure': 0 };
      for (const c of cells) counts[c.status]++;
      return {
        id: q.id,
        level: q.level,
        title: q.title,
        columns,
        rows: labels.map((label) => ({ label, cells: columns.map((op) => cells.find((c) => c.operation === op && rowLabel(c) === label)) })),
        counts,
        total: cells.length,
        notes: cells.filter((c) => c.status !== 'passed').map((c) => ({ cell: c, text: c.reason ?? (c.status === 'failed' ? `failed: see ${q.id} below` : c.status) })),
      };
    });
}

export const rowLabel = (c: CellRow) => c.input ?? c.position;

/** Totals over every matrix cell of the report. */
export function matrixTotals(requirements: RequirementRow[]): Record<CellRow['status'], number> & { cells: number } {
  const t = { cells: 0, passed: 0, failed: 0, skipped: 0, 'expected-failure': 0 };
  for (const q of requirements) for (const c of q.cells ?? []) (t.cells++, t[c.status]++);
  return t;
}

/**
 * The cells a run should have passed and did not: every cell but those the catalogue says cannot be
 * exercised (`reason` in suite/judging/requirements.ts). "<ID> <cell>: <status> (<reason>)" each.
 */
export function cellsNotPassed(requirements: RequirementRow[]): string[] {
  return requirements.flatMap((q) =>
    (q.cells ?? [])
      .filter((c) => c.status !== 'passed' && !REQUIREMENTS.get(q.id)?.matrix?.find((m) => m.id === c.id)?.reason)
      .map((c) => `${q.id} ${c.id}: ${c.status}${c.reason ? ` (${c.reason})` : ''}`),
  );
}
