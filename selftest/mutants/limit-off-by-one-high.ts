import { defineMutant } from '../types';

export default defineMutant({
  id: 'limit-off-by-one-high',
  description: 'The zone limit is enforced at 3,501: a 3,501st mapping is accepted',
  expected: ['LIMIT-NEW-REJECTED', 'LIMIT-NEVER-EXCEEDED'],
  hooks: {},
  options: { limit: 3501 },
});
