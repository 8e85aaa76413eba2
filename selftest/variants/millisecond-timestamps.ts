import { defineVariant } from '../types';

export default defineVariant({
  id: 'millisecond-timestamps',
  description: 'modified_on carries milliseconds ("2026-03-01T12:00:00.123Z"), still never going backwards',
  allowedBy: 'spec/README.md: "modified_on precision" is open; decision 9 (RFC 3339, never backwards)',
  hooks: {
    modifiedOn: ({ now, previous, unchanged }) => {
      if (previous !== undefined && unchanged) return previous;
      const before = previous === undefined ? NaN : Date.parse(previous);
      return new Date(Number.isNaN(before) ? now : Math.max(now, before)).toISOString();
    },
  },
});
