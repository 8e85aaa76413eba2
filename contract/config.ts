// Configuration values that server and suite parse alike. A bad value is a ConfigError naming the
// setting: an error of the run (exit code 2), never a failure of the target.

export class ConfigError extends Error {
  /** The option or variable the error is about, when the message is prefixed with it. */
  readonly setting?: string;
  constructor(message: string, setting?: string) {
    super(setting === undefined ? message : `${setting}: ${message}`);
    this.name = 'ConfigError';
    this.setting = setting;
  }
}

export interface RateLimit {
  requests: number;
  windowSeconds: number;
}

/** "REQUESTS/SECONDS", both whole numbers >= 1, spaces allowed around the parts (for example "1200/300"). */
export function parseRateLimit(text: string, setting: string): RateLimit {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const requests = Number(m?.[1]);
  const windowSeconds = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(requests) || !Number.isSafeInteger(windowSeconds) || requests < 1 || windowSeconds < 1)
    throw new ConfigError(`expected REQUESTS/SECONDS with whole numbers >= 1 (for example 1200/300), got ${JSON.stringify(text)}`, setting);
  return { requests, windowSeconds };
}
