import { formatTimestamp } from '../../server';
import { defineMutant } from '../types';

export default defineMutant({
  id: 'modified-on-backwards',
  description: 'A replace with a different body stamps modified_on one hour before the previous value',
  expected: ['PUT-MODIFIED-ON-MONOTONIC'],
  hooks: {
    modifiedOn: (stamp, next) =>
      stamp.previous !== undefined && !stamp.unchanged ? formatTimestamp(Date.parse(stamp.previous) - 3_600_000) : next(stamp),
  },
});
