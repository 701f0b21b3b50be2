#!/usr/bin/env node
// The consumer test: a product team's first hour with the published package, end to end.
//
//   npm pack the built package → a fresh Vite + React app in a temp dir installs the tarball (no
//   workspace link) → it type-checks and builds → Debian's Chromium, on two pages of it:
//   - client-only (`createRoot`, the package's MSW mocks in a service worker): renders
//     <ActiveSessionsSection>, logs out "Edge on Windows" and sees the row go and the DELETE go out;
//   - server-rendered (`renderToString` after `prefetchActiveSessions`, then `hydrateRoot`; the API is
//     the package's MSW handlers answered by the app's Node server through msw's getResponse): the
//     server runs in UTC and the reader in Warsaw (or New York, in Arabic); the first HTML response
//     holds the rows, hydration logs nothing (React's development build, which reports every
//     mismatch, and the production one), the server's GET is the only one, the times switch to the
//     reader's zone, and Log out works;
//   - the same server-rendered page with the connection dropped before Log out is pressed: the dialogs'
//     chunk cannot be fetched, so the section shows its "Couldn't open it" alert, and the next press,
//     online, opens the dialog;
//   - the same page on a touch screen (no hover before a tap): the dialogs' chunk arrives once the list
//     shows, so the first tap opens the dialog even with the connection gone.
//   The i18n-check and contract-check bins are the kit's (test/kit/tarball.test.ts).
//
//   npx tsx test/consumer/run.mjs [--react 18]   React 19 (the repo's), or React 18.3 (builds dist/ first when it is missing)
//   KEEP_CONSUMER=1 npx tsx test/consumer/run.mjs   keeps the temp dir for a look
//
// Needs the npm registry or a warm npm cache (installs use --prefer-offline) and /usr/bin/chromium
// (or CHROMIUM_PATH).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, chromiumLaunchOptions } from '../../scripts/chromium.ts';
import { REACT18 } from '../../scripts/react18.ts';
import {
  StepError,
  checkServerHtml,
  expectDialogChunkOnIntent,
  dialogChunkArrived,
  expectFailedChunkSaysSo,
  freePort,
  logOutEdge,
  readerTimeAfterHydration,
  sh,
  watchPage,
} from '../support/apps.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const started = performance.now();
const cleanups = [];
const reactMajor = process.argv.includes('--react') ? process.argv[process.argv.indexOf('--react') + 1] : '19';
if (reactMajor !== '18' && reactMajor !== '19') {
  console.error(`usage: node test/consumer/run.mjs [--react 18|19] (got "${reactMajor}")`);
  process.exit(2);
}

function log(message) {
  console.log(`  ${message} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/** The version of a package installed in this repo, so the consumer's install hits the npm cache; React 18.3 and its types on `--react 18`. */
function installedVersion(name) {
  if (reactMajor === '18' && REACT18[name]) return REACT18[name];
  return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

async function waitForServer(url, child, output) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new StepError(`the server exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new StepError(`the server did not answer at ${url} within 30 s:\n${output()}`);
}

const MAIN_TSX = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupWorker } from 'msw/browser';
import { ActiveSessionsSection, createFetchSessionsClient } from '${pkg.name}';
import { createHandlers } from '${pkg.name}/mocks';
import '${pkg.name}/styles.css';

declare global {
  interface Window {
    mockRequests: string[];
  }
}

const handlers = createHandlers({ baseUrl: '/api', scenario: 'typical' });
window.mockRequests = handlers.store.requests;
const worker = setupWorker(...handlers);
await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });

const client = createFetchSessionsClient({ baseUrl: '/api' });
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>
      <h1>Settings › Security</h1>
      <ActiveSessionsSection client={client} />
    </main>
  </StrictMode>,
);
`;

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" /><title>Consumer</title><link rel="icon" href="data:," /></head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
`;

// The server-rendered page: the same component on both sides, the server's cache handed to the browser.
const APP_TSX = `import { StrictMode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { ActiveSessionsSection, ar, createFetchSessionsClient, en } from '${pkg.name}';
import '${pkg.name}/styles.css';

export type Locale = 'en' | 'ar';

// Used in the browser only: on the server the list is prefetched, and rendering fetches nothing.
const client = createFetchSessionsClient({ baseUrl: '/api' });

export function App({ queryClient, locale }: { queryClient: QueryClient; locale: Locale }) {
  return (
    <StrictMode>
      <main>
        <h1>Settings › Security</h1>
        <ActiveSessionsSection client={client} queryClient={queryClient} locale={locale} strings={locale === 'ar' ? ar : en} />
      </main>
    </StrictMode>
  );
}
`;

const ENTRY_SERVER_TSX = `import { renderToString } from 'react-dom/server';
import { QueryClient, dehydrate } from '@tanstack/react-query';
import { createFetchSessionsClient, prefetchActiveSessions } from '${pkg.name}';
import { App, type Locale } from './App';

/** One request's page: the section with its rows, and the cache the browser hydrates. */
export async function render({ apiUrl, cookie, locale }: { apiUrl: string; cookie?: string; locale: Locale }) {
  const queryClient = new QueryClient();
  // On the server the API needs an absolute URL, and the reader's own cookie.
  const client = createFetchSessionsClient({ baseUrl: apiUrl, headers: cookie ? { cookie } : {} });
  await prefetchActiveSessions(queryClient, client);
  const html = renderToString(<App queryClient={queryClient} locale={locale} />);
  // "<" escaped, so no text from the API can close the script element it is sent in.
  const state = JSON.stringify(dehydrate(queryClient)).replace(/</g, '\\\\u003c');
  return { html, state };
}
`;

const ENTRY_CLIENT_TSX = `import { hydrateRoot } from 'react-dom/client';
import { QueryClient, hydrate } from '@tanstack/react-query';
import { App, type Locale } from './App';

const queryClient = new QueryClient();
hydrate(queryClient, JSON.parse(document.getElementById('sessions-state')!.textContent!));
const root = document.getElementById('root')!;
hydrateRoot(root, <App queryClient={queryClient} locale={root.dataset.locale as Locale} />);
`;

const SSR_HTML = `<!doctype html>
<html lang="<!--locale-->">
  <head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" /><title>Consumer, server-rendered</title><link rel="icon" href="data:," /></head>
  <body><div id="root" data-locale="<!--locale-->"><!--app--></div><script id="sessions-state" type="application/json"><!--state--></script><script type="module" src="/src/ssr/entry-client.tsx"></script></body>
</html>
`;

// The app's server: the built pages and assets, the server-rendered page, and the API (the package's
// MSW handlers, answered through msw's getResponse, with one in-memory store for every request).
const SERVER_MJS = `import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getResponse } from 'msw';
import { createHandlers } from '${pkg.name}/mocks';
import { render } from './dist-server/entry-server.js';

const port = Number(process.env.PORT);
const origin = \`http://127.0.0.1:\${port}\`;
// The test starts each page from the same sessions (POST /__reset).
let api = createHandlers({ baseUrl: \`\${origin}/api\`, scenario: 'typical' });
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

async function answerApi(req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  const request = new Request(origin + req.url, { method: req.method, headers: req.headers, body });
  const response = (await getResponse(api, request)) ?? new Response(null, { status: 404 });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

// /ssr uses the production build (dist/), /dev/ssr the development one (dist-dev/, React's warnings on).
async function answerPage(req, res, dir, locale) {
  const template = await readFile(path.join(dir, 'ssr.html'), 'utf8');
  const { html, state } = await render({ apiUrl: \`\${origin}/api\`, cookie: req.headers.cookie, locale });
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(template.replaceAll('<!--locale-->', locale).replace('<!--app-->', html).replace('<!--state-->', state));
}

createServer(async (req, res) => {
  try {
    const url = new URL(req.url, origin);
    const locale = url.searchParams.get('locale') === 'ar' ? 'ar' : 'en';
    if (url.pathname.startsWith('/api/')) return await answerApi(req, res);
    if (url.pathname === '/__requests') return res.end(JSON.stringify(api.store.requests));
    if (url.pathname === '/__reset' && req.method === 'POST') {
      api = createHandlers({ baseUrl: \`\${origin}/api\`, scenario: 'typical' });
      return res.end();
    }
    if (url.pathname === '/ssr') return await answerPage(req, res, 'dist', locale);
    if (url.pathname === '/dev/ssr') return await answerPage(req, res, 'dist-dev', locale);
    const [dir, rest] = url.pathname.startsWith('/dev/') ? ['dist-dev', url.pathname.slice(4)] : ['dist', url.pathname];
    const file = path.join(dir, path.normalize(rest === '/' ? '/index.html' : rest));
    const content = await readFile(file).catch(() => null);
    if (!content) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(content);
  } catch (error) {
    console.error(error);
    res.writeHead(500).end();
  }
}).listen(port, '127.0.0.1', () => console.log(\`listening on \${origin}\`));
`;

const VITE_CONFIG = `import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', rolldownOptions: { input: ['index.html', 'ssr.html'] } },
  logLevel: 'warn',
});
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    jsx: 'react-jsx',
    strict: true,
    noEmit: true,
    // The package's declarations are checked too: a broken .d.ts fails here, not only in attw.
    skipLibCheck: false,
    types: [],
  },
  include: ['src'],
};

async function main() {
  console.log(`▶ consumer test (React ${reactMajor}): ${pkg.name} from its packed tarball in a fresh Vite app`);
  if (!existsSync(CHROMIUM_PATH))
    throw new StepError(`Chromium is missing at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  if (!existsSync(path.join(root, 'dist/src/index.js'))) {
    log('dist/ missing: npm run build');
    sh(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: root, what: 'npm run build' });
  }

  const work = mkdtempSync(path.join(os.tmpdir(), `active-sessions-consumer-react${reactMajor}-`));
  if (!process.env.KEEP_CONSUMER) cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  else console.log(`  keeping ${work}`);

  // 1. Pack exactly what would be published.
  const packDir = path.join(work, 'pack');
  mkdirSync(packDir);
  const [packed] = JSON.parse(
    sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: root, what: 'npm pack' }).stdout,
  );
  const tarball = path.join(packDir, packed.filename);
  log(`packed ${packed.filename} (${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} KB)`);

  // 2. A fresh app that knows the package only by its tarball.
  const app = path.join(work, 'app');
  mkdirSync(path.join(app, 'src/ssr'), { recursive: true });
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }, null, 2));
  writeFileSync(path.join(app, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(app, 'ssr.html'), SSR_HTML);
  writeFileSync(path.join(app, 'server.mjs'), SERVER_MJS);
  writeFileSync(path.join(app, 'vite.config.ts'), VITE_CONFIG);
  writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(path.join(app, 'src/main.tsx'), MAIN_TSX);
  writeFileSync(path.join(app, 'src/ssr/App.tsx'), APP_TSX);
  writeFileSync(path.join(app, 'src/ssr/entry-server.tsx'), ENTRY_SERVER_TSX);
  writeFileSync(path.join(app, 'src/ssr/entry-client.tsx'), ENTRY_CLIENT_TSX);
  writeFileSync(path.join(app, 'src/vite-env.d.ts'), '/// <reference types="vite/client" />\n');

  const deps = [
    'react',
    'react-dom',
    '@tanstack/react-query',
    'msw',
    'vite',
    '@vitejs/plugin-react',
    'typescript',
    '@types/react',
    '@types/react-dom',
  ];
  const versions = deps.map((d) => `${d}@${installedVersion(d)}`);
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...versions], {
    cwd: app,
    what: `npm install (tarball + ${versions.join(', ')})`,
  });
  const reactVersion = JSON.parse(readFileSync(path.join(app, 'node_modules/react/package.json'), 'utf8')).version;
  if (reactVersion.split('.')[0] !== reactMajor) throw new StepError(`the app installed React ${reactVersion}, not ${reactMajor}.`);
  log(`installed the tarball and the app dependencies (React ${reactVersion})`);

  // 3. The bins moved to @firstparty/active-sessions-kit: test/kit/tarball.test.ts installs and runs them.

  const vite = path.join(app, 'node_modules/.bin/vite');
  sh(path.join(app, 'node_modules/.bin/msw'), ['init', 'public', '--no-save'], { cwd: app, what: 'npx msw init public' });
  sh(path.join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: app, what: 'tsc (the app against the package types)' });
  log(`msw init, and the app type-checks against the package types (@types/react ${installedVersion('@types/react')})`);
  sh(vite, ['build'], { cwd: app, what: 'vite build' });
  // React's development build reports every hydration mismatch, attributes included; production reports only text.
  sh('env', ['NODE_ENV=development', vite, 'build', '--outDir', 'dist-dev', '--base', '/dev/'], {
    cwd: app,
    what: 'vite build (development)',
  });
  sh(vite, ['build', '--ssr', 'src/ssr/entry-server.tsx', '--outDir', 'dist-server'], { cwd: app, what: 'vite build --ssr' });
  log('vite build: the client (production and development) and the server entry');

  // 4. Serve it, from a server in UTC. NODE_ENV is left unset: React's server renderer warns too.
  const port = await freePort();
  let serverOutput = '';
  const server = spawn(process.execPath, ['server.mjs'], {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), TZ: 'UTC', FORCE_COLOR: '0', NODE_ENV: '' },
  });
  server.stdout.on('data', (d) => (serverOutput += d));
  server.stderr.on('data', (d) => (serverOutput += d));
  cleanups.unshift(() => {
    if (server.exitCode === null) server.kill('SIGTERM');
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitForServer(url, server, () => serverOutput);
  log(`the app's server (node server.mjs, TZ=UTC) at ${url}`);

  const browser = await chromium.launch(chromiumLaunchOptions);
  cleanups.unshift(() => browser.close());
  await clientOnlyPage(browser, url);
  const requestsSoFar = async () => (await fetch(`${url}__requests`)).json();
  const resetSessions = () => fetch(`${url}__reset`, { method: 'POST' });
  for (const page of [
    { path: 'ssr', locale: 'en', timeZone: 'Europe/Warsaw', logOut: true },
    { path: 'dev/ssr', locale: 'en', timeZone: 'Europe/Warsaw', logOut: true },
    { path: 'dev/ssr?locale=ar', locale: 'ar', timeZone: 'America/New_York', logOut: false },
  ]) {
    await resetSessions();
    await serverRenderedPage(browser, `${url}${page.path}`, page, requestsSoFar);
  }
  await resetSessions();
  await offlinePress(browser, `${url}ssr`);
  await touchScreen(browser, `${url}ssr`);
  const serverLines = serverOutput.split('\n').filter((line) => line && !line.startsWith('listening on'));
  if (serverLines.length) throw new StepError(`the server logged while rendering:\n    ${serverLines.join('\n    ')}`);
}

// 5a. The client-only app: a person logs out one session.
async function clientOnlyPage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { messages, apiRequests, expectStep, scripts } = watchPage(page);

  await expectStep('opening the app', page.goto(url));
  const rows = page.locator('[data-slot="session-row"]');
  await expectStep('waiting for the session rows', rows.first().waitFor({ timeout: 15_000 }));
  await expectStep(
    'finding "Log out Edge on Windows"',
    page.getByRole('button', { name: 'Log out Edge on Windows', exact: true }).waitFor({ timeout: 5_000 }),
  );

  const themed = await page
    .locator('.fpas-theme')
    .first()
    .evaluate((el) => getComputedStyle(el).getPropertyValue('--fpas-color-text').trim());
  if (!themed) throw new StepError('styles.css is not applied: .fpas-theme has no --fpas-color-text.');

  const split = await expectDialogChunkOnIntent(page, expectStep, scripts);
  log(
    `client-only: ${split.before} scripts on load, none with the dialogs; hovering Log out fetched ${new URL(split.dialogChunk).pathname}`,
  );
  const { rowCount, rowsAfter } = await logOutEdge(page, expectStep);
  const deletes = apiRequests.filter((r) => r.startsWith('DELETE /api/sessions/'));
  const served = await page.evaluate(() => window.mockRequests.filter((r) => r.startsWith('DELETE ')));
  if (deletes.length !== 1 || !deletes[0].startsWith('DELETE /api/sessions/sess_windows')) {
    throw new StepError(`expected one DELETE /api/sessions/sess_windows from the page, saw: ${apiRequests.join(', ') || 'none'}`);
  }
  if (served.length !== 1 || served[0] !== 'DELETE /sessions/sess_windows?remove_trusted_device=false') {
    throw new StepError(
      `expected the mocks to answer DELETE /sessions/sess_windows?remove_trusted_device=false, they saw: ${served.join(', ') || 'none'}`,
    );
  }
  if (messages.length) throw new StepError(`the page logged:\n    ${messages.join('\n    ')}`);
  log(`client-only: logged out Edge on Windows, ${rowCount} → ${rowsAfter} rows; requests: ${apiRequests.join(', ')}`);
  await context.close();
}

// 5b. Server-rendered, then hydrated, by a reader in another time zone than the server's.
async function serverRenderedPage(browser, url, { locale, timeZone, logOut }, requestsSoFar) {
  const context = await browser.newContext({ timezoneId: timeZone });
  const page = await context.newPage();
  const { messages, apiRequests, expectStep } = watchPage(page);
  const where = `${new URL(url).pathname}${new URL(url).search} (React ${reactMajor}, ${locale}, reader in ${timeZone})`;

  const response = await expectStep('opening the server-rendered page', page.goto(url));
  const html = await response.text();
  const rowsInHtml = checkServerHtml(html, where);
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  if (!new RegExp(`<section[^>]* dir="${dir}" lang="${locale}"`).test(html))
    throw new StepError(`${where}: the server HTML lacks dir="${dir}" lang="${locale}".`);

  const { shown, expected } = await readerTimeAfterHydration(page, timeZone, expectStep);
  if (!shown.includes(expected)) throw new StepError(`${where}: the first row reads "${shown}", not the reader's time "${expected}".`);
  const section = page.locator('[data-slot="active-sessions"]');
  if ((await section.getAttribute('dir')) !== dir || (await section.getAttribute('lang')) !== locale) {
    throw new StepError(`${where}: after hydration the section is not dir="${dir}" lang="${locale}".`);
  }

  const served = await requestsSoFar();
  if (apiRequests.length !== 0 || served.join() !== 'GET /sessions') {
    throw new StepError(
      `${where}: expected one GET in total (the server's), but the API answered: ${served.join(', ') || 'none'} (from the page: ${apiRequests.join(', ') || 'none'})`,
    );
  }
  if (messages.length) throw new StepError(`${where}: the page logged:\n    ${messages.join('\n    ')}`);

  let outcome = '';
  if (logOut) {
    const { rowCount, rowsAfter } = await logOutEdge(page, expectStep);
    if (apiRequests.join() !== 'DELETE /api/sessions/sess_windows?remove_trusted_device=false,GET /api/sessions') {
      throw new StepError(`${where}: the logout sent: ${apiRequests.join(', ')}`);
    }
    if (messages.length) throw new StepError(`${where}: the page logged:\n    ${messages.join('\n    ')}`);
    outcome = `; logged out Edge on Windows, ${rowCount} → ${rowsAfter} rows`;
  }
  log(`server-rendered ${where}: ${rowsInHtml} rows in the HTML, hydrated silently, one GET (the server's), "${shown}"${outcome}`);
  await context.close();
}

/** The server-rendered page in a fresh context (a reader in Warsaw, plus `options`), once it has hydrated. */
async function hydratedPage(browser, url, options = {}) {
  const context = await browser.newContext({ timezoneId: 'Europe/Warsaw', ...options });
  const page = await context.newPage();
  const watched = watchPage(page);
  await watched.expectStep('opening the server-rendered page', page.goto(url));
  await readerTimeAfterHydration(page, 'Europe/Warsaw', watched.expectStep);
  return { context, page, ...watched };
}

// 5c. The connection drops before the reader presses Log out: the dialogs' chunk cannot be fetched.
async function offlinePress(browser, url) {
  const { context, page, messages, expectStep } = await hydratedPage(browser, url);
  const failed = await expectFailedChunkSaysSo(page, expectStep);
  // What the browser says of the aborted request, and the section's own console.error; nothing else.
  const unexpected = messages.filter((m) => !/ERR_INTERNET_DISCONNECTED|a part of the section could not be fetched/.test(m));
  if (unexpected.length) throw new StepError(`offline press: the page logged:\n    ${unexpected.join('\n    ')}`);
  log(
    `offline press: ${failed} script request(s) failed → the "Couldn't open it" alert, focus kept; online again the next press opened the dialog`,
  );
  await context.close();
}

// 5d. A touch screen, where no hover comes before a tap: the dialogs' chunk arrives once the list shows.
async function touchScreen(browser, url) {
  const { context, page, messages, expectStep, scripts } = await hydratedPage(browser, url, { hasTouch: true });
  const chunk = await expectStep("waiting for the dialogs' chunk with no hover, tap or focus", dialogChunkArrived(scripts, 5_000));
  await context.setOffline(true);
  await expectStep(
    'tapping "Log out Edge on Windows", offline',
    page.getByRole('button', { name: 'Log out Edge on Windows', exact: true }).tap(),
  );
  await expectStep(
    'waiting for the confirmation (its chunk fetched before the tap)',
    page.getByRole('dialog', { name: 'Log out Edge on Windows?' }).waitFor({ timeout: 5_000 }),
  );
  if (messages.length) throw new StepError(`touch screen: the page logged:\n    ${messages.join('\n    ')}`);
  log(`touch screen: ${new URL(chunk).pathname} fetched once the list showed; the first tap, offline, opened the dialog`);
  await context.close();
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`\n✖ consumer test: ${error instanceof StepError ? error.message : error.stack}`);
}
for (const cleanup of cleanups) {
  try {
    await cleanup();
  } catch {
    // best effort
  }
}
if (!failed) console.log(`✔ consumer test (React ${reactMajor}) passed in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
process.exit(failed ? 1 : 0);
