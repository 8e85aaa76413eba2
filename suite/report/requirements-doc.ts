// docs/requirements.md: the catalogue (suite/judging/requirements.ts) as a document a vendor can read and the
// reports can link to, one entry per requirement with its level, operation, title, source sentence
// (linked to the file it cites) and its matrix cells where it has them. Generated, never edited:
// `npm run docs:requirements` writes it, test/unit/requirements-doc.test.ts refuses a stale copy.
import { REQUIREMENTS, type Requirement } from '../judging/requirements';
import { OPERATIONS } from './html';
import { docAnchor } from './links';

export const REGENERATE = 'npm run docs:requirements';

/** From docs/ to the contract files. */
const SPEC_README = '../spec/README.md';
const SPEC_OPENAPI = '../spec/openapi.json';

/** The file a part of a source cites, and the quotes it gives (test/unit/requirements-doc.test.ts checks them). */
export interface SourcePart {
  /** The part as written. */
  text: string;
  file: 'spec/README.md' | 'spec/openapi.json' | 'seed page';
  /** The numbered decisions of spec/README.md the part names. */
  decisions: number[];
  /** The quoted text, split at "..." elisions. */
  quotes: string[];
}

/**
 * Splits a catalogue source ("spec/README.md, decision 9: "..."; spec/openapi.json: ...") into the
 * parts that cite one file each. "observed: ..." quotes spec/README.md's observed behaviour.
 */
export function sourceParts(source: string): SourcePart[] {
  return source.split(/;\s*(?=spec\/|seed page|observed)/).map((raw) => {
    const text = raw.trim();
    const file: SourcePart['file'] = text.startsWith('spec/openapi.json') ? 'spec/openapi.json' : text.startsWith('seed page') ? 'seed page' : 'spec/README.md';
    const decisions = [...text.matchAll(/decisions? (\d+(?:(?:, | and )\d+)*)/g)].flatMap((m) => m[1]!.match(/\d+/g)!.map(Number));
    const quotes = [...text.matchAll(/"([^"]+)"/g)].flatMap((m) => m[1]!.split('...').map((q) => q.trim()).filter(Boolean));
    return { text, file, decisions, quotes };
  });
}

/** Markdown-escaped text, with the files and decisions it names turned into links. */
function linkedSource(source: string): string {
  return md(source)
    .replace(/spec\/README\.md/g, `[spec/README.md](${SPEC_README})`)
    .replace(/spec\/openapi\.json/g, `[spec/openapi.json](${SPEC_OPENAPI})`)
    .replace(/seed page \(PUT origin cloud region\)/g, (m) => `[${m}](${SPEC_README}#the-seed-page)`)
    .replace(/limits table/g, (m) => `[${m}](${SPEC_README}#limits-and-codes)`)
    .replace(/decisions? \d+(?:(?:, | and )\d+)*/g, (m) => m.replace(/\d+/g, (n) => `[${n}](${SPEC_README}#decision-${n})`));
}

/** Text as Markdown that renders literally, on one line (fit for a table cell too). */
function md(s: string): string {
  return s.replace(/[\\`*_[\]<|]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}


export function renderRequirementsDoc(requirements: Iterable<Requirement> = REQUIREMENTS.values()): string {
  const all = [...requirements];
  const count = (level: string) => all.filter((r) => r.level === level).length;
  const out: string[] = [
    '# Requirements',
    '',
    `<!-- Generated from suite/judging/requirements.ts by \`${REGENERATE}\`: do not edit by hand. -->`,
    '',
    `What the conformance suite checks: ${all.length} requirements, ${count('MUST')} MUST, ${count('SHOULD')} SHOULD, ${count('INFO')} INFO.`,
    'Each has a stable ID, cited by the tests and by the reports (`reports/conformance.md` and `.html` link',
    'every row here). Levels: **MUST** fails the run; **SHOULD** is reported and fails only in strict mode',
    '(`CONFORMANCE_STRICT=1`); **INFO** is reported only. Every source sentence comes from',
    `[spec/README.md](${SPEC_README}) (the product's contract and numbered decisions, with a summary of the`,
    `seed page, Cloudflare's "PUT origin cloud region" reference) or [spec/openapi.json](${SPEC_OPENAPI}).`,
    '',
  ];
  const groups = OPERATIONS.map(({ op, label }) => ({ label, rows: all.filter((r) => r.operation === op) })).filter((g) => g.rows.length);
  out.push('| ID | level | operation | requirement |', '|---|---|---|---|');
  for (const g of groups) for (const r of g.rows) out.push(`| [${r.id}](#${docAnchor(r.id)}) | ${r.level} | ${r.operation} | ${md(r.title)} |`);
  for (const g of groups) {
    out.push('', `## ${md(g.label)}`);
    for (const r of g.rows) {
      out.push('', `### ${r.id}`, '');
      out.push(`**${r.level}** · operation \`${r.operation}\`${r.everyResponse ? ' · checked on every response' : ''}`, '');
      out.push(md(r.title), '');
      out.push(`Source: ${linkedSource(r.source)}`);
      const cells = r.matrix ?? [];
      if (cells.length) {
        out.push('', `Matrix cells (${cells.length}):`, '', '| cell | operation | position | input | not exercised because |', '|---|---|---|---|---|');
        for (const c of cells) out.push(`| \`${c.id}\` | ${md(c.operation)} | ${md(c.position)} | ${md(c.input ?? '')} | ${md(c.reason ?? '')} |`);
      }
    }
  }
  out.push('');
  return out.join('\n');
}
