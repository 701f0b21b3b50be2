#!/usr/bin/env node
// The Next.js consumer test: the packed tarball in a fresh Next.js 16 App Router app, in a temp dir.
//
//   app/settings/page.tsx    a Server Component: prefetchActiveSessions into a QueryClient, dehydrated
//                            into a HydrationBoundary
//   app/settings/sessions.tsx  a client component: <ActiveSessionsSection> with the hydrated QueryClient
//   app/api/[...path]/route.ts the API: the package's MSW handlers (@firstparty/active-sessions/mocks)
//                            answered through msw's getResponse, one in-memory store per server
//
//   `next build` must pass with no warning; `next start` (in UTC) serves it; Debian's Chromium (a reader
//   in Warsaw) finds the rows in the first HTML response, sees hydration log nothing and send no GET
//   (the server's is the only one), the times switch to Warsaw's, and logging out "Edge on Windows"
//   removes its row.
//
//   npx tsx test/next/run.mjs                  (builds dist/ first when it is missing)
//   KEEP_NEXT=1 npx tsx test/next/run.mjs         keeps the temp dir for a look
//
// Needs Node >= 20.9 (Next.js 16), the npm registry or a warm npm cache, and /usr/bin/chromium (or
// CHROMIUM_PATH). Next.js installs with no install script: its compiler (SWC) is an optional
// platform package, and so is sharp's, which this app does not use.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, chromiumLaunchOptions } from '../../scripts/chromium.ts';
import {
  StepError,
  checkServerHtml,
  expectDialogChunkOnIntent,
  freePort,
  logOutEdge,
  readerTimeAfterHydration,
  sh,
  watchPage,
} from '../support/apps.mjs';

export const NEXT_VERSION = '16.4.6';
const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const started = performance.now();
const cleanups = [];
const timings = {};

function log(message) {
  console.log(`  ${message} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

const installedVersion = (name) => JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

const FILES = {
  'next.config.mjs': `/** @type {import('next').NextConfig} */
export default {};
`,
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['dom', 'dom.iterable', 'esnext'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        esModuleInterop: true,
        module: 'esnext',
        moduleResolution: 'bundler',
        resolveJsonModule: true,
        isolatedModules: true,
        jsx: 'react-jsx',
        incremental: true,
        plugins: [{ name: 'next' }],
        allowJs: true,
      },
      include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts'],
      exclude: ['node_modules'],
    },
    null,
    2,
  ),
  'app/layout.tsx': `import type { ReactNode } from 'react';
import { Providers } from './providers';

// No favicon: the browser would ask for /favicon.ico and log its 404.
export const metadata = { title: 'Settings', icons: { icon: 'data:,' } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
`,
  'app/providers.tsx': `'use client';
import { useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

// One QueryClient per request on the server, one for the page's life in the browser.
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
`,
  'app/settings/page.tsx': `import { HydrationBoundary, QueryClient, dehydrate } from '@tanstack/react-query';
import { cookies } from 'next/headers';
import { createFetchSessionsClient, prefetchActiveSessions } from '${pkg.name}';
import { Sessions } from './sessions';

export default async function SettingsPage() {
  const queryClient = new QueryClient();
  // The API's own origin (never the request's Host header), with the reader's cookie.
  const client = createFetchSessionsClient({
    baseUrl: \`\${process.env.SESSIONS_API_ORIGIN}/api\`,
    headers: { cookie: (await cookies()).toString() },
  });
  await prefetchActiveSessions(queryClient, client);
  return (
    <main>
      <h1>Settings › Security</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Sessions />
      </HydrationBoundary>
    </main>
  );
}
`,
  'app/settings/sessions.tsx': `'use client';
import { useQueryClient } from '@tanstack/react-query';
import { ActiveSessionsSection, createFetchSessionsClient } from '${pkg.name}';
import '${pkg.name}/styles.css';

const client = createFetchSessionsClient({ baseUrl: '/api' });

export function Sessions() {
  // The QueryClient the HydrationBoundary filled with the server's list.
  return <ActiveSessionsSection client={client} queryClient={useQueryClient()} onSignedOut={() => location.assign('/')} />;
}
`,
  'app/api/[...path]/route.ts': `import { getResponse } from 'msw';
import { createHandlers } from '${pkg.name}/mocks';

// The package's mocks as this app's API: one in-memory store for the server's life ('*' is any origin).
// /api/test/requests and /api/test/reset are for the test that drives this app.
const store = globalThis as { sessionsApi?: ReturnType<typeof createHandlers> };
const api = () => (store.sessionsApi ??= createHandlers({ baseUrl: '*/api', scenario: 'typical' }));

async function handle(request: Request) {
  const { pathname } = new URL(request.url);
  if (pathname === '/api/test/requests') return Response.json(api().store.requests);
  if (pathname === '/api/test/reset') {
    store.sessionsApi = undefined;
    return new Response(null, { status: 204 });
  }
  return (await getResponse(api(), request)) ?? Response.json({ error: { code: 'not_found' } }, { status: 404 });
}

export { handle as GET, handle as POST, handle as DELETE };
`,
};

async function main() {
  console.log(`▶ Next.js test: ${pkg.name} from its packed tarball in a fresh Next.js ${NEXT_VERSION} App Router app`);
  if (!existsSync(CHROMIUM_PATH))
    throw new StepError(`Chromium is missing at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 9)) throw new StepError(`Next.js 16 needs Node >= 20.9; this is ${process.versions.node}.`);
  if (!existsSync(path.join(root, 'dist/src/index.js'))) {
    log('dist/ missing: npm run build');
    sh(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: root, what: 'npm run build' });
  }

  const work = mkdtempSync(path.join(os.tmpdir(), 'active-sessions-next-'));
  if (!process.env.KEEP_NEXT) cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  else console.log(`  keeping ${work}`);

  const packDir = path.join(work, 'pack');
  mkdirSync(packDir);
  const [packed] = JSON.parse(
    sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: root, what: 'npm pack' }).stdout,
  );
  const tarball = path.join(packDir, packed.filename);

  const app = path.join(work, 'app');
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
    writeFileSync(path.join(app, file), text);
  }
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'next-consumer', private: true }, null, 2));
  const deps = [
    `next@${NEXT_VERSION}`,
    ...['react', 'react-dom', '@tanstack/react-query', 'msw', 'typescript', '@types/react', '@types/react-dom', '@types/node'].map(
      (d) => `${d}@${installedVersion(d)}`,
    ),
  ];
  let phase = performance.now();
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts', tarball, ...deps], {
    cwd: app,
    what: `npm install (tarball + ${deps.join(', ')})`,
  });
  timings.install = performance.now() - phase;
  if (
    !existsSync(path.join(app, `node_modules/@next/swc-${process.platform}-${process.arch}-gnu`)) &&
    !existsSync(path.join(app, `node_modules/@next/swc-${process.platform}-${process.arch}-musl`))
  ) {
    throw new StepError(`Next.js's SWC binary for ${process.platform}-${process.arch} did not install (an optional platform package).`);
  }
  log(`installed next ${NEXT_VERSION} (SWC as its platform package, no install script) and the tarball`);

  const env = { NEXT_TELEMETRY_DISABLED: '1' };
  phase = performance.now();
  const built = sh(path.join(app, 'node_modules/.bin/next'), ['build'], { cwd: app, what: 'next build', env });
  const buildOutput = `${built.stdout}\n${built.stderr}`;
  timings.build = performance.now() - phase;
  // Under CI=true Next.js also says it found no build cache: advice about the CI machine, not about
  // the app or the package, and the one warning let through.
  const warnings = buildOutput.split('\n').filter((line) => /warn|⚠/i.test(line) && !/No build cache found.*messages\/no-cache/.test(line));
  if (warnings.length) throw new StepError(`next build warned:\n    ${warnings.join('\n    ')}\n${buildOutput}`);
  if (!/\/settings/.test(buildOutput)) throw new StepError(`next build did not list the /settings route:\n${buildOutput}`);
  log('next build passed with no warning');

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let serverOutput = '';
  phase = performance.now();
  const server = spawn(path.join(app, 'node_modules/.bin/next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, TZ: 'UTC', SESSIONS_API_ORIGIN: origin, FORCE_COLOR: '0' },
  });
  server.stdout.on('data', (d) => (serverOutput += d));
  server.stderr.on('data', (d) => (serverOutput += d));
  cleanups.unshift(() => {
    if (server.exitCode === null) server.kill('SIGTERM');
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new StepError(`next start exited (${server.exitCode}):\n${serverOutput}`);
    if (Date.now() > deadline) throw new StepError(`next start did not answer within 60 s:\n${serverOutput}`);
    const ready = await fetch(`${origin}/api/test/requests`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  timings.start = performance.now() - phase;
  await fetch(`${origin}/api/test/reset`, { method: 'POST' });
  log(`next start (TZ=UTC) at ${origin}`);

  const browser = await chromium.launch(chromiumLaunchOptions);
  cleanups.unshift(() => browser.close());
  const context = await browser.newContext({ timezoneId: 'Europe/Warsaw' });
  const page = await context.newPage();
  const { messages, apiRequests, expectStep, scripts } = watchPage(page);

  const response = await expectStep('opening /settings', page.goto(`${origin}/settings`));
  const html = await response.text();
  const rowsInHtml = checkServerHtml(html, '/settings');
  if (!html.includes('Edge on Windows')) throw new StepError('the first HTML response lacks the Edge on Windows row.');
  const { shown, expected } = await readerTimeAfterHydration(page, 'Europe/Warsaw', expectStep);
  if (!shown.includes(expected)) throw new StepError(`the first row reads "${shown}", not the reader's time "${expected}".`);
  const served = await (await fetch(`${origin}/api/test/requests`)).json();
  if (apiRequests.length !== 0 || served.join() !== 'GET /sessions') {
    throw new StepError(
      `expected one GET in total (the server's), but the API answered: ${served.join(', ') || 'none'} (from the page: ${apiRequests.join(', ') || 'none'})`,
    );
  }
  if (messages.length) throw new StepError(`the page logged:\n    ${messages.join('\n    ')}`);
  log(`Chromium (Warsaw): ${rowsInHtml} rows in the first HTML response, hydrated silently, one GET (the server's), "${shown}"`);

  const split = await expectDialogChunkOnIntent(page, expectStep, scripts);
  log(`${split.before} scripts on load, none with the dialogs; hovering Log out fetched ${new URL(split.dialogChunk).pathname}`);
  const { rowCount, rowsAfter } = await logOutEdge(page, expectStep);
  if (apiRequests.join() !== 'DELETE /api/sessions/sess_windows?remove_trusted_device=false,GET /api/sessions') {
    throw new StepError(`the logout sent: ${apiRequests.join(', ')}`);
  }
  if (messages.length) throw new StepError(`the page logged:\n    ${messages.join('\n    ')}`);
  const serverLines = serverOutput.split('\n').filter((line) => /error|warn|⚠/i.test(line));
  if (serverLines.length) throw new StepError(`next start logged:\n    ${serverLines.join('\n    ')}`);
  log(`logged out Edge on Windows: ${rowCount} → ${rowsAfter} rows; requests from the page: ${apiRequests.join(', ')}`);
  await context.close();
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`\n✖ Next.js test: ${error instanceof StepError ? error.message : error.stack}`);
}
for (const cleanup of cleanups) {
  try {
    await cleanup();
  } catch {
    // best effort
  }
}
const seconds = (ms) => `${((ms ?? 0) / 1000).toFixed(1)} s`;
if (!failed) {
  console.log(
    `✔ Next.js test passed in ${seconds(performance.now() - started)} (npm install ${seconds(timings.install)}, next build ${seconds(timings.build)}, next start ready in ${seconds(timings.start)}).`,
  );
}
process.exit(failed ? 1 : 0);
