#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first that fails. On a fresh clone it installs
// the npm packages first; the browser tests need Debian's Chromium (`.ci/run` installs it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { CHROMIUM_PATH } from './chromium.mjs';

// Each Vitest run also writes a JSON report, so the last line can count every test that ran.
const REPORTS = 'node_modules/.cache/test-results';
function counted(name) {
  return ['--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/${name}.json`];
}

function tally() {
  let passed = 0;
  let failed = 0;
  for (const name of ['unit', 'storybook', 'visual']) {
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
  ['unit and component tests (jsdom)', 'npx', ['vitest', 'run', '--project', 'unit', ...counted('unit')]],
  ['stories as browser tests (Chromium)', 'npx', ['vitest', 'run', '--project', 'storybook', ...counted('storybook')], requireChromium],
  ['visual: forced colours, reflow and text spacing, auto theme, reference screenshots (Chromium)', process.execPath, ['scripts/visual.mjs', ...counted('visual')], requireChromium],
  ['package: build, publint, attw, tarball, byte budgets', process.execPath, ['scripts/check-package.mjs']],
  ['consumer: the packed tarball in a fresh Vite app, driven in Chromium', process.execPath, ['test/consumer/run.mjs'], requireChromium],
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
  const status = precondition && !precondition() ? 1 : run(command, args);
  if (status !== 0) {
    const { passed, failed } = tally();
    console.error(`\n✖ npm test: "${name}" failed (exit ${status}).`);
    console.error(`${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(status || 1);
  }
}
const { passed, failed } = tally();
console.log(`\n✔ npm test: all ${steps.length} steps passed (types, package check and consumer test included).`);
console.log(`${passed} passed, ${failed} failed`);
