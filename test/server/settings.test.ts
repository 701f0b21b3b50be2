// The reference server's settings from the environment (DESIGN.md's table): defaults, and a clear
// refusal of a value that cannot be meant.
import { describe, expect, it } from 'vitest';
import { optionsFromEnv } from '../../server/index';

describe('optionsFromEnv', () => {
  it('gives the defaults: port 8787, PGlite, plain http, TRUST_PROXY 0, 7-day idle timeout, 5 s database timeout, never re-authentication', () => {
    expect(optionsFromEnv({})).toEqual({
      port: 8787,
      databaseUrl: undefined,
      propagationMs: 0,
      seedDemo: false,
      trustGeoHeaders: false,
      publicOrigin: undefined,
      trustProxy: 0,
      idleTimeoutMs: 7 * 24 * 60 * 60 * 1000,
      reauthMaxAgeMs: undefined,
      dbTimeoutMs: 5000,
    });
  });

  it('reads every setting', () => {
    expect(
      optionsFromEnv({
        PORT: '0',
        DATABASE_URL: 'postgres://u:p@db:5432/sessions',
        PROPAGATION_MS: '2500',
        SEED_DEMO: '1',
        TRUST_GEO_HEADERS: '1',
        PUBLIC_ORIGIN: 'https://accounts.example.com',
        TRUST_PROXY: '2',
        IDLE_TIMEOUT_MS: '3600000',
        REAUTH_MAX_AGE_MS: '300000',
        DB_TIMEOUT_MS: '1500',
      }),
    ).toEqual({
      port: 0,
      databaseUrl: 'postgres://u:p@db:5432/sessions',
      propagationMs: 2500,
      seedDemo: true,
      trustGeoHeaders: true,
      publicOrigin: 'https://accounts.example.com',
      trustProxy: 2,
      idleTimeoutMs: 3_600_000,
      reauthMaxAgeMs: 300_000,
      dbTimeoutMs: 1500,
    });
  });

  it('refuses what cannot be meant, naming the setting', () => {
    for (const [name, value] of [
      ['PORT', '70000'],
      ['TRUST_PROXY', '-1'],
      ['TRUST_PROXY', 'yes'],
      ['IDLE_TIMEOUT_MS', '0'],
      ['DB_TIMEOUT_MS', '1.5'],
      ['REAUTH_MAX_AGE_MS', '5m'],
      ['PUBLIC_ORIGIN', 'accounts.example.com'],
      ['PUBLIC_ORIGIN', 'https://accounts.example.com/settings'],
      ['PUBLIC_ORIGIN', 'ftp://accounts.example.com'],
    ] as const) {
      expect(() => optionsFromEnv({ [name]: value }), `${name}=${value}`).toThrow(name);
    }
  });
});
