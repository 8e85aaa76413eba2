import { defineMutant } from '../types';

/** host:port and [v6]:port text: the port is cut off and the address stored. */
export default defineMutant({
  id: 'ip-accepts-port',
  description: 'A ":port" after IPv4 text or a bracketed IPv6 address is cut off and the address stored ("192.0.2.1:80" as 192.0.2.1)',
  expected: ['IP-INVALID-REJECTED'],
  hooks: {
    ip: { parse: (text, next) => next(text) ?? next(text.replace(/^\[(.*)\]:[0-9]*$/s, '$1').replace(/^([0-9.]+):[0-9]*$/, '$1')) },
  },
});
