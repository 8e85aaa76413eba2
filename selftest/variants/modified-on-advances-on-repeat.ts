import { defineVariant } from '../types';

export default defineVariant({
  id: 'modified-on-advances-on-repeat',
  description: 'An identical repeat PUT moves modified_on to the current time',
  allowedBy: 'spec/README.md, decision 9: "On an identical repeat PUT it may stay or advance (INFO)"',
  hooks: { modifiedOn: (stamp, next) => next({ ...stamp, unchanged: false }) },
});
