// docs/requirements.md stays in step with the catalogue, and every source a requirement cites is real:
// the decisions it names exist in spec/README.md, and each quoted sentence stands in the file (and the
// decision) it is attributed to.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { REQUIREMENTS } from '../../suite/judging/requirements';
import { DEFAULT_REQUIREMENTS_DOC_HREF, docAnchor, REQUIREMENTS_DOC, requirementsDocHref } from '../../suite/report/links';
import { REGENERATE, renderRequirementsDoc, sourceParts } from '../../suite/report/requirements-doc';

const ROOT = path.resolve(__dirname, '..', '..');
/** Markup, line breaks and letter case (a quote may start mid-sentence) do not change what a sentence says. */
const plain = (s: string) => s.replace(/[`*]/g, '').replace(/\s+/g, ' ').toLowerCase();

test(`${REQUIREMENTS_DOC} is the catalogue as generated (stale: run ${REGENERATE})`, () => {
  const file = path.join(ROOT, REQUIREMENTS_DOC);
  const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(missing)';
  expect(committed === renderRequirementsDoc(), `${REQUIREMENTS_DOC} is out of step with suite/judging/requirements.ts: run \`${REGENERATE}\` and commit it`).toBe(true);
  for (const id of REQUIREMENTS.keys()) expect(committed, `an entry for ${id}`).toContain(`\n### ${id}\n`);
});

test('the reports link to docs/requirements.md relative to where they are written', () => {
  expect(requirementsDocHref(path.join(ROOT, 'reports'))).toBe(DEFAULT_REQUIREMENTS_DOC_HREF);
  expect(requirementsDocHref(path.join(ROOT, 'out', 'shard-1'))).toBe('../../docs/requirements.md');
  expect(docAnchor('ENV-CONTENT-TYPE')).toBe('env-content-type');
});

test('every quoted source sentence stands in the file, and the decision, it is attributed to', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'spec', 'README.md'), 'utf8');
  const section = (from: RegExp, to: RegExp) => {
    const start = readme.search(from);
    expect(start, `${from} in spec/README.md`).toBeGreaterThanOrEqual(0);
    const rest = readme.slice(start + 1);
    const end = rest.search(to);
    return plain(end < 0 ? rest : rest.slice(0, end));
  };
  const decision = (n: number) => section(new RegExp(`<a id="decision-${n}"></a>`), /<a id="decision-\d+"><\/a>|\n## /);
  const seed = section(/\n## The seed page\n/, /\n## /);
  const observed = section(/\n## Observed platform behaviour\n/, /\n## /);
  const strings: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings.push(k), collect(x);
  };
  collect(JSON.parse(fs.readFileSync(path.join(ROOT, 'spec', 'openapi.json'), 'utf8')));
  const openapi = plain(strings.join('\n'));
  let quotes = 0;
  for (const r of REQUIREMENTS.values()) {
    for (const part of sourceParts(r.source)) {
      for (const n of part.decisions) expect(readme, `${r.id} cites decision ${n}`).toContain(`<a id="decision-${n}"></a>`);
      const where =
        part.file === 'spec/openapi.json'
          ? { name: 'spec/openapi.json', text: openapi }
          : part.file === 'seed page'
            ? { name: 'the seed page summary of spec/README.md', text: seed }
            : part.decisions.length
              ? {
                  name: `spec/README.md, decision(s) ${part.decisions.join(', ')}${/observed/.test(part.text) ? ' or observed behaviour' : ''}`,
                  text: [...part.decisions.map(decision), ...(/observed/.test(part.text) ? [observed] : [])].join('\n'),
                }
              : { name: 'spec/README.md', text: plain(readme) };
      for (const q of part.quotes) {
        quotes++;
        expect(where.text.includes(plain(q)), `${r.id}: "${q}" is not in ${where.name}`).toBe(true);
      }
    }
  }
  expect(quotes, 'quotes checked').toBeGreaterThan(50);
});

test('spec/README.md numbers its decisions 1 to 14, in order, each once', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'spec', 'README.md'), 'utf8');
  const numbers = [...readme.matchAll(/<a id="decision-(\d+)"><\/a>\n### (\d+)\. /g)].map((m) => {
    expect(m[1], 'anchor and heading agree').toBe(m[2]);
    return Number(m[1]);
  });
  expect(numbers).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
});
