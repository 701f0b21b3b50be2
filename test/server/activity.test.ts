// B12, B14 and B16 on the reference server, over HTTP: last seen (written at most once a minute)
// listed as last_active_at, the idle timeout, the reason kept with an ended session, and
// re-authentication before a logout (REAUTH_MAX_AGE_MS, POST /auth/reauthenticate).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, DATABASES, expectError, PASSWORD, startTestServer, UA, type TestServer } from './harness';

/** Moves one column of every session of the browser's device back in time. */
async function backdate(server: TestServer, browser: Browser, column: 'last_seen_at' | 'password_checked_at', ms: number) {
  const rowId = await browser.currentRowId();
  await server.store.query(`update sessions set ${column} = now() - make_interval(secs => $2::float8 / 1000) where device_id = $1`, [
    rowId,
    ms,
  ]);
}

const rowOf = async (reader: Browser, device: Browser) => {
  const id = await device.currentRowId();
  return (await reader.rows()).find((row) => row.id === id)!;
};

describe.each(DATABASES)('reference server on $name: last active (B12)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  it('lists last_active_at, at first the sign-in time, and writes it at most once a minute', async () => {
    const email = await server.addAccount();
    const me = await new Browser(server).signedIn(email);
    const phone = await new Browser(server, UA.safariIphone).signedIn(email);
    const fresh = await rowOf(me, phone);
    expect(fresh.last_active_at).toBe(fresh.signed_in_at);

    // Seen 30 s ago: a request now does not write it again.
    await backdate(server, phone, 'last_seen_at', 30_000);
    const before = (await rowOf(me, phone)).last_active_at!;
    expect((await phone.list()).status).toBe(200);
    expect((await rowOf(me, phone)).last_active_at).toBe(before);

    // Seen 61 s ago: the next request records now.
    await backdate(server, phone, 'last_seen_at', 61_000);
    const asked = Date.now();
    expect((await phone.list()).status).toBe(200);
    const after = Date.parse((await rowOf(me, phone)).last_active_at!);
    expect(after).toBeGreaterThanOrEqual(asked - 1000);
    expect(after).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("shows the device's newest last seen across its apps, and never a time before its sign-in", async () => {
    const email = await server.addAccount();
    const me = await new Browser(server).signedIn(email);
    const laptop = await new Browser(server, UA.firefoxLinux).signedIn(email, { app: 'chatgpt' });
    const chatgpt = laptop.clone();
    laptop.cookies.delete('sid');
    await laptop.signedIn(email, { app: 'codex' });
    const deviceId = await laptop.currentRowId();
    // Read by the other browser only: a request of the laptop's own would be seen.
    const row = async () => (await me.rows()).find((r) => r.id === deviceId)!;
    await server.store.query(`update sessions set last_seen_at = signed_in_at - interval '1 hour' where device_id = $1`, [deviceId]);
    const early = await row();
    expect(early.last_active_at).toBe(early.signed_in_at);

    await server.store.query(
      `update sessions set last_seen_at = now() - interval '2 minutes', signed_in_at = now() - interval '3 hours' where device_id = $1`,
      [deviceId],
    );
    expect(Date.now() - Date.parse((await row()).last_active_at!)).toBeGreaterThan(100_000);
    await chatgpt.list(); // the chatgpt session is seen now; the codex one stays 2 minutes ago
    expect(Date.now() - Date.parse((await row()).last_active_at!)).toBeLessThan(30_000);
  });
});

describe.each(DATABASES)('reference server on $name with IDLE_TIMEOUT_MS', (database) => {
  const idleTimeoutMs = 1600;
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { idleTimeoutMs });
  });
  afterAll(() => server?.close());

  it('ends a session unused that long (401, no longer listed), while one in use never times out', async () => {
    const email = await server.addAccount();
    const busy = await new Browser(server).signedIn(email);
    const idle = await new Browser(server, UA.safariIphone).signedIn(email);
    const idleId = await idle.currentRowId();
    const until = Date.now() + 2.5 * idleTimeoutMs;
    while (Date.now() < until) {
      // Last seen is written every quarter of the timeout, so a session used this often stays live.
      expect((await busy.list()).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect((await busy.rows()).map((row) => row.id)).not.toContain(idleId);
    await expectError(await idle.list(), 401, 'unauthorized');
  });
});

describe.each(DATABASES)('reference server on $name: reason=unrecognized (B14)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  const reasonsOf = (deviceId: string) =>
    server.store.query<{ reason: string | null }>(`select end_reason as reason from sessions where device_id = $1`, [deviceId]);

  it('stores the reason with the ended sessions, and ends them exactly as a DELETE without it', async () => {
    const email = await server.addAccount();
    const me = await new Browser(server).signedIn(email);
    const outcomes = [];
    for (const reason of ['&reason=unrecognized', '']) {
      const phone = await new Browser(server, UA.safariIphone).signedIn(email, { trustDevice: true });
      const id = await phone.currentRowId();
      const path = `/api/sessions/${id}?remove_trusted_device=true${reason}`;
      const first = (await me.request('DELETE', path)).status;
      const refused = (await phone.list()).status;
      const listed = (await me.rows()).some((row) => row.id === id);
      const again = (await me.request('DELETE', path)).status;
      await phone.signedIn(email);
      const trusted = (await rowOf(me, phone)).is_trusted;
      outcomes.push({ first, refused, listed, again, trusted });
      expect((await reasonsOf(id)).filter((row) => row.reason !== null).map((row) => row.reason)).toEqual(reason ? ['unrecognized'] : []);
    }
    expect(outcomes[0]).toEqual({ first: 204, refused: 401, listed: false, again: 404, trusted: false });
    expect(outcomes[1]).toEqual(outcomes[0]);
  });

  it('ends nothing with the reason either for the current row (409) or an unknown one (404)', async () => {
    const me = await new Browser(server).signedIn(await server.addAccount());
    await expectError(
      await me.request('DELETE', `/api/sessions/${await me.currentRowId()}?remove_trusted_device=false&reason=unrecognized`),
      409,
      'current_session',
    );
    await expectError(
      await me.request('DELETE', '/api/sessions/AAAAAAAAAAAAAAAAAAAAAA?remove_trusted_device=false&reason=unrecognized'),
      404,
      'not_found',
    );
    expect((await me.list()).status).toBe(200);
  });
});

describe.each(DATABASES)('reference server on $name with REAUTH_MAX_AGE_MS (B16)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { reauthMaxAgeMs: 60_000, trustProxy: 1 });
  });
  afterAll(() => server?.close());

  let address = 0;
  /** A browser behind the trusted proxy at an address of its own, so the limits of one test touch no other. */
  const newBrowser = (userAgent = UA.chromeMac) => new Browser(server, userAgent, { 'X-Forwarded-For': `198.51.100.${++address}` });
  const reauthenticate = (browser: Browser, password: string, options: { withCsrf?: boolean } = {}) =>
    browser.request('POST', '/auth/reauthenticate', { json: { password }, ...options });

  it('lets a session whose password check is recent log out; an older one gets 403 reauthentication_required and ends nothing', async () => {
    const email = await server.addAccount();
    const me = await newBrowser().signedIn(email);
    const phone = await newBrowser(UA.safariIphone).signedIn(email);
    const laptop = await newBrowser(UA.firefoxLinux).signedIn(email);
    expect((await me.logOut(await laptop.currentRowId())).status).toBe(204);

    await backdate(server, me, 'password_checked_at', 61_000);
    await expectError(await me.logOut(await phone.currentRowId()), 403, 'reauthentication_required');
    await expectError(await me.logOutAll(), 403, 'reauthentication_required');
    expect((await phone.list()).status).toBe(200);
    expect((await me.list()).status).toBe(200);
    // CSRF is still checked first.
    await expectError(await me.logOut(await phone.currentRowId(), false, { withCsrf: false }), 403, 'csrf');
  });

  it('POST /auth/reauthenticate: 204 with the password, then the logout goes through; only that session is refreshed', async () => {
    const email = await server.addAccount();
    const me = await newBrowser().signedIn(email);
    const phone = await newBrowser(UA.safariIphone).signedIn(email);
    const laptop = await newBrowser(UA.firefoxLinux).signedIn(email);
    for (const browser of [me, phone]) await backdate(server, browser, 'password_checked_at', 61_000);

    expect((await reauthenticate(me, PASSWORD)).status).toBe(204);
    expect((await me.logOut(await laptop.currentRowId())).status).toBe(204);
    await expectError(await laptop.list(), 401, 'unauthorized');
    // The phone, another session of the same account, was not refreshed.
    await expectError(await phone.logOut(await me.currentRowId()), 403, 'reauthentication_required');
  });

  it('refuses a wrong password (401 invalid_credentials), no CSRF header (403 csrf), no session (401), a body that is no password (400)', async () => {
    const me = await newBrowser().signedIn(await server.addAccount());
    await backdate(server, me, 'password_checked_at', 61_000);
    await expectError(await reauthenticate(me, 'not my password'), 401, 'invalid_credentials');
    await expectError(await reauthenticate(me, PASSWORD, { withCsrf: false }), 403, 'csrf');
    await expectError(await reauthenticate(newBrowser(), PASSWORD), 401, 'unauthorized');
    await expectError(await me.request('POST', '/auth/reauthenticate', { json: { password: 42 } }), 400, 'invalid_request');
    await expectError(await me.logOutAll(), 403, 'reauthentication_required');
  });

  it('is limited like sign-in, on the same counts: 429 with Retry-After past five failures, the right password too', async () => {
    const email = await server.addAccount();
    const me = await newBrowser().signedIn(email);
    await backdate(server, me, 'password_checked_at', 61_000);
    for (let i = 0; i < 3; i += 1) expect((await newBrowser().signIn(email, { password: 'nope' })).status).toBe(401);
    // Three failed sign-ins from other addresses do not count against this one.
    for (let i = 0; i < 5; i += 1) await expectError(await reauthenticate(me, `guess ${i}`), 401, 'invalid_credentials');
    for (const password of ['guess 6', PASSWORD]) {
      const limited = await reauthenticate(me, password);
      expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
      await expectError(limited, 429, 'rate_limited');
    }
    // Sign-in from the same address shares the count.
    await expectError(
      await new Browser(server, UA.chromeMac, { 'X-Forwarded-For': me.extraHeaders['X-Forwarded-For']! }).signIn(email),
      429,
      'rate_limited',
    );
    await expectError(await me.logOutAll(), 403, 'reauthentication_required');
  });
});

describe.each(DATABASES)('reference server on $name without REAUTH_MAX_AGE_MS', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server?.close());

  it('never asks: a session whose password check is a year old still logs out', async () => {
    const email = await server.addAccount();
    const me = await new Browser(server).signedIn(email);
    const phone = await new Browser(server, UA.safariIphone).signedIn(email);
    await backdate(server, me, 'password_checked_at', 365 * 24 * 60 * 60_000);
    expect((await me.logOut(await phone.currentRowId())).status).toBe(204);
    expect((await me.logOutAll()).status).toBe(202);
  });
});

describe.each(DATABASES)('reference server on $name with SEED_DEMO=1', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { seedDemo: true });
  });
  afterAll(() => server?.close());

  it("gives ada's other devices last-active times after their sign-ins, within the idle timeout, and one new sign-in of today", async () => {
    const rows = (await new Browser(server).signedIn('ada@example.com').then((ada) => ada.rows())).filter((row) => !row.is_current);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const hours = (iso: string) => (Date.now() - Date.parse(iso)) / 3_600_000;
    expect(
      rows.filter((row) => Date.parse(row.last_active_at!) - Date.parse(row.signed_in_at!) > 60 * 60_000).length,
    ).toBeGreaterThanOrEqual(4);
    expect(rows.every((row) => hours(row.last_active_at!) < 7 * 24)).toBe(true);
    expect(rows.filter((row) => hours(row.signed_in_at!) < 24 && hours(row.signed_in_at!) > 0.5)).toHaveLength(1);
    // One seen within minutes ("Active now"), others hours or days ago.
    expect(rows.some((row) => hours(row.last_active_at!) < 5 / 60)).toBe(true);
    expect(rows.some((row) => hours(row.last_active_at!) > 24)).toBe(true);
  });
});
