import { defineMutant } from '../types';

/**
 * ipaddr.js's deviation (spec/README.md): "::192.0.2.1", the IPv4-compatible address
 * ::c000:201, is read as the IPv4-mapped ::ffff:192.0.2.1, another address. Only the dotted spelling
 * is misread: "::c000:201" itself is still parsed right, as ipaddr.js does.
 */
export default defineMutant({
  id: 'ipv4-compatible-as-mapped',
  description: 'the dotted spelling ::a.b.c.d of an IPv4-compatible address is stored as the mapped ::ffff:a.b.c.d',
  expected: ['IP-CANONICAL-IPV6'],
  hooks: {
    ip: {
      parse: (text, next) => {
        const address = next(text);
        if (address?.version !== 6 || !/^::\d+\.\d+\.\d+\.\d+$/.test(text)) return address;
        const groups = [...address.groups];
        groups[5] = 0xffff;
        return { version: 6, groups };
      },
    },
  },
});
