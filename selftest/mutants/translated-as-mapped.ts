import { formatIPv6 } from '../../server';
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
    ip: {
      format: (address, next) => {
        if (address.version !== 6) return next(address);
        const g = address.groups;
        if (!(g.slice(0, 4).every((x) => x === 0) && g[4] === 0xffff && g[5] === 0)) return next(address);
        return formatIPv6([0, 0, 0, 0, 0, 0xffff, g[6]!, g[7]!], { start: 0, length: 5 }, true);
      },
    },
  },
});
