import { formatTimestamp } from '../../server';
import { defineMutant } from '../types';

// As modified-on-backwards, on the batch endpoint only: a batch PUT that replaces a mapping with a
// different body stamps modified_on an hour before the previous value (a batch path with its own,
// stale clock). The single PUT keeps the reference stamp.
export default defineMutant({
  id: 'modified-on-backwards-batch',
  description: 'a batch PUT replace with a different body stamps modified_on one hour before the previous value; the single PUT is right',
  expected: ['PUT-MODIFIED-ON-MONOTONIC'],
  hooks: {
    operations: {
      'batch-put': (ctx, next) =>
        next({
          ...ctx,
          modifiedOn: (stamp) =>
            stamp.previous !== undefined && !stamp.unchanged ? formatTimestamp(Date.parse(stamp.previous) - 3_600_000) : ctx.modifiedOn(stamp),
        }),
    },
  },
});
