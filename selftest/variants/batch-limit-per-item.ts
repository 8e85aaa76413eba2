import { defineVariant } from '../types';

export default defineVariant({
  id: 'batch-limit-per-item',
  description: 'A batch PUT crossing the 3,500 limit applies what fits and lists the excess items in failed',
  allowedBy: 'spec/README.md, decision 3: "may fail as a whole (403 / 1164, nothing applied) or per item"',
  hooks: { batchLimitMode: 'item' },
});
