import { EMBEDDED_PREFIX } from '../helpers';
import { defineMutant } from '../types';

/**
 * A parser that unwraps the NAT64 well-known prefix (64:ff9b::/96, RFC 6052) to the IPv4 address it
 * embeds: 64:ff9b::192.0.2.1 is stored as 192.0.2.1, another address (decision 5: "the stored text
 * MUST name the same 128-bit address").
 */
export default defineMutant({
  id: 'nat64-unwrapped',
  description: 'a NAT64 address 64:ff9b::a.b.c.d is stored and returned as the IPv4 address a.b.c.d',
  expected: ['IP-CANONICAL-IPV6'],
  hooks: {
    ip: {
      parse: (text, next) => {
        const address = next(text);
        if (address?.version !== 6) return address;
        const g = address.groups;
        if (!EMBEDDED_PREFIX.nat64(g)) return address;
        return { version: 4, octets: [g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255] };
      },
    },
  },
});
