#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first that fails. On a fresh clone it installs
// the npm packages first; the browser tests need Debian's Chromium (`.ci/run` installs it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
  ['types', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['unit and component tests (jsdom)', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['stories as browser tests (Chromium)', 'npx', ['vitest', 'run', '--project', 'storybook'], requireChromium],
  ['package: build, publint, attw, tarball, byte budgets', process.execPath, ['scripts/check-package.mjs']],
  ['consumer: the packed tarball in a fresh Vite app, driven in Chromium', process.execPath, ['test/consumer/run.mjs'], requireChromium],
];

// vite.config.ts launches the same path: CHROMIUM_PATH, else Debian's /usr/bin/chromium.
function requireChromium() {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(chromium)) return true;
  console.error(`Chromium is missing: run \`apt-get install -y chromium\` or \`bash .ci/run\` (looked for ${chromium}; CHROMIUM_PATH names another).`);
  return false;
}

function run(command, args) {
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } }).status;
}

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('\n▶ npm ci (no node_modules yet)');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) process.exit(1);
}

for (const [name, command, args, precondition] of steps) {
  console.log(`\n▶ ${name}`);
  const status = precondition && !precondition() ? 1 : run(command, args);
  if (status !== 0) {
    console.error(`\n✖ npm test: "${name}" failed (exit ${status}).`);
    process.exit(status || 1);
  }
}
console.log(`\n✔ npm test: all ${steps.length} steps passed.`);
