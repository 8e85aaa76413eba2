import { defineMutant } from '../types';

/** Like the WHATWG URL host parser: stray dots at either end are dropped ("192.0.2.1." stored as 192.0.2.1). */
export default defineMutant({
  id: 'ip-accepts-trailing-dot',
  description: 'Dots before or after the address are dropped and the address stored ("192.0.2.1." as 192.0.2.1)',
  expected: ['IP-INVALID-REJECTED'],
  hooks: { ip: { parse: (text, next) => next(text) ?? next(text.replace(/^\.+|\.+$/g, '')) } },
});
