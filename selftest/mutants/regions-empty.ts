import { defineMutant } from '../types';

export default defineMutant({
  id: 'regions-empty',
  description: 'supported_regions lists no vendor at all (so no mapping can be created)',
  expected: ['REGIONS-NOT-EMPTY'],
  hooks: {},
  options: { regions: { obtained_codes: false, vendors: {} } },
});
