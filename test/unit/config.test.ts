// Configuration: one module reads the environment; every bad value is a ConfigError naming it.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, parseRateLimit, type RateLimit } from '../../contract';
import { parseRateLimit as serverRateLimit } from '../../server/config';
import { cleanEnv, loadConfig, VARIABLES } from '../../suite/config/config';

const ZONE = '0123456789abcdef0123456789abcdef';

test('no configuration: the embedded target, full profile, destructive checks allowed', () => {
  const c = loadConfig({});
  expect(c).toMatchObject({ embedded: true, profile: 'full', allowDestructive: true, dryRun: false, strict: false });
});

test('a base URL needs a token and a zone id, and defaults to the budget profile without destructive checks', () => {
  expect(() => loadConfig({ CONFORMANCE_BASE_URL: 'http://127.0.0.1:1/client/v4' })).toThrow(/CONFORMANCE_API_TOKEN and CONFORMANCE_ZONE_ID/);
  const c = loadConfig({ CONFORMANCE_BASE_URL: 'http://127.0.0.1:1/client/v4/', CONFORMANCE_API_TOKEN: 't0ken', CONFORMANCE_ZONE_ID: ZONE });
  expect(c).toMatchObject({ embedded: false, baseUrl: 'http://127.0.0.1:1/client/v4', profile: 'budget', allowDestructive: false });
});

test('bad values are configuration errors that name the variable', () => {
  const base = { CONFORMANCE_BASE_URL: 'http://127.0.0.1:1/client/v4', CONFORMANCE_API_TOKEN: 't0ken', CONFORMANCE_ZONE_ID: ZONE };
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ CONFORMANCE_BASE_URL: 'not a url' }, /CONFORMANCE_BASE_URL/],
    [{ CONFORMANCE_BASE_URL: 'ftp://x/y' }, /CONFORMANCE_BASE_URL/],
    [{ ...base, CONFORMANCE_ZONE_ID: 'zone-1' }, /CONFORMANCE_ZONE_ID/],
    [{ ...base, CONFORMANCE_ZONE_ID_B: ZONE }, /CONFORMANCE_ZONE_ID_B/],
    [{ CONFORMANCE_SEED: 'abc' }, /CONFORMANCE_SEED/],
    [{ CONFORMANCE_PROFILE: 'deep' }, /CONFORMANCE_PROFILE/],
    [{ CONFORMANCE_RATE_LIMIT: '1200' }, /CONFORMANCE_RATE_LIMIT/],
    [{ CONFORMANCE_ALLOW_DESTRUCTIVE: 'maybe' }, /CONFORMANCE_ALLOW_DESTRUCTIVE/],
    [{ CONFORMANCE_NUM_RUNS: '0' }, /CONFORMANCE_NUM_RUNS/],
    [{ CONFORMANCE_ADDRESS_BIAS: 'octal' }, /CONFORMANCE_ADDRESS_BIAS/],
    [{ CONFORMANCE_CONCURRENCY: '0' }, /CONFORMANCE_CONCURRENCY/],
    [{ CONFORMANCE_CONCURRENCY: '17' }, /CONFORMANCE_CONCURRENCY/],
    [{ CONFORMANCE_DRY_RUN: '1' }, /CONFORMANCE_DRY_RUN .*CONFORMANCE_BASE_URL/],
  ];
  for (const [env, re] of cases) {
    expect(() => loadConfig(env), JSON.stringify(env)).toThrow(ConfigError);
    expect(() => loadConfig(env), JSON.stringify(env)).toThrow(re);
  }
});

test('rate limits parse as REQUESTS/SECONDS, with one grammar for the suite and the reference server', () => {
  const suite = (text: string) => parseRateLimit(text, 'CONFORMANCE_RATE_LIMIT');
  const server = (text: string) => serverRateLimit(text, 'REFERENCE_RATE_LIMIT');
  for (const parse of [suite, server] as Array<(text: string) => RateLimit | null>) {
    expect(parse('1200/300')).toEqual({ requests: 1200, windowSeconds: 300 });
    expect(parse(' 5 / 1 ')).toEqual({ requests: 5, windowSeconds: 1 });
    for (const bad of ['0/300', '5/0', '1200', '1200/', '-1/5', '1.5/2', '99999999999999999999/1'])
      expect(() => parse(bad), bad).toThrow(ConfigError);
  }
  expect(() => suite('x')).toThrow(/CONFORMANCE_RATE_LIMIT/);
});

test('VARIABLES is the one list: .env.example and the README table name exactly its variables, the table in its words', () => {
  const root = path.resolve(__dirname, '../..');
  const named = (text: string) => [...new Set(text.match(/CONFORMANCE_[A-Z_]*[A-Z]/g) ?? [])].sort();
  const listed = VARIABLES.map((v) => v.name);
  const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  expect(named(example), '.env.example').toEqual([...listed].sort());
  for (const name of listed) expect(example, `${name} in .env.example`).toMatch(new RegExp(`^# ${name}=`, 'm'));
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const table = readme.split('\n').filter((line) => /^\| `CONFORMANCE_/.test(line));
  expect(table, "the README's configuration table").toEqual(VARIABLES.map((v) => `| \`${v.name}\` | ${v.meaning} | ${v.default} |`));
  expect(new Set(VARIABLES.flatMap((v) => (v.flag ? [v.flag] : []))).size, 'flags are distinct').toBe(VARIABLES.length - 1);
});

test('cleanEnv() drops every CONFORMANCE_* variable of its base and sets each of VARIABLES empty, keeping the rest', () => {
  const env = cleanEnv({ PATH: '/bin', CONFORMANCE_BASE_URL: 'https://staging.example', CONFORMANCE_RUN_TOKEN: 'secret', CONFORMANCE_ADDRESS_BIAS: 'ipv4' });
  expect(env).toEqual({ PATH: '/bin', ...Object.fromEntries(VARIABLES.map((v) => [v.name, ''])) });
  expect(loadConfig(env), 'a clean environment is the default configuration').toMatchObject({ embedded: true, profile: 'full', addressBias: undefined });
});
