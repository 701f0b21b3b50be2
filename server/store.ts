// The store: every SQL statement the server runs, in one module. Plain parameterized SQL over either
// embedded PGlite (the default: in-process, in memory) or a real PostgreSQL through `pg`
// (DATABASE_URL). Both speak the same SQL; every query that touches sessions or devices is scoped to
// an account id, so no route can reach another account's rows.
import { readFileSync } from 'node:fs';

/** A database connection: PGlite or a `pg` pool behind the same two calls. */
type Database = {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (the schema). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
};

export type Account = { id: string; email: string; passwordHash: string; ssoProvider: string | null };

/** The signed-in caller of a request, found by the hash of its sid cookie. */
export type Caller = {
  sessionId: string;
  accountId: string;
  deviceId: string;
  csrfHash: Uint8Array;
  isSsoAccount: boolean;
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
};

export type StoreOptions = {
  /** `postgres://…` for a real PostgreSQL; absent for embedded PGlite (in memory). */
  databaseUrl?: string;
  /** A PostgreSQL schema to use (created if missing), e.g. one per test run. @default the database's search_path */
  databaseSchema?: string;
};

const SCHEMA_SQL = readFileSync(new URL('./schema.sql', import.meta.url), 'utf8');

async function connect({ databaseUrl, databaseSchema }: StoreOptions): Promise<Database> {
  if (databaseSchema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    throw new Error(`databaseSchema "${databaseSchema}" must be a lower-case SQL identifier.`);
  }
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://.');
    const { default: pg } = await import('pg');
    if (databaseSchema) {
      const setup = new pg.Client({ connectionString: databaseUrl });
      await setup.connect();
      try {
        await setup.query(`create schema if not exists ${databaseSchema}`);
      } finally {
        await setup.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: 5,
      ...(databaseSchema ? { options: `-c search_path=${databaseSchema}` } : {}),
    });
    // An idle client that loses its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    return {
      query: async (sql, params) => (await pool.query(sql, params)).rows,
      exec: async (sql) => void (await pool.query(sql)),
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  if (databaseSchema) await db.exec(`create schema if not exists ${databaseSchema}; set search_path to ${databaseSchema}`);
  return {
    query: async (sql, params) => (await db.query(sql, params)).rows as never,
    exec: async (sql) => void (await db.exec(sql)),
    close: () => db.close(),
  };
}

/** Opens the database, applies schema.sql, and returns the server's queries. */
export async function openStore(options: StoreOptions = {}) {
  const db = await connect(options);
  await db.exec(SCHEMA_SQL);

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
      const [row] = await db.query<{ id: string }>(
        `with added as (
           insert into accounts (email, password_hash, sso_provider) values ($1, $2, $3)
           on conflict (email) do nothing returning id)
         select id from added union all select id from accounts where email = $1`,
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
                               city, region, country, signed_in_at, expires_at)
         select $2, device.id, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16 from device
         returning device_id as "deviceId"`,
        [
          s.newDeviceId, s.accountId, s.deviceKeyHash, s.trustDevice,
          s.tokenHash, s.csrfHash, s.app, s.status ?? 'active', s.browser ?? null, s.os ?? null, s.deviceType ?? null,
          s.city ?? null, s.region ?? null, s.country ?? null, s.signedInAt, s.expiresAt,
        ],
      );
      return row!;
    },

    /** The live session whose sid hashes to `tokenHash`, with its account; ended and expired ones are refused. */
    async findCaller(tokenHash: Uint8Array, now: Date): Promise<Caller | undefined> {
      const [row] = await db.query<Caller>(
        `select s.id as "sessionId", s.account_id as "accountId", s.device_id as "deviceId", s.csrf_hash as "csrfHash",
                a.sso_provider is not null as "isSsoAccount"
           from sessions s join accounts a on a.id = s.account_id
          where s.token_hash = $1 and s.ended_at is null and s.expires_at > $2`,
        [tokenHash, now],
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
            where account_id = $1 and expires_at > $3 and (ended_at is null or listed_until > $3)),
         newest as (
           select distinct on (device_id) device_id, browser, os, device_type, city, region, country
             from listed order by device_id, signed_in_at desc)
         select d.id, d.id = $2 as "isCurrent", d.is_trusted as "isTrusted",
                bool_or(l.status = 'unavailable') as "isUnavailable",
                array_agg(distinct l.app) as apps, max(l.signed_in_at) as "signedInAt",
                n.browser, n.os, n.device_type as "deviceType", n.city, n.region, n.country
           from listed l
           join devices d on d.id = l.device_id and d.account_id = $1
           join newest n on n.device_id = l.device_id
          group by d.id, n.browser, n.os, n.device_type, n.city, n.region, n.country
          order by max(l.signed_in_at) desc, d.id`,
        [accountId, currentDeviceId, now],
      );
    },

    /**
     * Logs out every live session of one of the account's devices, and forgets its trust when asked.
     * Returns how many sessions ended: 0 when the device is not the account's or has none live, in
     * which case nothing changed (trust included).
     */
    async endDevice(e: { accountId: string; deviceId: string; forgetTrust: boolean; now: Date; listedUntil: Date | null }): Promise<number> {
      const [row] = await db.query<{ ended: number }>(
        `with ended as (
           update sessions set ended_at = $3, listed_until = $4
            where account_id = $1 and device_id = $2 and ended_at is null and expires_at > $3
           returning 1),
         forgotten as (
           update devices set is_trusted = false
            where $5 and id = $2 and account_id = $1 and exists (select 1 from ended)
           returning 1)
         select (select count(*) from ended)::int as ended`,
        [e.accountId, e.deviceId, e.now, e.listedUntil, e.forgetTrust],
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

    /** Whether the device has a live session (the demo seed adds one only when it has none). */
    async hasLiveSession(accountId: string, deviceKeyHash: Uint8Array, now: Date): Promise<boolean> {
      const rows = await db.query(
        `select 1 from sessions s join devices d on d.id = s.device_id
          where d.account_id = $1 and d.key_hash = $2 and s.ended_at is null and s.expires_at > $3`,
        [accountId, deviceKeyHash, now],
      );
      return rows.length > 0;
    },

    /** Any SQL, for tests and operators (e.g. to check that no raw token is stored). Not used by routes. */
    query: db.query,

    close: () => db.close(),
  };
}

export type Store = Awaited<ReturnType<typeof openStore>>;
