#!/usr/bin/env node
// The quick-start test: a product team's first hour, with nothing but the README.
//
//   npm pack the built package → a fresh Vite + React app (the react-ts template's index.html and
//   main.tsx) whose every other file is a quick-start block of README.md, written as it stands (the
//   one change: the proxy's port, 8787, becomes the port the test's reference server got) → it
//   installs the tarball, type-checks (strict, exactOptionalPropertyTypes) and builds → the reference
//   server (PGlite, plain http on 127.0.0.1, no PUBLIC_ORIGIN) and `vite preview` with the README's
//   proxy → Chromium, signed in as ada, logs out her other device with the section's Log out: the
//   DELETE reaches the server with the CSRF token read from the cookie (no host code), and that
//   device's session is refused afterwards.
//
//   node test/quickstart/run.mjs          (builds dist/ first when it is missing)
//   KEEP_QUICKSTART=1 node test/quickstart/run.mjs   keeps the temp dir for a look
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
import { StepError, freePort, sh, watchPage } from '../support/apps.mjs';
import { readmeFiles } from '../support/readme.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const started = performance.now();
const cleanups = [];
const PASSWORD = 'correct horse battery staple';
const OTHER_DEVICE = {
  label: 'Firefox on Windows',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
};
const THIS_DEVICE = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

function log(message) {
  console.log(`  ${message} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

function installedVersion(name) {
  return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

// What `npm create vite@latest -- --template react-ts` gives, less its demo content.
const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" /><title>My app</title><link rel="icon" href="data:," /></head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
`;
const MAIN_TSX = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
`;
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    jsx: 'react-jsx',
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: false,
    types: ['vite/client'],
  },
  include: ['src'],
};
// As the template: vite.config.ts is checked on its own, against Node's types.
const TSCONFIG_NODE = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
  },
  include: ['vite.config.ts'],
};

/** Starts a child process and waits for a line matching `ready`; returns the child and its output. */
async function startProcess(command, args, { cwd, env = {}, ready, what }) {
  let output = '';
  const child = spawn(command, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
  });
  cleanups.unshift(() => {
    if (child.exitCode === null) child.kill('SIGTERM');
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 60_000;
  while (!ready.test(output)) {
    if (child.exitCode !== null) throw new StepError(`${what} exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new StepError(`${what} was not ready within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return { child, output: () => output };
}

/** Signs ada in from a device of her own, as the demo page's form would; returns its cookies. */
async function signIn(serverUrl, userAgent) {
  const response = await fetch(`${serverUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': userAgent },
    body: JSON.stringify({ email: 'ada@example.com', password: PASSWORD, app: 'chatgpt' }),
  });
  if (response.status !== 204) throw new StepError(`signing in answered ${response.status}: ${await response.text()}`);
  return response.headers.getSetCookie().map((line) => {
    const [pair, ...attributes] = line.split(';');
    const at = pair.indexOf('=');
    return {
      name: pair.slice(0, at).trim(),
      value: pair.slice(at + 1).trim(),
      httpOnly: attributes.some((a) => /^\s*httponly\s*$/i.test(a)),
    };
  });
}

async function main() {
  console.log(
    `▶ quick-start test: ${pkg.name} from its packed tarball, an app of the README's quick start only, against the reference server`,
  );
  if (!existsSync(CHROMIUM_PATH))
    throw new StepError(`Chromium is missing at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  if (!existsSync(path.join(root, 'dist/src/index.js'))) {
    log('dist/ missing: npm run build');
    sh(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: root, what: 'npm run build' });
  }

  const work = mkdtempSync(path.join(os.tmpdir(), 'active-sessions-quickstart-'));
  if (!process.env.KEEP_QUICKSTART) cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  else console.log(`  keeping ${work}`);

  // 1. Pack what would be published (dist/ is built; prepack would build it again).
  const packDir = path.join(work, 'pack');
  mkdirSync(packDir);
  const [packed] = JSON.parse(
    sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: root, what: 'npm pack' }).stdout,
  );
  const tarball = path.join(packDir, packed.filename);
  log(`packed ${packed.filename} (${packed.entryCount} files)`);

  // 2. The reference server, on a port of its own.
  const serverPort = await freePort();
  const serverScript = path.join(work, 'reference-server.mts');
  writeFileSync(
    serverScript,
    `import { optionsFromEnv, startServer } from ${JSON.stringify(path.join(root, 'server/index.ts'))};\n` +
      `const server = await startServer({ ...optionsFromEnv(), logError: (error) => console.error(error) });\n` +
      `console.log(\`listening on \${server.url}\`);\n`,
  );
  const server = await startProcess(path.join(root, 'node_modules/.bin/tsx'), [serverScript], {
    cwd: root,
    env: { PORT: String(serverPort), SEED_DEMO: '1' },
    ready: /listening on /,
    what: 'the reference server',
  });
  const serverUrl = `http://127.0.0.1:${serverPort}`;
  log(`the reference server at ${serverUrl} (PGlite, ada's demo sessions)`);

  // 3. A fresh app: the template's entry, the README's files.
  const app = path.join(work, 'app');
  mkdirSync(path.join(app, 'src'), { recursive: true });
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'my-app', private: true, type: 'module' }, null, 2));
  writeFileSync(path.join(app, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(app, 'src/main.tsx'), MAIN_TSX);
  writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(path.join(app, 'tsconfig.node.json'), JSON.stringify(TSCONFIG_NODE, null, 2));
  const files = readmeFiles(root);
  for (const { file, code } of files) {
    // The one change: the proxy goes to the port this test's server got.
    const text = file === 'vite.config.ts' ? code.replaceAll('127.0.0.1:8787', `127.0.0.1:${serverPort}`) : code;
    if (file === 'vite.config.ts' && text === code) throw new StepError("the README's vite.config.ts no longer proxies to 127.0.0.1:8787.");
    mkdirSync(path.dirname(path.join(app, file)), { recursive: true });
    writeFileSync(path.join(app, file), text);
  }
  log(`wrote the README's ${files.map((f) => f.file).join(', ')}`);

  const deps = [
    'react',
    'react-dom',
    '@tanstack/react-query',
    'vite',
    '@vitejs/plugin-react',
    'typescript',
    '@types/react',
    '@types/react-dom',
    '@types/node',
  ];
  const versions = deps.map((d) => `${d}@${installedVersion(d)}`);
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...versions], {
    cwd: app,
    what: 'npm install',
  });
  log('installed the tarball and the app dependencies');
  sh(path.join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: app, what: 'tsc (strict, exactOptionalPropertyTypes)' });
  sh(path.join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.node.json'], { cwd: app, what: 'tsc of vite.config.ts' });
  log('the app type-checks (strict, exactOptionalPropertyTypes)');
  sh(path.join(app, 'node_modules/.bin/vite'), ['build'], { cwd: app, what: 'vite build' });
  log('vite build');

  const appPort = await freePort();
  await startProcess(
    path.join(app, 'node_modules/.bin/vite'),
    ['preview', '--host', '127.0.0.1', '--port', String(appPort), '--strictPort'],
    {
      cwd: app,
      ready: new RegExp(`127\\.0\\.0\\.1:${appPort}`),
      what: 'vite preview',
    },
  );
  const appUrl = `http://127.0.0.1:${appPort}/`;
  log(`vite preview at ${appUrl}, /api proxied to the reference server`);

  // 4. Ada on another device, and on this browser (cookies are per host, not per port: the server's
  //    cookies are the page's).
  const other = await signIn(serverUrl, OTHER_DEVICE.userAgent);
  const mine = await signIn(serverUrl, THIS_DEVICE);
  if (!mine.some((c) => c.name === 'csrf_token' && !c.httpOnly))
    throw new StepError(`the server set no readable csrf_token cookie: ${mine.map((c) => c.name).join(', ')}`);

  const browser = await chromium.launch(chromiumLaunchOptions);
  cleanups.unshift(() => browser.close());
  const context = await browser.newContext({ userAgent: THIS_DEVICE, locale: 'en-US' });
  await context.addCookies(
    mine.map(({ name, value, httpOnly }) => ({ name, value, domain: '127.0.0.1', path: '/', httpOnly, sameSite: 'Lax' })),
  );
  const page = await context.newPage();
  const { messages, apiRequests, expectStep } = watchPage(page);
  const csrfHeaders = [];
  page.on('request', (request) => {
    if (request.method() === 'DELETE') csrfHeaders.push(request.headers()['x-csrf-token'] ?? '(none)');
  });

  await expectStep('opening the app', page.goto(appUrl));
  const logOut = page.getByRole('button', { name: `Log out ${OTHER_DEVICE.label}`, exact: true });
  await expectStep(`finding "Log out ${OTHER_DEVICE.label}"`, logOut.waitFor({ timeout: 20_000 }));
  const rows = page.locator('[data-slot="session-row"]');
  const rowCount = await rows.count();
  await expectStep(`clicking "Log out ${OTHER_DEVICE.label}"`, logOut.click());
  const dialog = page.getByRole('dialog');
  await expectStep('waiting for the confirmation', dialog.waitFor({ timeout: 5_000 }));
  await expectStep('confirming with the dialog\'s "Log out"', dialog.getByRole('button', { name: 'Log out', exact: true }).click());
  await expectStep(
    `waiting for the ${OTHER_DEVICE.label} row to go`,
    rows.filter({ hasText: OTHER_DEVICE.label }).waitFor({ state: 'detached', timeout: 15_000 }),
  );
  const rowsAfter = await rows.count();
  if (rowsAfter !== rowCount - 1) throw new StepError(`expected ${rowCount - 1} rows after the logout, found ${rowsAfter}.`);

  const token = mine.find((c) => c.name === 'csrf_token').value;
  if (csrfHeaders.length !== 1 || csrfHeaders[0] !== decodeURIComponent(token)) {
    throw new StepError(`expected one DELETE carrying the csrf_token cookie as X-CSRF-Token, saw: ${csrfHeaders.join(', ') || 'none'}`);
  }
  // The other device's session really ended.
  const otherCookie = other.map(({ name, value }) => `${name}=${value}`).join('; ');
  const afterwards = await fetch(`${serverUrl}/api/sessions`, { headers: { cookie: otherCookie } });
  if (afterwards.status !== 401) throw new StepError(`the logged-out device still lists sessions (${afterwards.status}).`);
  if (messages.length) throw new StepError(`the page logged:\n    ${messages.join('\n    ')}`);
  const serverErrors = server
    .output()
    .split('\n')
    .filter((line) => line && !line.startsWith('listening on'));
  if (serverErrors.length) throw new StepError(`the reference server logged:\n    ${serverErrors.join('\n    ')}`);
  log(
    `logged out ${OTHER_DEVICE.label}: ${rowCount} → ${rowsAfter} rows, X-CSRF-Token from the cookie, that device now refused (401); requests: ${apiRequests.join(', ')}`,
  );
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(`\n✖ quick-start test: ${error instanceof StepError ? error.message : error.stack}`);
}
for (const cleanup of cleanups) {
  try {
    await cleanup();
  } catch {
    // best effort
  }
}
if (!failed) console.log(`✔ quick-start test passed in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
process.exit(failed ? 1 : 0);
