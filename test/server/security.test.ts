// The reference server's security promises, each checked the way an attacker or an auditor would:
// what the database holds, what responses reveal, how they may be cached, what a failure shows.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DATABASES, expectError, PASSWORD, seen, startTestServer, UA, type TestServer } from './harness';

const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/;
// Eight groups, or a "::" abbreviation (::1, 2001:db8::7, ::ffff:…); times such as 01:43:56 are neither.
const IPV6 =
  /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?)(?![\w:])/i;

describe.each(DATABASES)('reference server on $name: security', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  it('stores no token as given: the sid, CSRF and device cookies appear nowhere in the database, only their SHA-256', async () => {
    const email = await server.addAccount();
    const browser = await new Browser(server).signedIn(email, { trustDevice: true });
    const tokens = ['sid', 'csrf_token', 'device_id'].map((name) => browser.cookies.get(name)!);

    // Every row of every table, as text (bytea as hex).
    const tables = await server.store.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = current_schema()`,
    );
    expect(tables.map((t) => t.name).sort()).toEqual(['accounts', 'devices', 'schema_migrations', 'sessions', 'sign_in_failures']);
    // A failed sign-in, so the limits table holds a row too: only hashes of its keys.
    await new Browser(server).signIn(email, { password: 'wrong' });
    let dump = '';
    for (const { name } of tables) {
      const rows = await server.store.query<{ row: string }>(`select t::text as row from ${name} t`);
      dump += rows.map((r) => r.row).join('\n');
    }
    expect(dump).toContain(email);
    for (const token of tokens) {
      const bytes = Buffer.from(token, 'base64url');
      for (const form of [token, Buffer.from(token).toString('hex'), bytes.toString('hex'), bytes.toString('base64')]) {
        expect(dump).not.toContain(form);
      }
      // What is there instead: the hash.
      expect(dump).toContain(createHash('sha256').update(token).digest('hex'));
    }
    // The limits' keys (account and client address) are kept as hashes too.
    const limits = (await server.store.query<{ row: string }>(`select t::text as row from sign_in_failures t`))
      .map((r) => r.row)
      .join('\n');
    expect(limits).not.toBe('');
    expect(limits).not.toContain(email);
    expect(limits).not.toMatch(IPV4);
    // Passwords too: only scrypt hashes.
    expect(dump).not.toContain(PASSWORD);
    const [account] = await server.store.query<{ hash: string }>(`select password_hash as hash from accounts where email = $1`, [email]);
    expect(account!.hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
  });

  it('never answers with an IP address, whatever the client or a proxy sends', async () => {
    const from = { 'X-Forwarded-For': '203.0.113.7, 10.0.0.1', 'X-Real-IP': '203.0.113.7', Forwarded: 'for="[2001:db8::1]"' };
    const email = await server.addAccount();
    const start = seen.length;
    const me = await new Browser(server, UA.chromeMac, from).signedIn(email);
    const phone = await new Browser(server, UA.safariIphone, from).signedIn(email, { trustDevice: true });
    await me.list();
    await me.logOut(await phone.currentRowId());
    await me.logOut('AAAAAAAAAAAAAAAAAAAAAA');
    await me.logOut(await me.currentRowId());
    await new Browser(server, UA.chromeMac, from).signIn(email, { password: 'wrong' });
    await me.logOutAll();
    await me.list();
    const responses = seen.slice(start);
    expect(responses.length).toBeGreaterThanOrEqual(10);
    for (const { method, path, headers, body } of responses) {
      const text = `${[...headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${body}`;
      expect(text, `${method} ${path}`).not.toMatch(IPV4);
      expect(text, `${method} ${path}`).not.toMatch(IPV6);
    }
  });

  it('answers every API and auth call with Cache-Control: no-store', async () => {
    const me = await new Browser(server).signedIn(await server.addAccount());
    const answers = [
      await me.signIn('bob@example.com', { password: 'wrong' }),
      await new Browser(server).signIn('bob@example.com'),
      await me.list(),
      await new Browser(server).list(),
      await me.logOut('AAAAAAAAAAAAAAAAAAAAAA'),
      await me.request('GET', '/api/nothing-here'),
      await me.logOutAll(),
      await me.request('POST', '/auth/sign-out'),
    ];
    for (const response of answers) expect(response.headers.get('Cache-Control'), response.url).toBe('no-store');
  });

  it('sends security headers with the page: a strict CSP, no framing, no sniffing, no referrer', async () => {
    const response = await fetch(`${server.url}/`);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers.get('X-Frame-Options')).toBe('DENY');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('answers an unknown route with a JSON 404 (under /api only once signed in: 401 tells a stranger nothing)', async () => {
    await expectError(await fetch(`${server.url}/nothing-here`), 404, 'not_found');
    await expectError(await fetch(`${server.url}/api/sessions/a/b`), 401, 'unauthorized');
    const me = await new Browser(server).signedIn(await server.addAccount());
    await expectError(await me.request('GET', '/api/sessions/a/b'), 404, 'not_found');
  });
});

describe.each(DATABASES)('reference server on $name: when the database fails', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  it('answers 500 {"error":{"code":"internal"}}: no stack trace, no SQL, no database message; the error goes to the log', async () => {
    const me = await new Browser(server).signedIn(await server.addAccount());
    // A real failure of the real database: the table every call reads is gone.
    await server.store.query('drop table sessions cascade');

    for (const response of [await me.list(), await me.logOutAll(), await me.signIn('bob@example.com')]) {
      expect(response.status).toBe(500);
      expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
      const text = await response.text();
      expect(text).toBe('{"error":{"code":"internal"}}');
    }
    // The server did see what went wrong: the database's own message, logged, not sent.
    expect(server.errors.length).toBe(3);
    expect(String(server.errors[0])).toMatch(/sessions/);
  });
});
