// What the consumer tests share (test/consumer/run.mjs: Vite on React 18.3 and 19; test/next/run.mjs:
// Next.js): running commands, a free port, and driving a page in Chromium as a reader would, with
// every console error and warning and every API request the page sends on record.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/** A failed step: its message is the whole report (no stack). */
export class StepError extends Error {}

/** Runs a command to completion; throws with its output on failure; returns { stdout, stderr }. */
export function sh(command, args, { cwd, what, env = {} }) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env } });
  if (result.status !== 0) {
    throw new StepError(`${what} failed (exit ${result.status}): ${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** A port nothing listens on now, on 127.0.0.1 (others run tests on this machine too). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Records the page's console errors and warnings, uncaught errors and API requests; `expectStep` reports them with a failing step. */
export function watchPage(page) {
  const messages = [];
  page.on('pageerror', (error) => messages.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      messages.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  });
  // Every script the page fetched, with its text (issue 23: which chunk holds the dialogs, and when).
  const scripts = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push({ url: response.url(), text: response.text().catch(() => '') });
  });
  const apiRequests = [];
  page.on('request', (request) => {
    const { pathname, search } = new URL(request.url());
    if (pathname.startsWith('/api/')) apiRequests.push(`${request.method()} ${pathname}${search}`);
  });
  const expectStep = async (what, promise) => {
    try {
      return await promise;
    } catch (error) {
      const console = messages.length ? `\n  console:\n    ${messages.join('\n    ')}` : '';
      throw new StepError(
        `${what}: ${error.message.split('\n')[0]}${console}\n  API requests from the page: ${apiRequests.join(', ') || 'none'}`,
      );
    }
  };
  return { messages, apiRequests, expectStep, scripts };
}

// A string only the one-session confirmation's code holds (its data-slot), which minifiers keep.
const DIALOG_MARKER = 'logout-modal';

/** Resolves with the URL of the first script fetched (from `scripts`) that holds the dialogs' code; rejects after `ms`. */
export async function dialogChunkArrived(scripts, ms, from = 0) {
  const deadline = Date.now() + ms;
  for (;;) {
    for (const script of scripts.slice(from)) if ((await script.text).includes(DIALOG_MARKER)) return script.url;
    if (Date.now() > deadline) throw new Error(`no script holding the dialogs arrived within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Issue 23: the app is split (more than one script), and the chunk holding the dialogs is fetched on
 * intent: not while the page loads, and as soon as the pointer enters "Log out Edge on Windows".
 */
export async function expectDialogChunkOnIntent(page, expectStep, scripts) {
  const button = page.getByRole('button', { name: 'Log out Edge on Windows', exact: true });
  await expectStep('waiting for the list', button.waitFor({ timeout: 10_000 }));
  await page.waitForLoadState('networkidle');
  const holdsDialog = async (list) =>
    (await Promise.all(list.map(async (s) => ((await s.text).includes(DIALOG_MARKER) ? s.url : null)))).filter(Boolean);
  const before = await holdsDialog(scripts);
  if (before.length) throw new StepError(`the dialog's code was fetched before any intent, in ${before.join(', ')}`);
  const loaded = scripts.length;
  await expectStep('hovering "Log out Edge on Windows"', button.hover());
  const dialogChunk = await dialogChunkArrived(scripts, 5_000, loaded).catch(async () => {
    const fetched = await Promise.all(scripts.slice(loaded).map(async (s) => `${s.url} (${(await s.text).length} chars)`));
    throw new StepError(
      `hovering "Log out" fetched no chunk holding the dialog (scripts after the hover: ${fetched.join(', ') || 'none'})`,
    );
  });
  if (loaded < 1 || scripts.length < 2) throw new StepError(`expected the app in more than one chunk, saw ${scripts.length} scripts`);
  return { before: loaded, dialogChunk };
}

/**
 * Issue 23: a dialog whose chunk the browser cannot fetch (a dropped connection, a deploy that replaced
 * it) is a localized alert with focus left on the button, not a press that did nothing; nothing is
 * thrown to the page, and the next press fetches the chunk again and opens the dialog. Call it before
 * anything has loaded the dialogs' chunk. Returns how many script requests were failed.
 */
export async function expectFailedChunkSaysSo(page, expectStep) {
  const button = page.getByRole('button', { name: 'Log out Edge on Windows', exact: true });
  await expectStep('waiting for the list', button.waitFor({ timeout: 10_000 }));
  await page.waitForLoadState('networkidle');
  let failed = 0;
  const offline = (route) => {
    failed += 1;
    return route.abort('internetdisconnected');
  };
  const scriptUrl = /\.m?js(\?|$)/;
  await page.context().route(scriptUrl, offline);
  await expectStep('pressing "Log out Edge on Windows" while scripts cannot be fetched', button.click());
  const notice = page.getByRole('alert').filter({ hasText: "Couldn't open it. Check your connection and try again." });
  await expectStep('waiting for the "Couldn\'t open it" alert', notice.waitFor({ timeout: 5_000 }));
  if (failed === 0) throw new StepError("the press fetched no script: the dialogs' chunk was already loaded");
  if (await page.getByRole('dialog').count()) throw new StepError('a dialog opened although its chunk could not be fetched');
  if (!(await button.evaluate((el) => el === document.activeElement))) throw new StepError('focus left "Log out Edge on Windows"');
  await page.context().unroute(scriptUrl, offline);
  await expectStep('pressing "Log out Edge on Windows" again, online', button.click());
  const dialog = page.getByRole('dialog', { name: 'Log out Edge on Windows?' });
  await expectStep('waiting for the confirmation after the retry', dialog.waitFor({ timeout: 5_000 }));
  if (await notice.count()) throw new StepError('the alert stayed after the dialog opened');
  await expectStep('closing the dialog', page.keyboard.press('Escape'));
  await expectStep('waiting for the dialog to close', dialog.waitFor({ state: 'detached', timeout: 5_000 }));
  return failed;
}

/** Checks the first HTML response of a server-rendered page: the rows, no loading state, times in UTC; returns the row count. */
export function checkServerHtml(html, where) {
  const rows = html.match(/data-slot="session-row"/g)?.length ?? 0;
  if (rows < 3) throw new StepError(`${where}: the server HTML holds ${rows} rows, not the list:\n${html.slice(0, 3000)}`);
  if (html.includes('data-slot="loading"')) throw new StepError(`${where}: the server HTML shows the loading state.`);
  if (!/<time [^>]*>[^<]*UTC/.test(html)) throw new StepError(`${where}: the server HTML does not give its times in UTC.`);
  return rows;
}

/**
 * Waits for hydration to end, which is when the section switches its times from UTC to the reader's
 * zone, and for the network to settle; returns the first row's time and that time as the reader's
 * browser formats it in `timeZone`.
 */
export async function readerTimeAfterHydration(page, timeZone, expectStep) {
  await expectStep(
    "waiting for the times to switch to the reader's zone after hydration",
    page.waitForFunction(
      () => {
        const times = [...document.querySelectorAll('[data-slot="session-row"] time')];
        return times.length > 0 && times.every((time) => !time.textContent.includes('UTC'));
      },
      undefined,
      { timeout: 15_000 },
    ),
  );
  await page.waitForLoadState('networkidle');
  const first = page.locator('[data-slot="session-row"] time[datetime]').nth(0);
  const shown = (await first.textContent()).trim();
  const expected = await first.evaluate(
    (time, zone) =>
      new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(
        new Date(time.dateTime),
      ),
    timeZone,
  );
  return { shown, expected };
}

/** Logs out "Edge on Windows" as a person would (Log out, then the modal's Log out) and checks its row goes. */
export async function logOutEdge(page, expectStep) {
  const rows = page.locator('[data-slot="session-row"]');
  const rowCount = await rows.count();
  await expectStep(
    'clicking "Log out Edge on Windows"',
    page.getByRole('button', { name: 'Log out Edge on Windows', exact: true }).click(),
  );
  const dialog = page.getByRole('dialog');
  await expectStep('waiting for the confirmation modal', dialog.waitFor({ timeout: 5_000 }));
  await expectStep('confirming with the modal\'s "Log out"', dialog.getByRole('button', { name: 'Log out', exact: true }).click());
  await expectStep(
    'waiting for the Edge on Windows row to disappear',
    rows.filter({ hasText: 'Edge on Windows' }).waitFor({ state: 'detached', timeout: 10_000 }),
  );
  await expectStep('waiting for the modal to close', dialog.waitFor({ state: 'detached', timeout: 5_000 }));
  const rowsAfter = await rows.count();
  if (rowsAfter !== rowCount - 1) throw new StepError(`expected ${rowCount - 1} rows after the logout, found ${rowsAfter}.`);
  return { rowCount, rowsAfter };
}
