// The reference server as a backend team deploys it (issue 21), over HTTP: sign-in limits in the
// database (atomic, per account and client, per client), TRUST_PROXY, PUBLIC_ORIGIN's Secure and
// __Host- cookies, duplicate cookies, signing in again, migrations, cleanup and drain. The tests with
// two instances or a database behind a TCP proxy need PostgreSQL (PGlite runs inside one process).
import { spawn } from 'node:child_process';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../../scripts/tcp-proxy';
import { DatabaseUnavailable } from '../../server/index';
import { Browser, DATABASES, expectError, newSchemaName, parseSetCookie, PASSWORD, startTestServer, UA, type TestServer } from './harness';

const POSTGRES_URL = process.env.DATABASE_URL;
/** The PostgreSQL-only suites: skipped, saying so, without DATABASE_URL (CI always sets it; harness.ts checks). */
const describePostgres = POSTGRES_URL ? describe : describe.skip;
if (!POSTGRES_URL) console.info('deployment tests: two instances and the TCP-proxy outages SKIPPED — they need DATABASE_URL=postgres://…');

let lastAddress = 0;
/** A client address of its own, as the trusted proxy reports it in X-Forwarded-For. */
function newAddress(): string {
  lastAddress += 1;
  return `203.0.${Math.floor(lastAddress / 250)}.${lastAddress % 250}`;
}
const from = (server: { url: string }, address: string, userAgent = UA.chromeMac) =>
  new Browser(server, userAgent, { 'X-Forwarded-For': address });

describe.each(DATABASES)('reference server on $name: sign-in limits behind a trusted proxy (TRUST_PROXY=1)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { trustProxy: 1 });
  });
  afterAll(() => server?.close());

  it('gives a burst of 40 parallel guesses no more than the limit: five 401s, the rest 429 with Retry-After', async () => {
    const email = await server.addAccount();
    const attacker = newAddress();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => from(server, attacker).signIn(email, { password: `guess ${i}` })),
    );
    const statuses = answers.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(35);
    for (const response of answers.filter((r) => r.status === 429)) expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
    // The attacker's address is limited, the right password included…
    await expectError(await from(server, attacker).signIn(email), 429, 'rate_limited');
    // …and the account's owner, at another address, signs in: no one can lock them out.
    expect((await from(server, newAddress()).signIn(email)).status).toBe(204);
  });

  it('takes the client address from the right of X-Forwarded-For: what a client writes to its left changes nothing', async () => {
    const email = await server.addAccount();
    const attacker = newAddress();
    for (let i = 0; i < 5; i += 1) {
      const spoofed = new Browser(server, UA.chromeMac, { 'X-Forwarded-For': `10.9.8.${i}, ${attacker}` });
      expect((await spoofed.signIn(email, { password: 'nope' })).status).toBe(401);
    }
    await expectError(
      await new Browser(server, UA.chromeMac, { 'X-Forwarded-For': `10.1.1.1, ${attacker}` }).signIn(email),
      429,
      'rate_limited',
    );
    expect((await from(server, newAddress()).signIn(email)).status).toBe(204);
  });

  it('limits a client to 50 failures in all, across accounts; another client is untouched', async () => {
    const accounts = await Promise.all(Array.from({ length: 11 }, () => server.addAccount('many')));
    const attacker = newAddress();
    for (const email of accounts.slice(0, 10)) {
      const answers = await Promise.all(Array.from({ length: 5 }, () => from(server, attacker).signIn(email, { password: 'nope' })));
      expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    }
    await expectError(await from(server, attacker).signIn(accounts[10]!), 429, 'rate_limited');
    expect((await from(server, newAddress()).signIn(accounts[10]!)).status).toBe(204);
  });

  it('counts only failures: a right password before the limit starts the account’s count on that client again', async () => {
    const email = await server.addAccount();
    const address = newAddress();
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < 4; i += 1) expect((await from(server, address).signIn(email, { password: 'nope' })).status).toBe(401);
      expect((await from(server, address).signIn(email)).status).toBe(204);
    }
  });
});

describe.each(DATABASES)('reference server on $name without TRUST_PROXY', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  it('ignores X-Forwarded-For: a client cannot escape the limit by writing a new address in it', async () => {
    const email = await server.addAccount();
    for (let i = 0; i < 5; i += 1) expect((await from(server, `10.0.0.${i}`).signIn(email, { password: 'nope' })).status).toBe(401);
    await expectError(await from(server, '10.0.0.99').signIn(email), 429, 'rate_limited');
  });
});

describe.each(DATABASES)('reference server on $name: cookies', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  it('refuses a request carrying the session cookie twice (sid=A; sid=B) with 401, whichever comes first', async () => {
    const me = await new Browser(server).signedIn(await server.addAccount());
    const sid = me.cookies.get('sid')!;
    const other = (await new Browser(server).signedIn(await server.addAccount())).cookies.get('sid')!;
    const list = (cookie: string) => fetch(`${server.url}/api/sessions`, { headers: { Cookie: cookie } });
    expect((await list(`sid=${sid}`)).status).toBe(200);
    for (const cookie of [
      `sid=${other}; sid=${sid}`,
      `sid=${sid}; sid=${other}`,
      `sid=${sid}; sid=${sid}`,
      `sid=${sid}; sid=AAAAAAAAAAAAAAAAAAAAAA`,
    ]) {
      await expectError(await list(cookie), 401, 'unauthorized');
    }
  });

  it("ends the browser's older session when it signs in again, whichever account signs in", async () => {
    const [ada, bob] = [await server.addAccount('ada'), await server.addAccount('bob')];
    const browser = await new Browser(server).signedIn(ada);
    const adaOnPhone = await new Browser(server, UA.safariIphone).signedIn(ada);
    const older = browser.clone();

    await browser.signedIn(bob);
    await expectError(await older.list(), 401, 'unauthorized');
    // Ada's list no longer shows the browser; her phone is untouched.
    expect((await adaOnPhone.rows()).map((row) => row.is_current)).toEqual([true]);

    const bobsOlder = browser.clone();
    await browser.signedIn(bob);
    await expectError(await bobsOlder.list(), 401, 'unauthorized');
    expect((await browser.rows()).map((row) => row.apps)).toEqual([['chatgpt']]);
  });
});

describe.each(DATABASES)('reference server on $name with PUBLIC_ORIGIN=https://…', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { publicOrigin: 'https://accounts.example.com' });
  });
  afterAll(() => server?.close());

  it('sets every cookie Secure with the __Host- prefix (Path=/, no Domain), and reads only those names', async () => {
    const email = await server.addAccount();
    const browser = new Browser(server);
    const response = await browser.signIn(email);
    expect(response.status).toBe(204);
    const cookies = response.headers.getSetCookie().map(parseSetCookie);
    expect(cookies.map((cookie) => cookie.name).sort()).toEqual(['__Host-csrf_token', '__Host-device_id', '__Host-sid']);
    for (const cookie of cookies) {
      expect(cookie.attributes.get('secure'), cookie.name).toBe(true);
      expect(cookie.attributes.get('path'), cookie.name).toBe('/');
      expect(cookie.attributes.has('domain'), cookie.name).toBe(false);
    }
    expect(cookies.find((c) => c.name === '__Host-sid')!.attributes.get('httponly')).toBe(true);
    expect(cookies.find((c) => c.name === '__Host-csrf_token')!.attributes.has('httponly')).toBe(false);

    // The browser sends them back: signed in, and the CSRF header from __Host-csrf_token works.
    expect((await browser.list()).status).toBe(200);
    expect((await browser.logOutAll()).status).toBe(202);

    // A plain `sid` with a live token, as a sibling subdomain could plant it, is ignored.
    const again = await new Browser(server).signedIn(email);
    const planted = `sid=${again.cookies.get('__Host-sid')}`;
    await expectError(await fetch(`${server.url}/api/sessions`, { headers: { Cookie: planted } }), 401, 'unauthorized');
  });

  it('clears the __Host- cookies, Secure, on sign-out', async () => {
    const browser = await new Browser(server).signedIn(await server.addAccount());
    const response = await browser.request('POST', '/auth/sign-out');
    expect(response.status).toBe(204);
    const cleared = response.headers.getSetCookie().map(parseSetCookie);
    expect(cleared.map((c) => [c.name, c.attributes.get('max-age'), c.attributes.get('secure')]).sort()).toEqual([
      ['__Host-csrf_token', '0', true],
      ['__Host-sid', '0', true],
    ]);
  });
});

describe.each(DATABASES)('reference server on $name: schema, cleanup and shutdown', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { cleanupEveryMs: 150 });
  });
  afterAll(() => server?.close());

  it('records its migrations in schema_migrations, each once, in order', async () => {
    const rows = await server.store.query<{ version: number; name: string }>(
      'select version, name from schema_migrations order by applied_at, version',
    );
    expect(rows).toEqual([
      { version: 1, name: 'initial' },
      { version: 2, name: 'activity_limits_reauth' },
    ]);
  });

  it('deletes sessions ended or expired more than 30 days ago by itself, and keeps younger ones', async () => {
    const email = await server.addAccount();
    const me = await new Browser(server).signedIn(email);
    const old = await new Browser(server, UA.safariIphone).signedIn(email);
    const recent = await new Browser(server, UA.firefoxLinux).signedIn(email);
    const [oldId, recentId] = [await old.currentRowId(), await recent.currentRowId()];
    for (const id of [oldId, recentId]) expect((await me.logOut(id)).status).toBe(204);
    await server.store.query(`update sessions set ended_at = now() - interval '31 days' where device_id = $1`, [oldId]);
    await server.store.query(`update sessions set ended_at = now() - interval '29 days' where device_id = $1`, [recentId]);
    const count = (id: string) => server.store.query(`select 1 from sessions where device_id = $1`, [id]).then((rows) => rows.length);
    const until = Date.now() + 10_000;
    while ((await count(oldId)) > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await count(oldId)).toBe(0);
    expect(await count(recentId)).toBe(1);
  });
});

/** A sign-in whose body arrives in two parts, the second after `delayMs`: a request in flight. */
function slowSignIn(url: string, email: string, delayMs: number): Promise<number> {
  const body = JSON.stringify({ email, password: PASSWORD });
  return new Promise<number>((resolve, reject) => {
    const request = http.request(`${url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    });
    request.on('response', (response) => resolve(response.statusCode ?? 0));
    request.on('error', reject);
    request.write(body.slice(0, 10));
    setTimeout(() => request.end(body.slice(10)), delayMs);
  });
}

describe.each(DATABASES)('reference server on $name: drain (SIGTERM)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });

  it('stops accepting, lets a request in flight finish, then closes', async () => {
    const inFlight = slowSignIn(server.url, await server.addAccount(), 600);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const drained = server.drain(10_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${server.url}/api/sessions`)).rejects.toThrow();
    expect(await inFlight).toBe(204);
    await drained;
    await server.close().catch(() => {}); // drops the test schema; the pool is already closed
  });
});

describe('reference server process on PGlite: SIGTERM', () => {
  it('stops accepting, finishes the request in flight, and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/server/fixtures/serve.ts'], {
      env: { ...process.env, DATABASE_URL: '', PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const line = chunk.toString().split('\n')[0]!.trim();
        if (line.startsWith('http://')) resolve(line);
      });
      child.on('exit', () => reject(new Error('the server exited before listening')));
    });
    const inFlight = slowSignIn(url, 'ada@example.com', 800);
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(fetch(`${url}/api/sessions`)).rejects.toThrow();
    expect(await inFlight).toBe(204);
    expect(await exited).toBe(0);
  }, 120_000);
});

describePostgres('reference server on PostgreSQL only: two instances on one database', () => {
  it('starting at once on an empty database, both work and each migration is applied once', async () => {
    const databaseSchema = newSchemaName();
    const [a, b] = await Promise.all([
      startTestServer({ databaseUrl: POSTGRES_URL }, { databaseSchema }),
      startTestServer({ databaseUrl: POSTGRES_URL }, { databaseSchema }),
    ]);
    try {
      const versions = await a.store.query<{ version: number }>('select version from schema_migrations order by version');
      expect(versions.map((row) => row.version)).toEqual([1, 2]);
      for (const server of [a, b])
        expect((await new Browser(server).signedIn('bob@example.com').then((bob) => bob.list())).status).toBe(200);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('share their sign-in limits: failures on one count on the other', async () => {
    const databaseSchema = newSchemaName();
    const a = await startTestServer({ databaseUrl: POSTGRES_URL }, { databaseSchema, trustProxy: 1 });
    const b = await startTestServer({ databaseUrl: POSTGRES_URL }, { databaseSchema, trustProxy: 1 });
    try {
      const email = await a.addAccount();
      const attacker = newAddress();
      for (const server of [a, b, a, b, a]) expect((await from(server, attacker).signIn(email, { password: 'nope' })).status).toBe(401);
      for (const server of [b, a]) await expectError(await from(server, attacker).signIn(email), 429, 'rate_limited');
      expect((await from(b, newAddress()).signIn(email)).status).toBe(204);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describePostgres('reference server on PostgreSQL only: the database behind a TCP proxy the test controls', () => {
  const dbTimeoutMs = 1000;
  let proxy: TcpProxy;
  let server: TestServer;
  beforeAll(async () => {
    proxy = await startTcpProxy(POSTGRES_URL!);
    server = await startTestServer({ databaseUrl: proxy.url }, { dbTimeoutMs });
  });
  afterAll(async () => {
    await proxy?.setMode('forward');
    await server?.close();
    await proxy?.close();
  });

  /** Answers 503 unavailable with Retry-After, within the timeout (plus a second for a loaded machine). */
  async function expectUnavailable(call: () => Promise<Response>) {
    const started = Date.now();
    const response = await call();
    expect(Date.now() - started).toBeLessThan(dbTimeoutMs + 1000);
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
    await expectError(response, 503, 'unavailable');
  }

  for (const mode of ['refuse', 'silent'] as const) {
    it(`${mode === 'refuse' ? 'refuses connections' : 'accepts connections and never answers'}: 503 with Retry-After within DB_TIMEOUT_MS, never 500, recovery when it returns, no logout lost`, async () => {
      const email = await server.addAccount();
      const me = await new Browser(server).signedIn(email);
      const before = await new Browser(server, UA.safariIphone).signedIn(email);
      const during = await new Browser(server, UA.firefoxLinux).signedIn(email);
      const [beforeId, duringId] = [await before.currentRowId(), await during.currentRowId()];
      expect((await me.logOut(beforeId)).status).toBe(204);

      await proxy.setMode(mode);
      await expectUnavailable(() => me.list());
      await expectUnavailable(() => me.logOut(duringId));
      await expectUnavailable(() => me.logOutAll());
      await expectUnavailable(() => new Browser(server).signIn(email));

      await proxy.setMode('forward');
      const recovered = Date.now() + 10_000;
      while ((await me.list()).status !== 200 && Date.now() < recovered) await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await me.list()).status).toBe(200);
      // The logout accepted before the outage still holds; the one refused during it is accepted now.
      await expectError(await before.list(), 401, 'unauthorized');
      expect((await me.logOut(duringId)).status).toBe(204);
      await expectError(await during.list(), 401, 'unauthorized');
      expect(server.errors.length).toBeGreaterThan(0);
      expect(server.errors.every((error) => error instanceof DatabaseUnavailable)).toBe(true);
    });
  }
});
