// startServer(): the reference server in one call, for `npm run server`, `npm run demo` and tests.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { seedAccounts, seedDemoSessions } from './seed';
import { openStore, type Store } from './store';

export { createApp } from './app';
export { openStore } from './store';
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
};

/** Opens the database, seeds the accounts, and listens on 127.0.0.1 (never another interface). */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const store = await openStore({ databaseUrl: options.databaseUrl, databaseSchema: options.databaseSchema });
  try {
    await seedAccounts(store);
    if (options.seedDemo) await seedDemoSessions(store);
    const app = createApp({
      store,
      propagationMs: options.propagationMs,
      trustGeoHeaders: options.trustGeoHeaders,
      logError: options.logError,
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const listening = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: '127.0.0.1' }, () => resolve(listening));
      listening.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      store,
      async close() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** startServer's options from the environment DESIGN.md fixes: PORT, DATABASE_URL, SEED_DEMO, TRUST_GEO_HEADERS, PROPAGATION_MS. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): StartServerOptions {
  const port = env.PORT ? Number(env.PORT) : 8787;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  const propagationMs = env.PROPAGATION_MS ? Number(env.PROPAGATION_MS) : 0;
  if (!Number.isInteger(propagationMs) || propagationMs < 0) {
    throw new Error(`PROPAGATION_MS must be a whole number of milliseconds, not "${env.PROPAGATION_MS}".`);
  }
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    propagationMs,
    seedDemo: env.SEED_DEMO === '1',
    trustGeoHeaders: env.TRUST_GEO_HEADERS === '1',
  };
}
