import { defineMutant } from '../types';

export default defineMutant({
  id: 'zones-share-store',
  description: 'Every zone reads and writes one shared store (decision 12: zones are isolated)',
  expected: ['ZONE-ISOLATION'],
  hooks: { zoneKey: () => 'shared' },
});
