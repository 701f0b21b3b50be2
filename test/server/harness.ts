// Test harness for the reference server: which databases to run on, a server per suite, and a
// "browser" that keeps its cookies between requests the way a real one does.
import type { WireSession } from '../../kit/src/contract';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { expect } from 'vitest';
import { hashPassword } from '../../server/auth';
import { SEEDED_PASSWORD, startServer, type RunningServer, type StartServerOptions } from '../../server/index';

export const PASSWORD = SEEDED_PASSWORD;

/** PGlite always; a real PostgreSQL too when DATABASE_URL is set (recipe in DEVELOPERS.md). */
export const DATABASES: { name: string; databaseUrl?: string }[] = [
  { name: 'PGlite' },
  ...(process.env.DATABASE_URL ? [{ name: 'PostgreSQL', databaseUrl: process.env.DATABASE_URL }] : []),
];
if (!process.env.DATABASE_URL) {
  // CI never skips the real database: .ci/run installs and starts PostgreSQL and sets DATABASE_URL.
  if (process.env.CI) {
    throw new Error(
      'CI must run the reference server on PostgreSQL too, but DATABASE_URL is not set (`bash .ci/run` starts one and sets it).',
    );
  }
  console.info(
    'reference server tests: PostgreSQL SKIPPED, PGlite only — no DATABASE_URL. Set DATABASE_URL=postgres://… (or run `bash .ci/run`) to run them on PostgreSQL too.',
  );
}

export const UA = {
  chromeMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  safariIpad:
    'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
};

export type TestServer = RunningServer & {
  /** Errors the server reported (its error handler logs; the client never sees them). */
  errors: unknown[];
  /** A new ordinary account with the seeded password; its email is returned. */
  addAccount(prefix?: string): Promise<string>;
};

/** A new PostgreSQL schema name for one test's tables. */
export function newSchemaName(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

/**
 * Starts a server on a free port, on its own database (PGlite) or its own schema (PostgreSQL;
 * `options.databaseSchema` shares one between instances).
 */
export async function startTestServer(database: { databaseUrl?: string }, options: StartServerOptions = {}): Promise<TestServer> {
  const errors: unknown[] = [];
  const databaseSchema = database.databaseUrl ? (options.databaseSchema ?? newSchemaName()) : undefined;
  const server = await startServer({ port: 0, ...database, logError: (e) => errors.push(e), ...options, databaseSchema });
  let count = 0;
  return {
    ...server,
    errors,
    async addAccount(prefix = 'user') {
      const email = `${prefix}-${++count}-${randomBytes(4).toString('hex')}@example.com`;
      await server.store.addAccount({ email, passwordHash: await hashPassword(PASSWORD), ssoProvider: null });
      return email;
    },
    async close() {
      await server.close();
      if (database.databaseUrl && databaseSchema) {
        const client = new pg.Client({ connectionString: database.databaseUrl });
        await client.connect();
        await client.query(`drop schema if exists ${databaseSchema} cascade`);
        await client.end();
      }
    },
  };
}

export type Cookie = { name: string; value: string; attributes: Map<string, string | true> };

/** Parses one Set-Cookie header: `name=value; Attr; Attr=value`, attribute names lower-cased. */
export function parseSetCookie(header: string): Cookie {
  const [pair = '', ...parts] = header.split(';').map((p) => p.trim());
  const eq = pair.indexOf('=');
  const attributes = new Map<string, string | true>();
  for (const part of parts) {
    const i = part.indexOf('=');
    if (i === -1) attributes.set(part.toLowerCase(), true);
    else attributes.set(part.slice(0, i).toLowerCase(), part.slice(i + 1));
  }
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
}

type RequestOptions = { json?: unknown; headers?: Record<string, string>; withCsrf?: boolean };

/** Every response any Browser received, for the checks that hold for all of them. */
export const seen: { method: string; path: string; status: number; headers: Headers; body: string }[] = [];

/** A browser: keeps the cookies the server sets, sends them back, and echoes csrf_token when asked. */
export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly server: { url: string },
    readonly userAgent = UA.chromeMac,
    readonly extraHeaders: Record<string, string> = {},
  ) {}

  /** A second browser with a copy of this one's cookies (e.g. a stolen or saved session). */
  clone(): Browser {
    const copy = new Browser(this.server, this.userAgent, this.extraHeaders);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  /** The page-readable CSRF cookie, under its `__Host-` name when the server uses one. */
  get csrfToken(): string | undefined {
    return this.cookies.get('__Host-csrf_token') ?? this.cookies.get('csrf_token');
  }

  /** A fetch for createFetchSessionsClient: this browser's cookies and CSRF header on every call. */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    return this.request(init?.method ?? 'GET', url.pathname + url.search, { headers, withCsrf: true });
  };

  async request(method: string, path: string, { json, headers = {}, withCsrf = true }: RequestOptions = {}): Promise<Response> {
    const all: Record<string, string> = { 'User-Agent': this.userAgent, ...this.extraHeaders, ...headers };
    if (this.cookies.size) all.Cookie = [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
    if (withCsrf && this.csrfToken && !('X-CSRF-Token' in headers)) all['X-CSRF-Token'] = this.csrfToken;
    if (json !== undefined) all['Content-Type'] = 'application/json';
    const response = await fetch(`${this.server.url}${path}`, {
      method,
      headers: all,
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    for (const header of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(header);
      if (cookie.attributes.get('max-age') === '0' || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const body = await response.clone().text();
    seen.push({ method, path, status: response.status, headers: response.headers, body });
    return response;
  }

  signIn(email: string, options: { password?: string; app?: string; trustDevice?: boolean; headers?: Record<string, string> } = {}) {
    const { password = PASSWORD, app, trustDevice, headers } = options;
    return this.request('POST', '/auth/sign-in', { json: { email, password, app, trust_device: trustDevice }, headers });
  }

  /** Signs in and fails the test unless it worked. */
  async signedIn(email: string, options: Parameters<Browser['signIn']>[1] = {}): Promise<this> {
    const response = await this.signIn(email, options);
    expect(response.status, `sign-in of ${email}`).toBe(204);
    return this;
  }

  list() {
    return this.request('GET', '/api/sessions');
  }

  /** The list's rows; fails the test unless it answered 200. */
  async rows(): Promise<WireSession[]> {
    const response = await this.list();
    expect(response.status).toBe(200);
    return ((await response.json()) as { sessions: WireSession[] }).sessions;
  }

  async currentRowId(): Promise<string> {
    const current = (await this.rows()).filter((row) => row.is_current);
    expect(current).toHaveLength(1);
    return current[0]!.id;
  }

  logOut(id: string, removeTrustedDevice = false, options: RequestOptions = {}) {
    return this.request('DELETE', `/api/sessions/${encodeURIComponent(id)}?remove_trusted_device=${removeTrustedDevice}`, options);
  }

  logOutAll(options: RequestOptions = {}) {
    return this.request('POST', '/api/sessions/logout_all', options);
  }
}

// The contract's row, generated from kit/openapi.yaml.
export type { WireSession };

/** The error body of the contract, exactly: `{"error":{"code":…}}`. */
export async function expectError(response: Response, status: number, code: string) {
  expect({ status: response.status, body: (await response.json()) as unknown }).toEqual({ status, body: { error: { code } } });
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The contract's WireSession, strictly: only its fields, each of its type; absent details are left out
 * (never null, never empty); ids are opaque, URL-safe and never "." or "..".
 */
export function expectContractRows(body: unknown) {
  expect(Object.keys(body as object)).toEqual(['sessions']);
  const { sessions } = body as { sessions: unknown[] };
  expect(Array.isArray(sessions)).toBe(true);
  for (const row of sessions as Record<string, unknown>[]) {
    expect(Object.keys(row).sort()).toEqual(
      [
        'id',
        'is_current',
        'is_trusted',
        'status',
        'apps',
        'signed_in_at',
        'last_active_at',
        ...('device' in row ? ['device'] : []),
        ...('location' in row ? ['location'] : []),
      ].sort(),
    );
    expect(row.id).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(typeof row.is_current).toBe('boolean');
    expect(typeof row.is_trusted).toBe('boolean');
    expect(['active', 'unavailable']).toContain(row.status);
    expect(Array.isArray(row.apps) && (row.apps as unknown[]).every((app) => typeof app === 'string' && app !== '')).toBe(true);
    expect(row.signed_in_at).toMatch(ISO_8601);
    // B12: ISO, never before the sign-in, never in the future.
    expect(row.last_active_at).toMatch(ISO_8601);
    expect(Date.parse(row.last_active_at as string)).toBeGreaterThanOrEqual(Date.parse(row.signed_in_at as string));
    expect(Date.parse(row.last_active_at as string)).toBeLessThanOrEqual(Date.now() + 1000);
    for (const [key, fields] of [
      ['device', ['browser', 'os', 'type']],
      ['location', ['city', 'region', 'country']],
    ] as const) {
      if (!(key in row)) continue;
      const detail = row[key] as Record<string, unknown>;
      expect(Object.keys(detail).length).toBeGreaterThan(0);
      for (const [field, value] of Object.entries(detail)) {
        expect(fields as readonly string[]).toContain(field);
        expect(typeof value === 'string' && value.trim() !== '').toBe(true);
      }
    }
    const device = row.device as { type?: string } | undefined;
    if (device && 'type' in device) expect(['desktop', 'mobile', 'tablet', 'app']).toContain(device.type);
  }
  expect(new Set(sessions.map((row) => (row as { id: string }).id)).size).toBe(sessions.length);
}
