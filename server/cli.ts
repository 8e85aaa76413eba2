// `npm run serve`: the reference server as a process. Configuration comes from the environment only
// (server/README.md lists every variable). A bad value prints an error naming the variable, exit 2.
import { readFileSync } from 'node:fs';
import { ConfigError, DEFAULT_TOKEN, parseInteger, parseLegacyCredentials, parseRateLimit, parseToken } from './config';
import { createServer, type ServerOptions } from './index';

const env = process.env;

function stateFile(path: string): ServerOptions['initialZones'] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read ${path} as JSON: ${(error as Error).message}`, 'REFERENCE_STATE_FILE');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(`${path} must hold a JSON object { "<zoneId>": [mappings] }`, 'REFERENCE_STATE_FILE');
  }
  return data as ServerOptions['initialZones'];
}

/** Any 32 lowercase hex digits name a zone (Cloudflare's documentation uses this one). */
const EXAMPLE_ZONE = '023e105f4ecef8ad9ca31a8372d0c353';

/**
 * What a newcomer needs to send a first request: the URL, the token (the built-in default is public,
 * see server/README.md; a token from the environment is never printed, only named) and a ready curl.
 */
function startLines(url: string, tokenFromEnv: boolean): string[] {
  const bearer = tokenFromEnv ? '$REFERENCE_API_TOKEN' : DEFAULT_TOKEN;
  return [
    `Reference server listening on ${url}`,
    tokenFromEnv
      ? '  token: the value of REFERENCE_API_TOKEN (not printed; the curl below reads it from your shell)'
      : `  token: ${DEFAULT_TOKEN} (the built-in default; set REFERENCE_API_TOKEN to choose another)`,
    `  try:   curl -sS -H "Authorization: Bearer ${bearer}" ${url}/zones/${EXAMPLE_ZONE}/origin/cloud_regions/supported_regions`,
  ];
}

/** Errors raised by createServer name an option; the CLI reports the variable that set it. */
const VARIABLE_OF_OPTION: Record<string, string> = { initialZones: 'REFERENCE_STATE_FILE' };

/** REFERENCE_AUTH_EMAIL and REFERENCE_AUTH_KEY: the legacy pair, both or neither. */
function legacyPair(): ServerOptions['legacyAuth'] {
  const { REFERENCE_AUTH_EMAIL: email, REFERENCE_AUTH_KEY: key } = env;
  if (email === undefined && key === undefined) return undefined;
  if (email === undefined) throw new ConfigError('must be set together with REFERENCE_AUTH_KEY', 'REFERENCE_AUTH_EMAIL');
  if (key === undefined) throw new ConfigError('must be set together with REFERENCE_AUTH_EMAIL', 'REFERENCE_AUTH_KEY');
  try {
    return parseLegacyCredentials({ email, key }, 'legacy');
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(error.message.replace(/^[^:]*: /, ''), (error.setting ?? '').includes('email') ? 'REFERENCE_AUTH_EMAIL' : 'REFERENCE_AUTH_KEY');
    throw error;
  }
}

async function main(): Promise<void> {
  const options: ServerOptions = {
    host: env.HOST || '127.0.0.1',
    port: parseInteger(env.PORT ?? '8787', 'PORT', 0, 65535),
    token: env.REFERENCE_API_TOKEN === undefined ? undefined : parseToken(env.REFERENCE_API_TOKEN, 'REFERENCE_API_TOKEN'),
    limit: env.REFERENCE_LIMIT === undefined ? undefined : parseInteger(env.REFERENCE_LIMIT, 'REFERENCE_LIMIT', 1),
    rateLimit: parseRateLimit(env.REFERENCE_RATE_LIMIT, 'REFERENCE_RATE_LIMIT') ?? false,
    initialZones: env.REFERENCE_STATE_FILE ? stateFile(env.REFERENCE_STATE_FILE) : undefined,
    legacyAuth: legacyPair(),
    log: (line) => console.log(line),
  };
  let server;
  try {
    server = await createServer(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new ConfigError(`port ${options.port} is already in use`, 'PORT');
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAFNOSUPPORT') {
      throw new ConfigError(`cannot listen on ${JSON.stringify(options.host)} (${code})`, 'HOST');
    }
    if (error instanceof ConfigError) {
      const setting = Object.keys(VARIABLE_OF_OPTION).find((option) => error.setting?.startsWith(option));
      if (setting) throw new ConfigError(error.message, VARIABLE_OF_OPTION[setting]!);
    }
    throw error;
  }
  console.log(startLines(server.url, env.REFERENCE_API_TOKEN !== undefined).join('\n'));
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
