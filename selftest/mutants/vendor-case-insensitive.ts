import { defineMutant } from '../types';

export default defineMutant({
  id: 'vendor-case-insensitive',
  description: 'The vendor is matched ignoring letter case ("AWS" accepted; decision 10: case-sensitive)',
  expected: ['PUT-VENDOR-REGION-INVALID'],
  hooks: { isSupported: (vendor, region, next) => next(vendor.toLowerCase(), region) },
});
