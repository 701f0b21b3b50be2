// The store: every SQL statement the server runs, in one module. Plain parameterized SQL over either
// embedded PGlite (the default: in-process, in memory) or a real PostgreSQL through `pg`
// (DATABASE_URL). Both speak the same SQL; every query that touches sessions or devices is scoped to
// an account id, so no route can reach another account's rows. The schema is migrations/*.sql.
import { loadMigrations, type Migration } from './migrations';

/** The database could not answer in time, or not at all: the routes answer 503 `unavailable`. */
export class DatabaseUnavailable extends Error {
  constructor(cause?: unknown) {
    super('the database is unavailable', { cause });
    this.name = 'DatabaseUnavailable';
  }
}

/** Runs SQL: with parameters, one statement; without, a script of several (a migration). */
type Run = <Row>(sql: string, params?: unknown[]) => Promise<Row[]>;

/** A database connection: PGlite or a `pg` pool behind the same calls. */
type Database = { query: Run; close(): Promise<void> };

export type Account = { id: string; email: string; passwordHash: string; ssoProvider: string | null };

/** The signed-in caller of a request, found by the hash of its sid cookie. */
export type Caller = {
  sessionId: string;
  accountId: string;
  email: string;
  deviceId: string;
  csrfHash: Uint8Array;
  isSsoAccount: boolean;
  /** When this session last proved the password: its sign-in or its last re-authentication (B16). */
  passwordCheckedAt: Date;
};

export type DeviceType = 'desktop' | 'mobile' | 'tablet' | 'app';

/** What is known of a sign-in's device and place (all optional: B2). */
export type SignInDetails = {
  browser?: string;
  os?: string;
  deviceType?: DeviceType;
  city?: string;
  region?: string;
  country?: string;
};

export type NewSession = SignInDetails & {
  accountId: string;
  /** A new row id, used only when this is the device's first sign-in to the account. */
  newDeviceId: string;
  deviceKeyHash: Uint8Array;
  trustDevice: boolean;
  tokenHash: Uint8Array;
  csrfHash: Uint8Array;
  app: string;
  status?: 'active' | 'unavailable';
  signedInAt: Date;
  /** @default signedInAt (the demo seed sets a later one) */
  lastSeenAt?: Date;
  expiresAt: Date;
};

/** One row of the list: a device, with every app it is signed in to. */
export type DeviceRow = SignInDetails & {
  id: string;
  isCurrent: boolean;
  isTrusted: boolean;
  isUnavailable: boolean;
  apps: string[];
  signedInAt: Date;
  /** B12: the newest last-seen of the device's sessions, never before its newest sign-in. */
  lastActiveAt: Date;
};

/** A limit key's failures in its current window. */
export type FailureCount = { failures: number; windowEndsAt: Date };

export type StoreOptions = {
  /** `postgres://…` for a real PostgreSQL; absent for embedded PGlite (in memory). */
  databaseUrl?: string;
  /** A PostgreSQL schema to use (created if missing), e.g. one per test run. @default the database's search_path */
  databaseSchema?: string;
  /** Connection, statement and pool-wait limit (DB_TIMEOUT_MS); past it a call throws DatabaseUnavailable. @default 5000 */
  timeoutMs?: number;
  /** A session unused this long is ended (IDLE_TIMEOUT_MS). @default 7 days */
  idleTimeoutMs?: number;
};

export const DEFAULT_IDLE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
/** Ended and expired sessions are kept this long (for the account's own history), then deleted. */
export const KEEP_OLD_SESSIONS_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Creates schema_migrations and applies the migrations it does not list, in order, each in a
 * transaction with its record. The caller holds the advisory lock (PostgreSQL) so that instances
 * starting at once apply each migration exactly once.
 */
async function applyMigrations(run: Run, migrations: Migration[]): Promise<void> {
  await run(
    `create table if not exists schema_migrations (
               version    integer primary key,
               name       text not null,
               applied_at timestamptz not null default now())`,
    [],
  );
  const applied = new Set((await run<{ version: number }>('select version from schema_migrations', [])).map((row) => row.version));
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    await run('begin', []);
    try {
      await run(migration.sql);
      await run('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
      await run('commit', []);
    } catch (error) {
      await run('rollback', []);
      throw error;
    }
  }
}

/** Errors that mean "try again later" (connection lost, server shutting down, statement timeout), by SQLSTATE. */
function isTransient(code: string | undefined): boolean {
  return code !== undefined && (/^(08|53|57P0)/.test(code) || code === '57014' || code === '40P01');
}

async function connectPostgres(databaseUrl: string, databaseSchema: string | undefined, timeoutMs: number): Promise<Database> {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://.');
  const { default: pg } = await import('pg');

  // Migrations on a connection of their own, under a lock every instance takes, so two starting at
  // once on an empty database do not both create the tables. Ending the connection frees the lock.
  const setup = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  await setup.connect();
  try {
    await setup.query(`select pg_advisory_lock(hashtext('active-sessions schema_migrations'))`);
    if (databaseSchema) {
      await setup.query(`create schema if not exists ${databaseSchema}`);
      await setup.query(`set search_path to ${databaseSchema}`);
    }
    await applyMigrations(async <Row>(sql: string, params?: unknown[]) => (await setup.query(sql, params)).rows as Row[], loadMigrations());
  } finally {
    await setup.end();
  }

  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: timeoutMs,
    // The database cancels a statement past the limit too, so it stops holding locks for a caller that left.
    statement_timeout: timeoutMs,
    ...(databaseSchema ? { options: `-c search_path=${databaseSchema}` } : {}),
  });
  // A client that loses its connection, idle or in use, must not crash the process: its query fails
  // (503), the pool drops it, and the next query connects again.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));

  // One deadline over the pool wait, the connection and the statement: a database that refuses
  // connections, or accepts them and never answers, costs a request at most timeoutMs.
  const query: Run = async <Row>(sql: string, params?: unknown[]): Promise<Row[]> => {
    let isLate = false;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        isLate = true;
        reject(new DatabaseUnavailable(new Error(`no answer within ${timeoutMs} ms`)));
      }, timeoutMs);
    });
    const connecting = pool.connect();
    // A connection that arrives after the deadline goes back at once.
    connecting.then(
      (late) => isLate && late.release(),
      () => {},
    );
    let client: Awaited<typeof connecting> | undefined;
    try {
      client = await Promise.race([connecting, deadline]);
      const running = client.query(sql, params);
      running.catch(() => {});
      const { rows } = await Promise.race([running, deadline]);
      client.release();
      return rows as Row[];
    } catch (error) {
      const answered = error instanceof pg.DatabaseError && !isTransient(error.code);
      // A connection that timed out or broke may be mid-statement: destroyed, never reused.
      client?.release(answered ? undefined : true);
      if (answered) throw error;
      throw error instanceof DatabaseUnavailable ? error : new DatabaseUnavailable(error);
    } finally {
      clearTimeout(timer);
    }
  };
  return { query, close: () => pool.end() };
}

async function connectPGlite(databaseSchema: string | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  if (databaseSchema) await db.exec(`create schema if not exists ${databaseSchema}; set search_path to ${databaseSchema}`);
  const query: Run = async (sql, params) => {
    if (params) return (await db.query(sql, params)).rows as never;
    await db.exec(sql);
    return [];
  };
  // In-process, one connection: no other instance can race the migrations.
  await applyMigrations(query, loadMigrations());
  return { query, close: () => db.close() };
}

/** Opens the database, applies the migrations it lacks, and returns the server's queries. */
export async function openStore(options: StoreOptions = {}) {
  const { databaseUrl, databaseSchema, timeoutMs = 5000, idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS } = options;
  if (databaseSchema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    throw new Error(`databaseSchema "${databaseSchema}" must be a lower-case SQL identifier.`);
  }
  const db = databaseUrl ? await connectPostgres(databaseUrl, databaseSchema, timeoutMs) : await connectPGlite(databaseSchema);
  // Last seen is written at most once a minute, or every quarter of the idle timeout when shorter,
  // so a session in use is always seen well before it would time out.
  const lastSeenEveryMs = Math.min(60_000, idleTimeoutMs / 4);
  const idleCutoff = (now: Date) => new Date(now.getTime() - idleTimeoutMs);

  return {
    async findAccount(email: string): Promise<Account | undefined> {
      const [row] = await db.query<Account>(
        `select id, email, password_hash as "passwordHash", sso_provider as "ssoProvider"
           from accounts where email = $1`,
        [email],
      );
      return row;
    },

    /** Adds an account unless one has that email; returns its id either way. */
    async addAccount(account: Omit<Account, 'id'>): Promise<string> {
      // DO UPDATE (a no-op) rather than DO NOTHING: it returns the row even when another instance inserted
      // it a moment ago, which a select in the same statement cannot see (its snapshot is older).
      const [row] = await db.query<{ id: string }>(
        `insert into accounts (email, password_hash, sso_provider) values ($1, $2, $3)
         on conflict (email) do update set email = excluded.email returning id`,
        [account.email, account.passwordHash, account.ssoProvider],
      );
      return row!.id;
    },

    /**
     * Records a sign-in: finds or adds the device row (per account and device cookie), trusts it when
     * asked (trust is only ever removed by a logout that asks for it), and adds the session.
     * One statement, so a device row never exists without the session that made it.
     */
    async addSession(s: NewSession): Promise<{ deviceId: string }> {
      const [row] = await db.query<{ deviceId: string }>(
        `with device as (
           insert into devices (id, account_id, key_hash, is_trusted) values ($1, $2, $3, $4)
           on conflict (account_id, key_hash) do update set is_trusted = devices.is_trusted or excluded.is_trusted
           returning id)
         insert into sessions (account_id, device_id, token_hash, csrf_hash, app, status, browser, os, device_type,
                               city, region, country, signed_in_at, expires_at, last_seen_at, password_checked_at)
         select $2, device.id, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $15 from device
         returning device_id as "deviceId"`,
        [
          s.newDeviceId,
          s.accountId,
          s.deviceKeyHash,
          s.trustDevice,
          s.tokenHash,
          s.csrfHash,
          s.app,
          s.status ?? 'active',
          s.browser ?? null,
          s.os ?? null,
          s.deviceType ?? null,
          s.city ?? null,
          s.region ?? null,
          s.country ?? null,
          s.signedInAt,
          s.expiresAt,
          s.lastSeenAt ?? s.signedInAt,
        ],
      );
      return row!;
    },

    /**
     * The live session whose sid hashes to `tokenHash`, with its account; ended, expired and idle ones
     * are refused. Records that it was seen now, unless it was seen within lastSeenEveryMs (B12).
     */
    async findCaller(tokenHash: Uint8Array, now: Date): Promise<Caller | undefined> {
      const [row] = await db.query<Caller>(
        `with caller as (
           select s.id, s.account_id, s.device_id, s.csrf_hash, s.password_checked_at, s.last_seen_at,
                  a.email, a.sso_provider
             from sessions s join accounts a on a.id = s.account_id
            where s.token_hash = $1 and s.ended_at is null and s.expires_at > $2 and s.last_seen_at > $3),
         seen as (
           update sessions set last_seen_at = $2
            where id = (select id from caller) and last_seen_at <= $4)
         select id as "sessionId", account_id as "accountId", email, device_id as "deviceId", csrf_hash as "csrfHash",
                sso_provider is not null as "isSsoAccount", password_checked_at as "passwordCheckedAt"
           from caller`,
        [tokenHash, now, idleCutoff(now), new Date(now.getTime() - lastSeenEveryMs)],
      );
      return row;
    },

    /**
     * The account's rows: one per device with a live session (or an ended one still within its
     * propagation window, B9), newest sign-in first. Device text and place come from the device's
     * newest sign-in; a row is unavailable when any of its sessions is.
     */
    async listDevices(accountId: string, currentDeviceId: string, now: Date): Promise<DeviceRow[]> {
      return db.query<DeviceRow>(
        `with listed as (
           select * from sessions
            where account_id = $1 and expires_at > $3
              and ((ended_at is null and last_seen_at > $4) or listed_until > $3)),
         newest as (
           select distinct on (device_id) device_id, browser, os, device_type, city, region, country
             from listed order by device_id, signed_in_at desc)
         select d.id, d.id = $2 as "isCurrent", d.is_trusted as "isTrusted",
                bool_or(l.status = 'unavailable') as "isUnavailable",
                array_agg(distinct l.app) as apps, max(l.signed_in_at) as "signedInAt",
                greatest(max(l.last_seen_at), max(l.signed_in_at)) as "lastActiveAt",
                n.browser, n.os, n.device_type as "deviceType", n.city, n.region, n.country
           from listed l
           join devices d on d.id = l.device_id and d.account_id = $1
           join newest n on n.device_id = l.device_id
          group by d.id, n.browser, n.os, n.device_type, n.city, n.region, n.country
          order by max(l.signed_in_at) desc, d.id`,
        [accountId, currentDeviceId, now, idleCutoff(now)],
      );
    },

    /**
     * Logs out every live session of one of the account's devices, forgets its trust when asked, and
     * keeps the reader's reason (B14). Returns how many sessions ended: 0 when the device is not the
     * account's or has none live, in which case nothing changed (trust included).
     */
    async endDevice(e: {
      accountId: string;
      deviceId: string;
      forgetTrust: boolean;
      reason: 'unrecognized' | null;
      now: Date;
      listedUntil: Date | null;
    }): Promise<number> {
      const [row] = await db.query<{ ended: number }>(
        `with ended as (
           update sessions set ended_at = $3, listed_until = $4, end_reason = $6
            where account_id = $1 and device_id = $2 and ended_at is null and expires_at > $3 and last_seen_at > $7
           returning 1),
         forgotten as (
           update devices set is_trusted = false
            where $5 and id = $2 and account_id = $1 and exists (select 1 from ended)
           returning 1)
         select (select count(*) from ended)::int as ended`,
        [e.accountId, e.deviceId, e.now, e.listedUntil, e.forgetTrust, e.reason, idleCutoff(e.now)],
      );
      return row!.ended;
    },

    /** Logs out every live session of the account, the caller's included. Trusted devices stay trusted. */
    async endAccount(e: { accountId: string; now: Date; listedUntil: Date | null }): Promise<number> {
      const [row] = await db.query<{ ended: number }>(
        `with ended as (
           update sessions set ended_at = $2, listed_until = $3
            where account_id = $1 and ended_at is null
           returning 1)
         select count(*)::int as ended from ended`,
        [e.accountId, e.now, e.listedUntil],
      );
      return row!.ended;
    },

    /** Ends one session (sign-out); a signed-out session is never listed again (B11). */
    async endSession(sessionId: string, now: Date): Promise<void> {
      await db.query(`update sessions set ended_at = $2 where id = $1 and ended_at is null`, [sessionId, now]);
    },

    /** Ends the session whose sid hashes to `tokenHash`, whichever account it is (a browser signing in again). */
    async endSessionByToken(tokenHash: Uint8Array, now: Date): Promise<void> {
      await db.query(`update sessions set ended_at = $2 where token_hash = $1 and ended_at is null`, [tokenHash, now]);
    },

    /** Records a password check for one session only (B16: re-authentication is per session). */
    async confirmPassword(sessionId: string, now: Date): Promise<void> {
      await db.query(`update sessions set password_checked_at = $2 where id = $1`, [sessionId, now]);
    },

    /**
     * Counts one more failure for each key, atomically (the row lock of the upsert orders parallel
     * attempts), in a window that starts at the key's first failure. Counted before the password is
     * checked, so a burst of parallel guesses sees the limit as soon as it is reached.
     */
    async countFailure(keyHashes: string[], now: Date, windowMs: number): Promise<FailureCount[]> {
      const rows = await db.query<FailureCount & { keyHash: string }>(
        `insert into sign_in_failures as f (key_hash, failures, window_ends_at)
         select key, 1, $3::timestamptz from unnest($1::text[]) as key
         on conflict (key_hash) do update set
           failures = case when f.window_ends_at <= $2 then 1 else f.failures + 1 end,
           window_ends_at = case when f.window_ends_at <= $2 then excluded.window_ends_at else f.window_ends_at end
         returning key_hash as "keyHash", failures, window_ends_at as "windowEndsAt"`,
        [keyHashes, now, new Date(now.getTime() + windowMs)],
      );
      return keyHashes.map((key) => rows.find((row) => row.keyHash === key)!);
    },

    /** After a right password: forgets the key's failures (`reset`) and takes back this attempt (`uncount`). */
    async forgiveFailure(keys: { reset: string; uncount: string }): Promise<void> {
      await db.query(
        `with reset as (delete from sign_in_failures where key_hash = $1)
         update sign_in_failures set failures = failures - 1 where key_hash = $2 and failures > 0`,
        [keys.reset, keys.uncount],
      );
    },

    /**
     * Deletes sessions ended, expired or idle for more than 30 days, and limit windows that are over.
     * Returns how many sessions went.
     */
    async deleteOldSessions(now: Date): Promise<number> {
      const before = new Date(now.getTime() - KEEP_OLD_SESSIONS_MS);
      const [row] = await db.query<{ deleted: number }>(
        `with gone as (
           delete from sessions
            where ended_at < $1 or expires_at < $1 or last_seen_at < $2
           returning 1),
         windows as (delete from sign_in_failures where window_ends_at < $3)
         select count(*)::int as deleted from gone`,
        [before, new Date(before.getTime() - idleTimeoutMs), now],
      );
      return row!.deleted;
    },

    /** Whether the device has a live session (the demo seed adds one only when it has none). */
    async hasLiveSession(accountId: string, deviceKeyHash: Uint8Array, now: Date): Promise<boolean> {
      const rows = await db.query(
        `select 1 from sessions s join devices d on d.id = s.device_id
          where d.account_id = $1 and d.key_hash = $2 and s.ended_at is null and s.expires_at > $3 and s.last_seen_at > $4`,
        [accountId, deviceKeyHash, now, idleCutoff(now)],
      );
      return rows.length > 0;
    },

    /** Any SQL, for tests and operators (e.g. to check that no raw token is stored). Not used by routes. */
    query: <Row>(sql: string, params: unknown[] = []) => db.query<Row>(sql, params),

    close: () => db.close(),
  };
}

export type Store = Awaited<ReturnType<typeof openStore>>;
