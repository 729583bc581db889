import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives a newcomer working defaults', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/breach_desk');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.devIssuer).toBe(true);
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x/y' })).toThrow(
      /DATABASE_URL: must be a postgres: or postgresql: URL/,
    );
  });

  it('refuses production without an identity provider', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL: is required in production/);
  });
});
