// npm run docs:requirements: writes docs/requirements.md from the catalogue (suite/judging/requirements.ts).
import fs from 'node:fs';
import path from 'node:path';
import { REQUIREMENTS_DOC } from '../suite/report/links';
import { renderRequirementsDoc } from '../suite/report/requirements-doc';

const file = path.resolve(__dirname, '..', REQUIREMENTS_DOC);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, renderRequirementsDoc());
console.log(`wrote ${REQUIREMENTS_DOC}`);
