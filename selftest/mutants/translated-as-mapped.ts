import { formatIPv6 } from '../../server';
import { EMBEDDED_PREFIX, formatUnder } from '../helpers';
import { defineMutant } from '../types';

/**
 * A printer that recognises mapped addresses by the ffff group alone, one group too early: the
 * IPv4-translated ::ffff:0:a.b.c.d (::ffff:0:0:0/96) is written as ::ffff:a.b.c.d, the mapped
 * address, another address (decision 5: "the stored text MUST name the same 128-bit address").
 */
export default defineMutant({
  id: 'translated-as-mapped',
  description: 'an IPv4-translated address ::ffff:0:a.b.c.d is stored and returned as the mapped ::ffff:a.b.c.d',
  expected: ['IP-CANONICAL-IPV6'],
  hooks: {
    ip: { format: formatUnder(EMBEDDED_PREFIX.translated, (g) => formatIPv6([0, 0, 0, 0, 0, 0xffff, g[6]!, g[7]!], { start: 0, length: 5 }, true)) },
  },
});
