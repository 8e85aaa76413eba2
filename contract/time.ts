// modified_on (decision 9: "MUST be RFC 3339 when present"; its precision is open).

/**
 * RFC 3339 section 5.6, `date-time = full-date "T" full-time`, offset `("+" / "-") hh ":" mm`; the ABNF
 * is case-insensitive, so t and z are allowed. Syntax only: whether the date exists is checked apart
 * (isRfc3339 here, ajv-formats in the suite's schemas).
 */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

export function isRfc3339(text: string): boolean {
  return RFC3339.test(text) && !Number.isNaN(Date.parse(text));
}

/** A timestamp as whole seconds since the epoch (precision is open, so compare at the second), or
 * undefined when it is missing or not a date. */
export function seconds(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
