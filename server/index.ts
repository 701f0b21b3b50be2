// startServer(): the reference server in one call, for `npm run server`, `npm run demo` and tests;
// optionsFromEnv(): its settings from the environment (the table in DESIGN.md).
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { seedAccounts, seedDemoSessions } from './seed';
import { DEFAULT_IDLE_TIMEOUT_MS, openStore, type Store } from './store';

export { createApp } from './app';
export { DatabaseUnavailable, openStore } from './store';
export { SEEDED_ACCOUNTS, SEEDED_PASSWORD } from './seed';

export type StartServerOptions = {
  /** 0 picks a free port. @default 8787 */
  port?: number;
  /** `postgres://…` for a real PostgreSQL; absent for embedded PGlite, in memory. */
  databaseUrl?: string;
  /** A PostgreSQL schema to keep this server's tables apart (created if missing), e.g. one per test. */
  databaseSchema?: string;
  /** How long a logged-out row stays listed (B9); its token is refused at once. @default 0 */
  propagationMs?: number;
  /** Give ada@example.com the demo's other sessions. @default false */
  seedDemo?: boolean;
  /** Read the approximate place from X-Geo-City/-Region/-Country. @default false */
  trustGeoHeaders?: boolean;
  /** The origin readers use; `https://…` makes every cookie Secure and `__Host-` prefixed. @default plain http */
  publicOrigin?: string;
  /** How many proxies in front append to X-Forwarded-For; 0 takes the socket's address. @default 0 */
  trustProxy?: number;
  /** A session unused this long is ended. @default 7 days */
  idleTimeoutMs?: number;
  /** B16: logouts need a password check this recent. @default never asked */
  reauthMaxAgeMs?: number;
  /** Connection, statement and pool-wait limit; past it API calls answer 503. @default 5000 */
  dbTimeoutMs?: number;
  /** How often old sessions are deleted (the first time at start). @default 1 hour */
  cleanupEveryMs?: number;
  /** Where unexpected errors are reported (never to the client). @default console.error */
  logError?: (error: unknown) => void;
};

export type RunningServer = {
  /** e.g. `http://127.0.0.1:8787` (no trailing slash). */
  url: string;
  port: number;
  /** The server's database, for tests and operators. */
  store: Store;
  /** Stops listening, drops open connections and closes the database. */
  close(): Promise<void>;
  /** SIGTERM: stops accepting, lets requests in flight finish (up to `graceMs`), then closes the database. */
  drain(graceMs?: number): Promise<void>;
};

/** Opens the database, seeds the accounts, and listens on 127.0.0.1 (never another interface). */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const { logError = console.error } = options;
  const store = await openStore({
    databaseUrl: options.databaseUrl,
    databaseSchema: options.databaseSchema,
    timeoutMs: options.dbTimeoutMs,
    idleTimeoutMs: options.idleTimeoutMs,
  });
  let cleanup: NodeJS.Timeout | undefined;
  try {
    await seedAccounts(store);
    if (options.seedDemo) await seedDemoSessions(store);
    const app = createApp({
      store,
      propagationMs: options.propagationMs,
      trustGeoHeaders: options.trustGeoHeaders,
      publicOrigin: options.publicOrigin,
      trustProxy: options.trustProxy,
      reauthMaxAgeMs: options.reauthMaxAgeMs,
      logError,
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const listening = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: '127.0.0.1' }, () => resolve(listening));
      listening.once('error', reject);
    });
    // Ended and expired sessions go 30 days later, by the server itself; the timer never keeps it alive.
    const deleteOld = () => void store.deleteOldSessions(new Date()).catch(logError);
    deleteOld();
    cleanup = setInterval(deleteOld, options.cleanupEveryMs ?? 60 * 60_000).unref();
    const { port } = server.address() as AddressInfo;
    const stopListening = (graceMs: number) =>
      new Promise<void>((resolve) => {
        clearInterval(cleanup);
        const force = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), graceMs).unref();
        // A keep-alive connection goes as soon as its request is answered, not when the client lets it.
        const idle = setInterval(() => 'closeIdleConnections' in server && server.closeIdleConnections(), 50).unref();
        server.close(() => {
          clearTimeout(force);
          clearInterval(idle);
          resolve();
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      store,
      async close() {
        await stopListening(0);
        await store.close();
      },
      async drain(graceMs = 10_000) {
        await stopListening(graceMs);
        await store.close();
      },
    };
  } catch (error) {
    clearInterval(cleanup);
    await store.close();
    throw error;
  }
}

/** SIGTERM and SIGINT drain the server (up to 10 s for requests in flight), then the process exits 0. */
export function drainOnSignals(server: RunningServer, graceMs = 10_000): void {
  const stop = () => void server.drain(graceMs).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number | undefined, { min = 0 } = {}): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${text}".`);
  return value;
}

/**
 * startServer's options from the environment: PORT, DATABASE_URL, SEED_DEMO, TRUST_GEO_HEADERS,
 * PROPAGATION_MS, PUBLIC_ORIGIN, TRUST_PROXY, IDLE_TIMEOUT_MS, REAUTH_MAX_AGE_MS, DB_TIMEOUT_MS.
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): StartServerOptions {
  const port = wholeNumber(env, 'PORT', 8787)!;
  if (port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  const publicOrigin = env.PUBLIC_ORIGIN || undefined;
  if (publicOrigin !== undefined) {
    const url = URL.canParse(publicOrigin) ? new URL(publicOrigin) : undefined;
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== publicOrigin.replace(/\/$/, '')) {
      throw new Error(`PUBLIC_ORIGIN must be an origin such as https://accounts.example.com, not "${publicOrigin}".`);
    }
  }
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    propagationMs: wholeNumber(env, 'PROPAGATION_MS', 0),
    seedDemo: env.SEED_DEMO === '1',
    trustGeoHeaders: env.TRUST_GEO_HEADERS === '1',
    publicOrigin,
    trustProxy: wholeNumber(env, 'TRUST_PROXY', 0),
    idleTimeoutMs: wholeNumber(env, 'IDLE_TIMEOUT_MS', DEFAULT_IDLE_TIMEOUT_MS, { min: 1 }),
    reauthMaxAgeMs: wholeNumber(env, 'REAUTH_MAX_AGE_MS', undefined),
    dbTimeoutMs: wholeNumber(env, 'DB_TIMEOUT_MS', 5000, { min: 1 }),
  };
}
