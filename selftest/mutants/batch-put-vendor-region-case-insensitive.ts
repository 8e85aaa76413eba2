import { defineMutant } from '../types';

// The batch path checks vendor and region against supported_regions in lower case and stores them as
// sent: an item "AWS"/"us-east-1" or "aws"/"US-EAST-1" is applied, though decision 10 says "matching is
// case-sensitive". The single PUT keeps the reference validation.
export default defineMutant({
  id: 'batch-put-vendor-region-case-insensitive',
  description: 'batch PUT items are validated case-insensitively and stored as sent ("AWS" accepted); the single PUT still validates exactly',
  expected: ['PUT-VENDOR-REGION-INVALID'],
  hooks: {
    operations: {
      'batch-put': (ctx, next) =>
        next({ ...ctx, isSupported: (vendor, region) => ctx.isSupported(vendor.toLowerCase(), region.toLowerCase()) }),
    },
  },
});
