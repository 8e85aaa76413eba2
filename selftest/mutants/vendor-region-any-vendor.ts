import { DEFAULT_REGIONS } from '../../server';
import { defineMutant } from '../types';

const VENDORS = Object.keys(DEFAULT_REGIONS.vendors);

export default defineMutant({
  id: 'vendor-region-any-vendor',
  description: 'A known vendor is accepted with a region that any vendor lists (gcp with us-east-1)',
  expected: ['PUT-VENDOR-REGION-INVALID'],
  hooks: {
    isSupported: (vendor, region, next) => VENDORS.includes(vendor) && VENDORS.some((v) => next(v, region)),
  },
});
