import { defineMutant } from '../types';

export default defineMutant({
  id: 'ip-accepts-cidr-and-zone',
  description: 'A "/prefix" or "%zone" suffix is cut off and the address before it stored ("192.0.2.0/24" stored as 192.0.2.0)',
  expected: ['IP-INVALID-REJECTED'],
  hooks: { ip: { parse: (text, next) => next(text.replace(/[/%].*$/s, '')) } },
});
