// End to end: the demo page (the section built from dist/) against the reference server on PGlite,
// in Debian's Chromium. Each browser context is one device of ada's: its own cookies (device_id),
// User-Agent and approximate place (X-Geo-* headers, as a CDN sets them). Nothing is mocked.
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumLaunchOptions } from '../../scripts/chromium.ts';
import { ensureDemoBuilt } from '../../server/build';
import { SEEDED_PASSWORD, startServer, type RunningServer } from '../../server/index';

if (!existsSync(CHROMIUM_PATH)) {
  throw new Error(
    `Chromium is missing at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` or \`bash .ci/run\` (CHROMIUM_PATH names another).`,
  );
}

type Device = { userAgent: string; geo: Record<string, string>; label: string; place: string };

const DEVICES = {
  mac: {
    label: 'Chrome on macOS',
    place: 'Warsaw',
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    geo: { 'X-Geo-City': 'Warsaw', 'X-Geo-Country': 'PL' },
  },
  windows: {
    label: 'Firefox on Windows',
    place: 'Berlin',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    geo: { 'X-Geo-City': 'Berlin', 'X-Geo-Country': 'DE' },
  },
  iphone: {
    label: 'Safari on iOS',
    place: 'Austin',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    geo: { 'X-Geo-City': 'Austin', 'X-Geo-Region': 'Texas', 'X-Geo-Country': 'US' },
  },
} satisfies Record<string, Device>;

let browser: Browser;
const contexts: BrowserContext[] = [];
/** Uncaught errors of any page: a page that throws shows nothing, and should fail with why. */
const pageErrors: string[] = [];

afterEach(() => {
  expect(pageErrors.splice(0), 'uncaught errors in the demo page').toEqual([]);
});

beforeAll(async () => {
  await ensureDemoBuilt(() => {});
  browser = await chromium.launch(chromiumLaunchOptions);
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/** A new device: a browser context with its own cookies, User-Agent and place. */
async function openDevice(server: RunningServer, device: Device): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.url,
    userAgent: device.userAgent,
    extraHTTPHeaders: device.geo,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'Europe/Warsaw',
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${device.label}: ${error.message}`));
  return page;
}

/** Signs in through the demo page's form, as a person does. */
async function signIn(page: Page, email: string, { trust = false } = {}) {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(SEEDED_PASSWORD);
  if (trust) await page.getByLabel('Trust this device').check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Active sessions' }).waitFor();
}

function rows(page: Page) {
  return page.locator('[data-slot="session-row"]');
}

function row(page: Page, device: Device) {
  return rows(page).filter({ hasText: device.label });
}

/** The page shows the sign-in form again, and the server refuses this context's cookies. */
async function expectSignedOut(page: Page) {
  await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible(), { timeout: 15_000 }).toBe(true);
  expect(await page.getByRole('heading', { name: 'Active sessions' }).count()).toBe(0);
  const answer = await page.context().request.get('/api/sessions');
  expect(answer.status()).toBe(401);
}

/** Log out on a row, then the confirm button of its modal; resolves with the DELETE sent. */
async function logOutRow(page: Page, device: Device, confirm: 'Log out' | 'Log out and remove') {
  await page.getByRole('button', { name: `Log out ${device.label}` }).click();
  const dialog = page.getByRole('dialog', { name: `Log out ${device.label}?` });
  await dialog.waitFor();
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'DELETE'),
    dialog.getByRole('button', { name: confirm, exact: true }).click(),
  ]);
  const response = await request.response();
  return { url: new URL(request.url()), status: response?.status() };
}

/** The pages of the first test's three devices, in the order they were opened: mac, windows, iphone. */
function firstThreeDevices(): [Page, Page, Page] {
  const [mac, windows, iphone] = contexts.map((context) => context.pages()[0]);
  if (!mac || !windows || !iphone) throw new Error('the first test opens three devices; run the file as a whole');
  return [mac, windows, iphone];
}

async function closeContexts() {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
}

describe('the section against the reference server (PGlite), in Chromium', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ port: 0, trustGeoHeaders: true, logError: () => {} });
  }, 60_000);

  afterAll(async () => {
    await closeContexts();
    await server?.close();
  });

  it('lists every device ada is signed in on, her own first and marked current, and logs one out for real', async () => {
    const mac = await openDevice(server, DEVICES.mac);
    const windows = await openDevice(server, DEVICES.windows);
    const iphone = await openDevice(server, DEVICES.iphone);
    await signIn(windows, 'ada@example.com');
    await signIn(iphone, 'ada@example.com', { trust: true });
    await signIn(mac, 'ada@example.com');

    await expect.poll(() => rows(mac).count()).toBe(3);
    const first = rows(mac).first();
    await expect.poll(() => first.textContent()).toContain(DEVICES.mac.label);
    expect(await first.textContent()).toContain('CURRENT SESSION');
    expect(await first.textContent()).toContain(`${DEVICES.mac.place}, Poland (approximate)`);
    expect(await row(mac, DEVICES.windows).textContent()).toContain('Berlin, Germany (approximate)');
    expect(await row(mac, DEVICES.iphone).textContent()).toContain('Trusted device');
    expect(await row(mac, DEVICES.windows).textContent()).not.toContain('CURRENT SESSION');
    // B3: no Log out on the current row.
    expect(await mac.getByRole('button', { name: `Log out ${DEVICES.mac.label}` }).count()).toBe(0);

    const sent = await logOutRow(mac, DEVICES.windows, 'Log out');
    expect(sent.status).toBe(204);
    expect(sent.url.searchParams.get('remove_trusted_device')).toBe('false');
    await row(mac, DEVICES.windows).waitFor({ state: 'detached' });
    expect(await rows(mac).count()).toBe(2);

    // The logged-out device's next request is refused, and its page shows it is signed out.
    const refused = windows.waitForResponse((r) => r.url().endsWith('/api/sessions') && r.request().method() === 'GET');
    await windows.reload();
    expect((await refused).status()).toBe(401);
    await expectSignedOut(windows);
    // The device that did it is still signed in.
    expect((await mac.context().request.get('/api/sessions')).status()).toBe(200);
  });

  it('a trusted device logged out ("Log out and remove") is no longer trusted when it signs in again', async () => {
    const [mac, , iphone] = firstThreeDevices();
    expect(await row(mac, DEVICES.iphone).textContent()).toContain('Trusted device');

    const sent = await logOutRow(mac, DEVICES.iphone, 'Log out and remove');
    expect(sent.status).toBe(204);
    expect(sent.url.searchParams.get('remove_trusted_device')).toBe('true');
    await row(mac, DEVICES.iphone).waitFor({ state: 'detached' });
    await iphone.reload();
    await expectSignedOut(iphone);

    // The same browser (same device_id cookie) signs in again without asking to be trusted.
    await signIn(iphone, 'ada@example.com');
    await mac.reload();
    await row(mac, DEVICES.iphone).waitFor();
    expect(await row(mac, DEVICES.iphone).textContent()).not.toContain('Trusted device');
    expect(await rows(mac).count()).toBe(2);
  });

  it('Log out of all sessions signs out every device, the one that asked included', async () => {
    const [mac, windows, iphone] = firstThreeDevices();
    await signIn(windows, 'ada@example.com');
    await mac.reload();
    await expect.poll(() => rows(mac).count()).toBe(3);

    await mac.getByRole('button', { name: 'Log out all' }).click();
    const dialog = mac.getByRole('dialog', { name: 'Log out of all devices?' });
    await dialog.waitFor();
    const [request] = await Promise.all([
      mac.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/sessions/logout_all')),
      dialog.getByRole('button', { name: 'Log out of all devices' }).click(),
    ]);
    expect((await request.response())?.status()).toBe(202);

    // onSignedOut: the demo page goes back to its sign-in form.
    await expectSignedOut(mac);
    for (const page of [windows, iphone]) {
      await page.reload();
      await expectSignedOut(page);
    }
  });

  it('bob never sees ada’s devices, and the SSO account gets the calm unavailable state', async () => {
    const bob = await openDevice(server, DEVICES.windows);
    await signIn(bob, 'bob@example.com');
    await expect.poll(() => rows(bob).count()).toBe(1);
    expect(await rows(bob).first().textContent()).toContain('CURRENT SESSION');

    const sso = await openDevice(server, DEVICES.mac);
    await signIn(sso, 'sso@example.com');
    await sso.getByText("Active sessions isn't available for this account").waitFor();
    await sso.getByText(/accounts linked to an organization's SSO sign-in/).waitFor();
    expect(await sso.getByRole('alert').count()).toBe(0);
    expect(await sso.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    expect(await rows(sso).count()).toBe(0);
  });
});

describe('with PROPAGATION_MS, a logged-out device stays listed for a while (B9)', () => {
  const PROPAGATION_MS = 6_000;
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ port: 0, propagationMs: PROPAGATION_MS, trustGeoHeaders: true, logError: () => {} });
  }, 60_000);

  afterAll(async () => {
    await closeContexts();
    await server?.close();
  });

  it('reads as signing out until Refresh after the window', async () => {
    const mac = await openDevice(server, DEVICES.mac);
    const windows = await openDevice(server, DEVICES.windows);
    await signIn(windows, 'ada@example.com');
    await signIn(mac, 'ada@example.com');
    await expect.poll(() => rows(mac).count()).toBe(2);

    const sent = await logOutRow(mac, DEVICES.windows, 'Log out');
    const acceptedAt = Date.now();
    expect(sent.status).toBe(204);

    const lingering = row(mac, DEVICES.windows);
    await expect.poll(() => lingering.getAttribute('data-state')).toBe('signing-out');
    expect(await lingering.textContent()).toContain('Signing out');
    await mac.getByText('1 session is still signing out').waitFor();
    // Its token is refused at once; only the listing lingers.
    expect((await windows.context().request.get('/api/sessions')).status()).toBe(401);

    // Within the window, Refresh still lists it as signing out.
    await mac.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => mac.getByRole('button', { name: 'Refreshing…' }).count()).toBe(0);
    if (Date.now() - acceptedAt < PROPAGATION_MS) {
      expect(await lingering.getAttribute('data-state')).toBe('signing-out');
    }

    // After the window, Refresh shows it gone.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, PROPAGATION_MS - (Date.now() - acceptedAt)) + 200));
    await mac.getByRole('button', { name: 'Refresh' }).click();
    await lingering.waitFor({ state: 'detached' });
    expect(await rows(mac).count()).toBe(1);
    expect(await rows(mac).first().textContent()).toContain('CURRENT SESSION');
  });
});
