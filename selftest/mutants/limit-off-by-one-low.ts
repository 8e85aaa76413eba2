import { defineMutant } from '../types';

export default defineMutant({
  id: 'limit-off-by-one-low',
  description: 'The zone limit is enforced at 3,499: the 3,500th mapping is refused',
  expected: ['LIMIT-3500-ACCEPTED'],
  hooks: {},
  options: { limit: 3499 },
});
