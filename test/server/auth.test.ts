// The reference server's sign-in and sign-out, over HTTP: cookies, wrong credentials, the rate
// limit, the SSO account and answers without a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { Browser, DATABASES, expectError, parseSetCookie, PASSWORD, startTestServer, type TestServer } from './harness';

describe.each(DATABASES)('reference server on $name: sign-in and sign-out', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  describe('given the right email and password', () => {
    it('answers 204 and sets sid (HttpOnly, SameSite=Lax, Path=/), csrf_token (readable) and a long-lived HttpOnly device_id', async () => {
      const response = await new Browser(server).signIn('ada@example.com');
      expect(response.status).toBe(204);
      const cookies = new Map(response.headers.getSetCookie().map((header) => [parseSetCookie(header).name, parseSetCookie(header)]));
      expect([...cookies.keys()].sort()).toEqual(['csrf_token', 'device_id', 'sid']);

      const sid = cookies.get('sid')!;
      expect(sid.attributes.get('httponly')).toBe(true);
      expect(sid.attributes.get('samesite')).toBe('Lax');
      expect(sid.attributes.get('path')).toBe('/');

      const csrf = cookies.get('csrf_token')!;
      expect(csrf.attributes.has('httponly')).toBe(false);
      expect(csrf.attributes.get('samesite')).toBe('Lax');
      expect(csrf.attributes.get('path')).toBe('/');

      const device = cookies.get('device_id')!;
      expect(device.attributes.get('httponly')).toBe(true);
      expect(device.attributes.get('path')).toBe('/');
      expect(Number(device.attributes.get('max-age'))).toBeGreaterThanOrEqual(365 * 24 * 60 * 60);

      // 128 random bits each, base64url, all different.
      for (const cookie of cookies.values()) expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(new Set([...cookies.values()].map((c) => c.value)).size).toBe(3);
      // Plain http on 127.0.0.1: not Secure (see server/README.md).
      for (const cookie of cookies.values()) expect(cookie.attributes.has('secure')).toBe(false);
    });

    it('never guesses Secure from the request: without PUBLIC_ORIGIN no cookie is Secure, even for https or a public host name', async () => {
      const app = createApp({ store: server.store });
      for (const url of ['https://127.0.0.1/auth/sign-in', 'http://accounts.example.com/auth/sign-in']) {
        const response = await app.request(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'bob@example.com', password: PASSWORD }),
        });
        expect(response.status).toBe(204);
        const cookies = response.headers.getSetCookie().map(parseSetCookie);
        expect(cookies.map((cookie) => cookie.name).sort()).toEqual(['csrf_token', 'device_id', 'sid']);
        for (const cookie of cookies) expect(cookie.attributes.has('secure'), `${cookie.name} at ${url}`).toBe(false);
      }
    });

    it('keeps the device_id a browser already has, so it stays the same device', async () => {
      const browser = await new Browser(server).signedIn('ada@example.com');
      const device = browser.cookies.get('device_id');
      const again = await browser.signIn('ada@example.com', { app: 'codex' });
      expect(again.status).toBe(204);
      expect(again.headers.getSetCookie().map((h) => parseSetCookie(h).name)).not.toContain('device_id');
      expect(browser.cookies.get('device_id')).toBe(device);
    });

    it('signs in with the email in any case and surrounding spaces', async () => {
      expect((await new Browser(server).signIn('  Bob@Example.COM ')).status).toBe(204);
    });
  });

  describe('given wrong credentials', () => {
    it('answers 401 invalid_credentials and sets no cookie, for a wrong password and for an unknown email alike', async () => {
      for (const [email, password] of [
        ['bob@example.com', 'correct horse battery stapler'],
        ['nobody@example.com', PASSWORD],
      ]) {
        const response = await new Browser(server).signIn(email!, { password });
        expect(response.headers.getSetCookie()).toEqual([]);
        await expectError(response, 401, 'invalid_credentials');
      }
    });

    it('answers 400 for a body that is not a sign-in, and 415 for one that is not JSON', async () => {
      const browser = new Browser(server);
      for (const json of [
        { email: 'bob@example.com' },
        { email: 'bob@example.com', password: PASSWORD, app: 'solitaire' },
        { email: 'bob@example.com', password: PASSWORD, trust_device: 'yes' },
        [1],
      ]) {
        await expectError(await browser.request('POST', '/auth/sign-in', { json }), 400, 'invalid_request');
      }
      // A cross-site HTML form can only send form encodings: refused, so no one can sign a browser in to their own account.
      const form = await fetch(`${server.url}/auth/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `email=bob%40example.com&password=${encodeURIComponent(PASSWORD)}`,
      });
      expect(form.headers.getSetCookie()).toEqual([]);
      await expectError(form, 415, 'invalid_request');
    });
  });

  describe('given repeated wrong passwords for one account', () => {
    it('answers 429 with Retry-After from the sixth attempt on, even with the right password, and leaves other accounts alone', async () => {
      const email = await server.addAccount('limited');
      const browser = new Browser(server);
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        await expectError(await browser.signIn(email, { password: `guess ${attempt}` }), 401, 'invalid_credentials');
      }
      for (const password of ['guess 6', PASSWORD]) {
        const limited = await browser.signIn(email, { password });
        const retryAfter = Number(limited.headers.get('Retry-After'));
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(15 * 60);
        expect(limited.headers.getSetCookie()).toEqual([]);
        await expectError(limited, 429, 'rate_limited');
      }
      // The limit is the account's: another account signs in from the same client.
      expect((await new Browser(server).signIn(await server.addAccount())).status).toBe(204);
    });

    it('counts failures per account: a right password before the limit starts the count again', async () => {
      const email = await server.addAccount('reset');
      const browser = new Browser(server);
      for (let round = 0; round < 2; round += 1) {
        for (let attempt = 1; attempt <= 4; attempt += 1) expect((await browser.signIn(email, { password: 'nope' })).status).toBe(401);
        expect((await browser.signIn(email)).status).toBe(204);
      }
    });
  });

  describe('sign-out', () => {
    it("ends the caller's session and clears its cookies; the browser's other sessions and device stay", async () => {
      const email = await server.addAccount();
      const other = await new Browser(server, undefined).signedIn(email);
      const browser = await new Browser(server).signedIn(email);
      const device = browser.cookies.get('device_id');
      const saved = browser.clone();

      const response = await browser.request('POST', '/auth/sign-out');
      expect(response.status).toBe(204);
      const cleared = response.headers.getSetCookie().map(parseSetCookie);
      expect(cleared.map((c) => [c.name, c.attributes.get('max-age')]).sort()).toEqual([
        ['csrf_token', '0'],
        ['sid', '0'],
      ]);
      expect(browser.cookies.get('device_id')).toBe(device);

      // The ended session's token is refused, even replayed from a saved copy of its cookies.
      await expectError(await saved.list(), 401, 'unauthorized');
      // B11: a signed-out session is never listed.
      const rows = await other.rows();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.is_current).toBe(true);
    });

    it('needs the CSRF header while the session is live: without it, 403 csrf and the session goes on', async () => {
      const browser = await new Browser(server).signedIn(await server.addAccount());
      await expectError(await browser.request('POST', '/auth/sign-out', { withCsrf: false }), 403, 'csrf');
      expect((await browser.list()).status).toBe(200);
    });

    it('answers 204 with no session (nothing to end)', async () => {
      expect((await new Browser(server).request('POST', '/auth/sign-out', { withCsrf: false })).status).toBe(204);
    });
  });

  describe('the SSO-linked account', () => {
    it('signs in, but every sessions call answers 403 sso_account (B7), and logs nothing out', async () => {
      const sso = await new Browser(server).signedIn('sso@example.com');
      const other = await new Browser(server, undefined).signedIn('sso@example.com');
      await expectError(await sso.list(), 403, 'sso_account');
      await expectError(await sso.logOut('AAAAAAAAAAAAAAAAAAAAAA'), 403, 'sso_account');
      await expectError(await sso.logOutAll(), 403, 'sso_account');
      await expectError(await other.list(), 403, 'sso_account');
    });
  });

  describe('without a session', () => {
    it('answers 401 unauthorized to every sessions call, with no cookie, a made-up one or a malformed one', async () => {
      const made = new Browser(server);
      made.cookies.set('sid', 'AAAAAAAAAAAAAAAAAAAAAA');
      const malformed = new Browser(server);
      malformed.cookies.set('sid', "'; drop table sessions; --");
      for (const browser of [new Browser(server), made, malformed]) {
        await expectError(await browser.list(), 401, 'unauthorized');
        await expectError(await browser.logOut('AAAAAAAAAAAAAAAAAAAAAA'), 401, 'unauthorized');
        await expectError(await browser.logOutAll(), 401, 'unauthorized');
      }
    });
  });
});
