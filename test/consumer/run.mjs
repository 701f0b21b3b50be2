#!/usr/bin/env node
// The consumer test: a product team's first hour with the published package, end to end.
//
//   npm pack the built package → a fresh Vite + React app in a temp dir installs the tarball (no
//   workspace link) → it type-checks, builds and is served by `vite preview` → Debian's Chromium
//   renders <ActiveSessionsSection> against the package's own MSW mocks, logs out "Edge on Windows"
//   and sees the row go and the DELETE go out. The i18n-check and contract-check bins are run from the install too.
//
//   node test/consumer/run.mjs          (builds dist/ first when it is missing)
//   KEEP_CONSUMER=1 node test/consumer/run.mjs   keeps the temp dir for a look
//
// Needs the npm registry or a warm npm cache (installs use --prefer-offline) and /usr/bin/chromium
// (or CHROMIUM_PATH).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, chromiumLaunchOptions } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const started = performance.now();
const cleanups = [];

class StepError extends Error {}

function log(message) {
  console.log(`  ${message} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/** Runs a command to completion; throws with its output on failure. */
function sh(command, args, { cwd, what }) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  if (result.status !== 0) {
    throw new StepError(`${what} failed (exit ${result.status}): ${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** The version of a package installed in this repo, so the consumer's install hits the npm cache. */
function installedVersion(name) {
  return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

function freePort() {
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

async function waitForServer(url, child, output) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new StepError(`vite preview exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new StepError(`vite preview did not answer at ${url} within 30 s:\n${output()}`);
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

const VITE_CONFIG = `import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
export default defineConfig({ plugins: [react()], build: { target: 'es2022' }, logLevel: 'warn' });
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
  console.log(`▶ consumer test: ${pkg.name} from its packed tarball in a fresh Vite app`);
  if (!existsSync(CHROMIUM_PATH)) throw new StepError(`Chromium is missing at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  if (!existsSync(path.join(root, 'dist/src/index.js'))) {
    log('dist/ missing: npm run build');
    sh(process.execPath, ['scripts/build.mjs'], { cwd: root, what: 'npm run build' });
  }

  const work = mkdtempSync(path.join(os.tmpdir(), 'active-sessions-consumer-'));
  if (!process.env.KEEP_CONSUMER) cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  else console.log(`  keeping ${work}`);

  // 1. Pack exactly what would be published.
  const packDir = path.join(work, 'pack');
  mkdirSync(packDir);
  const [packed] = JSON.parse(sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: root, what: 'npm pack' }));
  const tarball = path.join(packDir, packed.filename);
  log(`packed ${packed.filename} (${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} KB)`);

  // 2. A fresh app that knows the package only by its tarball.
  const app = path.join(work, 'app');
  mkdirSync(path.join(app, 'src'), { recursive: true });
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }, null, 2));
  writeFileSync(path.join(app, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(app, 'vite.config.ts'), VITE_CONFIG);
  writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(path.join(app, 'src/main.tsx'), MAIN_TSX);
  writeFileSync(path.join(app, 'src/vite-env.d.ts'), '/// <reference types="vite/client" />\n');

  const deps = ['react', 'react-dom', '@tanstack/react-query', 'msw', 'vite', '@vitejs/plugin-react', 'typescript', '@types/react', '@types/react-dom'];
  sh(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...deps.map((d) => `${d}@${installedVersion(d)}`)],
    { cwd: app, what: 'npm install (tarball + react, react-dom, @tanstack/react-query, msw, vite, @vitejs/plugin-react)' },
  );
  log('installed the tarball and the app dependencies');

  // 3. The bin ships working: it checks a catalog against the shipped English source.
  const catalog = path.join(app, 'en-GB.json');
  const en = JSON.parse(readFileSync(path.join(app, 'node_modules', pkg.name, 'src/i18n/messages/en.json'), 'utf8'));
  writeFileSync(catalog, JSON.stringify(en, null, 2));
  sh(path.join(app, 'node_modules/.bin/active-sessions-i18n-check'), [catalog], { cwd: app, what: 'the active-sessions-i18n-check bin on a complete catalog' });
  // The contract check's module loads its two dependencies before it prints its usage; a run against
  // a port where nothing listens also reads the openapi.yaml shipped beside it (exit 2 if it is missing).
  const contractHelp = sh('npx', ['--no-install', 'active-sessions-contract-check', '--help'], { cwd: app, what: 'npx active-sessions-contract-check --help' });
  if (!contractHelp.startsWith('Usage: active-sessions-contract-check')) throw new StepError(`active-sessions-contract-check --help printed:\n${contractHelp}`);
  writeFileSync(path.join(app, 'sessions.json'), JSON.stringify([{ headers: { Cookie: 'sid=x' } }]));
  const nobody = spawnSync('npx', ['--no-install', 'active-sessions-contract-check', `http://127.0.0.1:${await freePort()}/api`, '--sessions', 'sessions.json'], { cwd: app, encoding: 'utf8' });
  if (nobody.status !== 1 || !/^FAIL list\.ok: .*ECONNREFUSED/m.test(nobody.stdout)) {
    throw new StepError(`active-sessions-contract-check against a closed port: expected exit 1 and FAIL list.ok, got exit ${nobody.status}:\n${nobody.stdout}${nobody.stderr}`);
  }
  log(`ran ${Object.keys(pkg.bin ?? {}).join(', ')} from the install`);

  sh(path.join(app, 'node_modules/.bin/msw'), ['init', 'public', '--no-save'], { cwd: app, what: 'npx msw init public' });
  sh(path.join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: app, what: 'tsc (the app against the package types)' });
  log('msw init, and the app type-checks against the package types');
  sh(path.join(app, 'node_modules/.bin/vite'), ['build'], { cwd: app, what: 'vite build' });
  log('vite build');

  // 4. Serve it.
  const port = await freePort();
  let serverOutput = '';
  const server = spawn(path.join(app, 'node_modules/.bin/vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  server.stdout.on('data', (d) => (serverOutput += d));
  server.stderr.on('data', (d) => (serverOutput += d));
  cleanups.unshift(() => {
    if (server.exitCode === null) server.kill('SIGTERM');
  });
  const url = `http://127.0.0.1:${port}/`;
  await waitForServer(url, server, () => serverOutput);
  log(`vite preview at ${url}`);

  // 5. A person logs out one session.
  const browser = await chromium.launch(chromiumLaunchOptions);
  cleanups.unshift(() => browser.close());
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && pageErrors.push(`${message.text()} (${message.location().url})`));
  const apiRequests = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });

  const expectStep = async (what, promise) => {
    try {
      return await promise;
    } catch (error) {
      const errors = pageErrors.length ? `\n  page errors:\n    ${pageErrors.join('\n    ')}` : '';
      throw new StepError(`${what}: ${error.message.split('\n')[0]}${errors}\n  API requests so far: ${apiRequests.join(', ') || 'none'}`);
    }
  };

  await expectStep('opening the app', page.goto(url));
  const rows = page.locator('[data-slot="session-row"]');
  await expectStep('waiting for the session rows', rows.first().waitFor({ timeout: 15_000 }));
  const rowCount = await rows.count();
  const logOut = page.getByRole('button', { name: 'Log out Edge on Windows', exact: true });
  await expectStep('finding "Log out Edge on Windows"', logOut.waitFor({ timeout: 5_000 }));
  log(`rendered ${rowCount} rows`);

  const themed = await page.locator('.fpas-theme').first().evaluate((el) => getComputedStyle(el).getPropertyValue('--fpas-color-text').trim());
  if (!themed) throw new StepError('styles.css is not applied: .fpas-theme has no --fpas-color-text.');

  await expectStep('clicking "Log out Edge on Windows"', logOut.click());
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

  const deletes = apiRequests.filter((r) => r.startsWith('DELETE /api/sessions/'));
  const served = await page.evaluate(() => window.mockRequests.filter((r) => r.startsWith('DELETE ')));
  if (deletes.length !== 1 || !deletes[0].endsWith('/sess_windows')) {
    throw new StepError(`expected one DELETE /api/sessions/sess_windows from the page, saw: ${apiRequests.join(', ') || 'none'}`);
  }
  if (served.length !== 1 || served[0] !== 'DELETE /sessions/sess_windows?remove_trusted_device=false') {
    throw new StepError(`expected the mocks to answer DELETE /sessions/sess_windows?remove_trusted_device=false, they saw: ${served.join(', ') || 'none'}`);
  }
  if (pageErrors.length) throw new StepError(`the page logged errors:\n    ${pageErrors.join('\n    ')}`);
  log(`logged out Edge on Windows: ${rowCount} → ${rowsAfter} rows; requests: ${apiRequests.join(', ')}`);
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
if (!failed) console.log(`✔ consumer test passed in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
process.exit(failed ? 1 : 0);
