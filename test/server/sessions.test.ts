// The REST contract on the reference server, over HTTP: the list, logging out one row (a device,
// across apps), trusted devices, Log out of all sessions, account scoping, CSRF, propagation (B9)
// and the place from CDN headers; and the package's own fetch client against it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchSessionsClient } from '../../src/client/createFetchSessionsClient';
import { Browser, DATABASES, expectContractRows, expectError, startTestServer, UA, type TestServer } from './harness';

describe.each(DATABASES)('reference server on $name: the sessions API', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  describe('GET /api/sessions', () => {
    it("lists one row per device, the caller's marked current, with device text from the User-Agent, as the contract says", async () => {
      const email = await server.addAccount();
      const mac = await new Browser(server, UA.chromeMac).signedIn(email);
      await new Browser(server, UA.safariIphone).signedIn(email, { app: 'codex' });
      await new Browser(server, UA.safariIpad).signedIn(email, { app: 'api_platform' });
      await new Browser(server, '').signedIn(email);

      const response = await mac.list();
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { sessions: unknown[] };
      expectContractRows(body);
      const rows = body.sessions as { is_current: boolean; apps: string[]; device?: object }[];
      expect(rows).toHaveLength(4);
      expect(rows.filter((row) => row.is_current)).toEqual([
        expect.objectContaining({ apps: ['chatgpt'], device: { browser: 'Chrome', os: 'macOS', type: 'desktop' } }),
      ]);
      expect(rows.map((row) => row.device)).toEqual(
        expect.arrayContaining([
          { browser: 'Safari', os: 'iOS', type: 'mobile' },
          { browser: 'Safari', os: 'iOS', type: 'tablet' },
          // No User-Agent: no device detail at all (B2), never nulls.
          undefined,
        ]),
      );
      // Newest sign-in first.
      const times = (body.sessions as { signed_in_at: string }[]).map((row) => Date.parse(row.signed_in_at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('ignores X-Geo-* headers unless the server trusts them (TRUST_GEO_HEADERS=1)', async () => {
      const browser = await new Browser(server).signedIn(await server.addAccount(), {
        headers: { 'X-Geo-City': 'Gdansk', 'X-Geo-Country': 'PL' },
      });
      expect((await browser.rows())[0]).not.toHaveProperty('location');
    });
  });

  describe('DELETE /api/sessions/{id}', () => {
    it("logs out another row: 204, that session's next request is refused (401), the same id again answers 404", async () => {
      const email = await server.addAccount();
      const me = await new Browser(server).signedIn(email);
      const other = await new Browser(server, UA.firefoxLinux).signedIn(email);
      const otherId = await other.currentRowId();

      expect((await me.logOut(otherId)).status).toBe(204);
      await expectError(await other.list(), 401, 'unauthorized');
      expect((await me.rows()).map((row) => row.id)).not.toContain(otherId);
      await expectError(await me.logOut(otherId), 404, 'not_found');
      // The caller is untouched.
      expect((await me.rows()).map((row) => row.is_current)).toEqual([true]);
    });

    it('refuses the current row with 409 current_session and ends nothing (B3)', async () => {
      const me = await new Browser(server).signedIn(await server.addAccount());
      await expectError(await me.logOut(await me.currentRowId()), 409, 'current_session');
      expect((await me.list()).status).toBe(200);
    });

    it('answers 404 for ids that are no row: unknown, malformed, dot-segments', async () => {
      const me = await new Browser(server).signedIn(await server.addAccount());
      for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'not a row', "x' or '1'='1", '%2E', 'a'.repeat(200)]) {
        await expectError(
          await me.request('DELETE', `/api/sessions/${encodeURIComponent(id)}?remove_trusted_device=false`),
          404,
          'not_found',
        );
      }
    });

    it('answers 400 for a remove_trusted_device that is missing or not true or false, and ends nothing', async () => {
      const email = await server.addAccount();
      const me = await new Browser(server).signedIn(email);
      const other = await new Browser(server).signedIn(email);
      const id = await other.currentRowId();
      await expectError(await me.request('DELETE', `/api/sessions/${id}?remove_trusted_device=yes`), 400, 'invalid_request');
      await expectError(await me.request('DELETE', `/api/sessions/${id}`), 400, 'invalid_request');
      expect((await other.list()).status).toBe(200);
    });

    it('treats a browser signed in to several apps as one row listing each, and logging it out ends every one of them', async () => {
      const email = await server.addAccount();
      const me = await new Browser(server).signedIn(email);
      const laptop = await new Browser(server, UA.firefoxLinux).signedIn(email, { app: 'chatgpt' });
      const chatgpt = laptop.clone();
      // The other apps sign in from the same browser (its device_id) without the chatgpt session's sid,
      // as apps on their own origins do: signing in again with a live sid would end that session.
      laptop.cookies.delete('sid');
      await laptop.signedIn(email, { app: 'codex' });
      await laptop.signedIn(email, { app: 'codex' });

      const rows = await me.rows();
      expect(rows).toHaveLength(2);
      const laptopRow = rows.find((row) => !row.is_current)!;
      expect(laptopRow.apps).toEqual(['chatgpt', 'codex']);
      expect(laptopRow.device).toEqual({ browser: 'Firefox', os: 'Linux', type: 'desktop' });

      expect((await me.logOut(laptopRow.id)).status).toBe(204);
      await expectError(await laptop.list(), 401, 'unauthorized');
      await expectError(await chatgpt.list(), 401, 'unauthorized');
      expect(await me.rows()).toHaveLength(1);
    });
  });

  describe('trusted devices', () => {
    it('keeps the trust with remove_trusted_device=false and forgets it with true, as seen when the device signs in again', async () => {
      const email = await server.addAccount();
      const me = await new Browser(server).signedIn(email);
      const phone = await new Browser(server, UA.safariIphone).signedIn(email, { trustDevice: true });
      const rowOf = async () => (await me.rows()).find((row) => !row.is_current)!;
      expect((await rowOf()).is_trusted).toBe(true);

      expect((await me.logOut((await rowOf()).id, false)).status).toBe(204);
      await expectError(await phone.list(), 401, 'unauthorized');
      await phone.signedIn(email);
      expect((await rowOf()).is_trusted).toBe(true);

      expect((await me.logOut((await rowOf()).id, true)).status).toBe(204);
      await expectError(await phone.list(), 401, 'unauthorized');
      await phone.signedIn(email);
      expect((await rowOf()).is_trusted).toBe(false);
    });
  });

  describe('POST /api/sessions/logout_all', () => {
    it("answers 202 {completes_by} and every session of the account is refused afterwards, the caller's too; another account's are untouched", async () => {
      const email = await server.addAccount();
      const me = await new Browser(server).signedIn(email);
      const laptop = await new Browser(server, UA.firefoxLinux).signedIn(email, { app: 'codex' });
      const phone = await new Browser(server, UA.safariIphone).signedIn(email, { trustDevice: true });
      const bob = await new Browser(server).signedIn('bob@example.com');

      const before = Date.now();
      const response = await me.logOutAll();
      expect(response.status).toBe(202);
      const body = (await response.json()) as { completes_by: string };
      expect(Object.keys(body)).toEqual(['completes_by']);
      expect(body.completes_by).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(Date.parse(body.completes_by)).toBeGreaterThanOrEqual(before - 1000);

      for (const browser of [me, laptop, phone]) await expectError(await browser.list(), 401, 'unauthorized');
      expect((await bob.list()).status).toBe(200);
      // Signing in again works, and the old sessions are not listed (B11).
      expect(await (await me.signedIn(email)).rows()).toHaveLength(1);
    });
  });

  describe('scoping between accounts', () => {
    it("never lists another account's rows, and a DELETE of one answers 404 and ends nothing (trust included)", async () => {
      const ada = await new Browser(server).signedIn('ada@example.com');
      const adaPhone = await new Browser(server, UA.safariIphone).signedIn('ada@example.com', { trustDevice: true });
      const bob = await new Browser(server).signedIn('bob@example.com');
      const adaIds = (await ada.rows()).map((row) => row.id);
      const phoneId = await adaPhone.currentRowId();

      const bobIds = (await bob.rows()).map((row) => row.id);
      expect(bobIds.filter((id) => adaIds.includes(id))).toEqual([]);

      for (const remove of [false, true]) await expectError(await bob.logOut(phoneId, remove), 404, 'not_found');
      expect((await adaPhone.list()).status).toBe(200);
      expect((await ada.rows()).find((row) => row.id === phoneId)).toMatchObject({ is_trusted: true });
      // Bob's own rows are unchanged too.
      expect((await bob.rows()).map((row) => row.id)).toEqual(bobIds);
    });
  });

  describe('CSRF', () => {
    it('refuses DELETE and logout_all without the X-CSRF-Token header, with a wrong one, or with another session’s: 403 csrf, nothing ended', async () => {
      const email = await server.addAccount();
      const me = await new Browser(server).signedIn(email);
      const other = await new Browser(server, UA.firefoxLinux).signedIn(email);
      const otherId = await other.currentRowId();

      const attempts = [
        { withCsrf: false },
        { headers: { 'X-CSRF-Token': 'AAAAAAAAAAAAAAAAAAAAAA' } },
        { headers: { 'X-CSRF-Token': `${me.csrfToken}x` } },
        // A valid token of another session of the same account is still not this session's.
        { headers: { 'X-CSRF-Token': other.csrfToken! } },
      ];
      for (const options of attempts) {
        await expectError(await me.logOut(otherId, true, options), 403, 'csrf');
        await expectError(await me.logOutAll(options), 403, 'csrf');
      }
      expect((await other.list()).status).toBe(200);
      expect((await me.rows()).map((row) => row.id)).toContain(otherId);
    });
  });

  describe('the package’s fetch client against the server', () => {
    it('lists, logs out another row (twice: 404 is success), is refused the current one, and logs out all', async () => {
      const email = await server.addAccount();
      const me = await new Browser(server).signedIn(email);
      await new Browser(server, UA.safariIphone).signedIn(email, { app: 'codex' });
      const client = createFetchSessionsClient({ baseUrl: `${server.url}/api`, fetch: me.fetch });
      const signal = new AbortController().signal;

      const result = await client.listSessions({ signal });
      expect(result).toMatchObject({ availability: 'available', skipped: 0 });
      if (result.availability !== 'available') throw new Error('unreachable');
      const [current, phone] = [result.sessions.find((s) => s.isCurrent)!, result.sessions.find((s) => !s.isCurrent)!];
      expect(phone).toMatchObject({ apps: ['codex'], device: { browser: 'Safari', os: 'iOS', type: 'mobile' }, status: 'active' });

      await client.logOutSession(phone.id, { removeTrustedDevice: false });
      await client.logOutSession(phone.id, { removeTrustedDevice: false });
      await expect(client.logOutSession(current.id, { removeTrustedDevice: false })).rejects.toMatchObject({ code: 'refused' });
      expect(await client.logOutAllSessions()).toEqual({ completesBy: expect.any(String) as string });
      await expect(client.listSessions({ signal })).rejects.toMatchObject({ code: 'unauthorized' });

      const sso = await new Browser(server).signedIn('sso@example.com');
      const ssoClient = createFetchSessionsClient({ baseUrl: `${server.url}/api`, fetch: sso.fetch });
      expect(await ssoClient.listSessions({ signal })).toEqual({ availability: 'unavailable', reason: 'sso' });
    });
  });
});

describe.each(DATABASES)('reference server on $name with PROPAGATION_MS and TRUST_GEO_HEADERS', (database) => {
  const propagationMs = 2500;
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { propagationMs, trustGeoHeaders: true });
  });
  afterAll(() => server?.close());

  it('B9: a logged-out row stays listed for PROPAGATION_MS while its token is refused at once, then is gone', async () => {
    const email = await server.addAccount();
    const me = await new Browser(server).signedIn(email);
    const other = await new Browser(server, UA.firefoxLinux).signedIn(email);
    const otherId = await other.currentRowId();

    const sentAt = Date.now();
    expect((await me.logOut(otherId)).status).toBe(204);
    await expectError(await other.list(), 401, 'unauthorized');
    // A second DELETE of it is "already gone", even while it is still listed.
    await expectError(await me.logOut(otherId), 404, 'not_found');
    const listedIds = (await me.rows()).map((row) => row.id);
    const listedBy = Date.now();
    // The server's window starts after the DELETE was sent, so a list answered before then must show the row.
    if (listedBy < sentAt + propagationMs) expect(listedIds).toContain(otherId);

    let goneAt: number | undefined;
    while (goneAt === undefined && Date.now() < sentAt + propagationMs + 15_000) {
      const rows = await me.rows();
      // The server read its clock somewhere between sending this list and its answer arriving: only the
      // arrival is known to be no earlier than that read (the request's own send time may precede it).
      const answeredAt = Date.now();
      if (!rows.some((row) => row.id === otherId)) goneAt = answeredAt;
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(goneAt, 'the row is gone once the window is over').toBeDefined();
    expect(goneAt! - sentAt).toBeGreaterThanOrEqual(propagationMs);
  });

  it('answers logout_all with completes_by at the end of the propagation window', async () => {
    const me = await new Browser(server).signedIn(await server.addAccount());
    const before = Date.now();
    const response = await me.logOutAll();
    const after = Date.now();
    expect(response.status).toBe(202);
    const completesBy = Date.parse(((await response.json()) as { completes_by: string }).completes_by);
    expect(completesBy).toBeGreaterThanOrEqual(before + propagationMs - 1000);
    expect(completesBy).toBeLessThanOrEqual(after + propagationMs + 1000);
  });

  it('shows the approximate place from X-Geo-City, X-Geo-Region and X-Geo-Country (percent-encoded as CDNs send them)', async () => {
    const browser = await new Browser(server).signedIn(await server.addAccount(), {
      headers: { 'X-Geo-City': 'S%C3%A3o%20Paulo', 'X-Geo-Region': 'SP', 'X-Geo-Country': 'BR' },
    });
    const body = (await (await browser.list()).json()) as { sessions: { location?: unknown }[] };
    expectContractRows(body);
    expect(body.sessions[0]?.location).toEqual({ city: 'São Paulo', region: 'SP', country: 'BR' });
  });
});
