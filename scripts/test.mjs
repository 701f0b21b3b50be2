#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first that fails. On a fresh clone it installs
// the npm packages first; the browser tests need Debian's Chromium (`.ci/run` installs it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium.mjs';
import { ensureReact18 } from './react18.mjs';

// Each Vitest run also writes a JSON report, so the last line can count every test that ran.
const REPORTS = 'node_modules/.cache/test-results';
function counted(name) {
  return ['--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/${name}.json`];
}

function tally() {
  let passed = 0;
  let failed = 0;
  for (const name of ['unit', 'unit-react18', 'contract-check', 'server', 'storybook', 'a11y', 'visual', 'e2e']) {
    const file = `${REPORTS}/${name}.json`;
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
  }
  return { passed, failed };
}

const steps = [
  ['types', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['openapi.yaml: Redocly lint (recommended rules, warnings as errors)', 'npm', ['run', '--silent', 'lint:openapi']],
  // React 18.3 lives in node_modules/.cache/react-18 (scripts/react18.mjs installs it once).
  ['types against @types/react 18', 'npx', ['tsc', '-p', 'tsconfig.react18.json', '--noEmit'], ensureReact18],
  ['unit and component tests (jsdom, React 19)', 'npx', ['vitest', 'run', '--project', 'unit', ...counted('unit')]],
  ['unit and component tests (jsdom, React 18.3)', 'npx', ['vitest', 'run', '--project', 'unit-react18', ...counted('unit-react18')], ensureReact18],
  ['contract check: the bin against a correct server and deliberately broken ones', 'npx', ['vitest', 'run', '--project', 'contract-check', ...counted('contract-check')]],
  ['reference server over HTTP (PGlite; PostgreSQL too when DATABASE_URL is set)', 'npx', ['vitest', 'run', '--project', 'server', ...counted('server')]],
  ['stories as browser tests (Chromium)', 'npx', ['vitest', 'run', '--project', 'storybook', ...counted('storybook')], requireChromium],
  ['keyboard and screen reader (Chromium)', 'npx', ['vitest', 'run', '--project', 'a11y', ...counted('a11y')], requireChromium],
  ['visual: forced colours, reflow and text spacing, auto theme, reference screenshots (Chromium)', process.execPath, ['scripts/visual.mjs', ...counted('visual')], requireChromium],
  ['package: build, publint, attw, tarball, byte budgets', process.execPath, ['scripts/check-package.mjs']],
  ['end to end: the demo page against the reference server (PGlite), in Chromium', 'npx', ['vitest', 'run', '--project', 'e2e', ...counted('e2e')], requireChromium],
  ['consumer (React 19): the packed tarball in a fresh Vite app, client-only and server-rendered, driven in Chromium', process.execPath, ['test/consumer/run.mjs'], requireChromium],
  ['consumer (React 18.3): the same app on React 18.3', process.execPath, ['test/consumer/run.mjs', '--react', '18'], requireChromium],
  ['Next.js 16 App Router: the packed tarball, server prefetch + client section, driven in Chromium', process.execPath, ['test/next/run.mjs'], requireChromium],
  ["quick start: an app of only the README's quick-start code, from the tarball, logs a session out against the reference server in Chromium", process.execPath, ['test/quickstart/run.mjs'], requireChromium],
];

// The browser vite.config.ts, the consumer test and the bench launch (scripts/chromium.mjs).
function requireChromium() {
  if (existsSync(CHROMIUM_PATH)) return true;
  console.error(`Chromium is missing: run \`apt-get install -y chromium\` or \`bash .ci/run\` (looked for ${CHROMIUM_PATH}; CHROMIUM_PATH names another).`);
  return false;
}

function run(command, args) {
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } }).status;
}

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('\n▶ npm ci (no node_modules yet)');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) process.exit(1);
}

rmSync(REPORTS, { recursive: true, force: true });
for (const [name, command, args, precondition] of steps) {
  console.log(`\n▶ ${name}`);
  const started = performance.now();
  const status = precondition && !precondition() ? 1 : run(command, args);
  console.log(`  (${name.split(':')[0]}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  if (status !== 0) {
    const { passed, failed } = tally();
    console.error(`\n✖ npm test: "${name}" failed (exit ${status}).`);
    console.error(`${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(status || 1);
  }
}
const { passed, failed } = tally();
console.log(`\n✔ npm test: all ${steps.length} steps passed (types, package check and consumer tests included).`);
console.log(`${passed} passed, ${failed} failed`);
