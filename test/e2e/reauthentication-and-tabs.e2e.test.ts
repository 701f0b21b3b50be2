// End to end, B16 and B17: the demo page against the reference server on PGlite, in Debian's Chromium.
// A server with a short REAUTH_MAX_AGE_MS asks for the password again before a logout, and the demo
// page's own prompt answers it; two pages of one browser context stay in step with no action of their own.
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumLaunchOptions } from '../../scripts/chromium.ts';
import { ensureDemoBuilt } from '../../server/build';
import { SEEDED_PASSWORD, startServer, type RunningServer, type StartServerOptions } from '../../server/index';

if (!existsSync(CHROMIUM_PATH)) {
  throw new Error(
    `Chromium is missing at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` or \`bash .ci/run\` (CHROMIUM_PATH names another).`,
  );
}

const MAC = {
  label: 'Chrome on macOS',
  userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};
const WINDOWS = {
  label: 'Firefox on Windows',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
};
type Device = typeof MAC;

let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  await ensureDemoBuilt(() => {});
  browser = await chromium.launch(chromiumLaunchOptions);
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(pageErrors.splice(0), 'uncaught errors in the demo page').toEqual([]);
});

/** A new device: a browser context with its own cookies and User-Agent. */
async function openDevice(server: RunningServer, device: Device): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: server.url,
    userAgent: device.userAgent,
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  return context;
}

async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

/** Signs in through the demo page's form, as a person does. */
async function signIn(page: Page, email = 'ada@example.com') {
  await page.goto('/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(SEEDED_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Active sessions' }).waitFor();
}

const rows = (page: Page) => page.locator('[data-slot="session-row"]');
const row = (page: Page, device: Device) => rows(page).filter({ hasText: device.label });

describe('B16: a server that asks for the password again before a logout', () => {
  const REAUTH_MAX_AGE_MS = 1_500;
  let server: RunningServer;

  beforeAll(async () => {
    // REAUTH_MAX_AGE_MS as startServer takes it (typed here too, so this file compiles before the server's option lands).
    const options: StartServerOptions & { reauthMaxAgeMs?: number } = { port: 0, reauthMaxAgeMs: REAUTH_MAX_AGE_MS, logError: () => {} };
    server = await startServer(options);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('asks through the demo page’s prompt once the sign-in is older than the age, and the row goes', async () => {
    const windows = await openPage(await openDevice(server, WINDOWS));
    const mac = await openPage(await openDevice(server, MAC));
    await signIn(windows);
    await signIn(mac);
    await expect.poll(() => rows(mac).count()).toBe(2);
    // Past the age: the next logout is refused until the reader proves it is them.
    await new Promise((resolve) => setTimeout(resolve, REAUTH_MAX_AGE_MS + 500));

    const deletes: number[] = [];
    mac.on('response', (response) => {
      if (response.request().method() === 'DELETE') deletes.push(response.status());
    });
    await mac.getByRole('button', { name: `Log out ${WINDOWS.label}` }).click();
    const confirm = mac.getByRole('dialog', { name: `Log out ${WINDOWS.label}?` });
    await confirm.getByRole('button', { name: 'Log out', exact: true }).click();

    const prompt = mac.getByRole('dialog', { name: 'Confirm it’s you' });
    await prompt.waitFor();
    // The section's modal stepped aside: the prompt is the one dialog, and its field has focus.
    await expect.poll(() => mac.getByRole('dialog').count()).toBe(1);
    const password = prompt.getByLabel('Password');
    await expect.poll(() => password.evaluate((element) => element === document.activeElement)).toBe(true);
    await password.fill(SEEDED_PASSWORD);
    const [reauthenticated] = await Promise.all([
      mac.waitForResponse((response) => response.url().endsWith('/auth/reauthenticate')),
      prompt.getByRole('button', { name: 'Confirm' }).click(),
    ]);
    expect(reauthenticated.status()).toBe(204);

    await row(mac, WINDOWS).waitFor({ state: 'detached' });
    // The same DELETE once more after the prompt: refused, then accepted.
    expect(deletes).toEqual([403, 204]);
    expect(await mac.getByRole('dialog').count()).toBe(0);
    expect((await windows.context().request.get('/api/sessions')).status()).toBe(401);
  });

  it('changes nothing when the reader cancels the prompt', async () => {
    // Another account, so the first test's devices are not listed.
    const windows = await openPage(await openDevice(server, WINDOWS));
    const mac = await openPage(await openDevice(server, MAC));
    await signIn(windows, 'bob@example.com');
    await signIn(mac, 'bob@example.com');
    await expect.poll(() => rows(mac).count()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, REAUTH_MAX_AGE_MS + 500));

    await mac.getByRole('button', { name: `Log out ${WINDOWS.label}` }).click();
    await mac
      .getByRole('dialog', { name: `Log out ${WINDOWS.label}?` })
      .getByRole('button', { name: 'Log out', exact: true })
      .click();
    const prompt = mac.getByRole('dialog', { name: 'Confirm it’s you' });
    await prompt.getByRole('button', { name: 'Cancel' }).click();

    await expect.poll(() => mac.getByRole('dialog').count()).toBe(0);
    expect(await row(mac, WINDOWS).getAttribute('data-state')).toBe('idle');
    expect(await row(mac, WINDOWS).textContent()).not.toContain("Couldn't log out");
    expect((await windows.context().request.get('/api/sessions')).status()).toBe(200);
  });
});

describe('B17: two pages of one browser context', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ port: 0, logError: () => {} });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('the second page drops a row logged out in the first, with no action of its own', async () => {
    await signIn(await openPage(await openDevice(server, WINDOWS)));
    const mac = await openDevice(server, MAC);
    const first = await openPage(mac);
    await signIn(first);
    const second = await openPage(mac);
    await second.goto('/');
    await expect.poll(() => rows(second).count()).toBe(2);

    const reloaded = second.waitForResponse(
      (response) => response.url().endsWith('/api/sessions') && response.request().method() === 'GET',
    );
    await first.getByRole('button', { name: `Log out ${WINDOWS.label}` }).click();
    await first
      .getByRole('dialog', { name: `Log out ${WINDOWS.label}?` })
      .getByRole('button', { name: 'Log out', exact: true })
      .click();
    await row(first, WINDOWS).waitFor({ state: 'detached' });

    expect((await reloaded).status()).toBe(200);
    await row(second, WINDOWS).waitFor({ state: 'detached' });
    expect(await rows(second).count()).toBe(1);
  });
});
