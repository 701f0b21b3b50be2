// `npm test`: every check, in order, stopping at the first that fails. On a fresh clone it installs
// the npm packages first; the browser tests need Debian's Chromium (`.ci/run` installs it). The Vitest
// suites and their order come from test/suites.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { SUITES, type Suite } from '../test/suites.ts';
import { CHROMIUM_PATH } from './chromium.ts';
import { ensureReact18 } from './react18.ts';

// Each Vitest run also writes a JSON report, so the last line can count every test that ran.
const REPORTS = 'node_modules/.cache/test-results';
function counted(name: string): string[] {
  return ['--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/${name}.json`];
}

function tally(): { passed: number; failed: number } {
  let passed = 0;
  let failed = 0;
  // The suites of test/suites.ts, and the docs pages' run, which is not a Vitest project (it needs the static Storybook built first).
  for (const name of [...SUITES.map((suite) => suite.name), 'docs']) {
    const file = `${REPORTS}/${name}.json`;
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests?: number; numFailedTests?: number };
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
  }
  return { passed, failed };
}

type Step = [name: string, command: string, args: string[], precondition?: () => boolean];

const tsx = (script: string, ...args: string[]): [string, string[]] => ['npx', ['--no-install', 'tsx', script, ...args]];

/** A suite of test/suites.ts as a step: Vitest's project of that name, or the suite's own script. */
function suiteStep(name: string): Step {
  const suite: Suite | undefined = SUITES.find((s) => s.name === name);
  if (!suite) throw new Error(`test/suites.ts has no suite named ${name}`);
  const precondition = suite.react18 ? () => ensureReact18() : suite.browser ? requireChromium : undefined;
  const [command, args] = suite.script
    ? tsx(suite.script, ...counted(suite.name))
    : ['npx', ['vitest', 'run', '--project', suite.name, ...counted(suite.name)]];
  return [suite.about, command, args, precondition];
}

const steps: Step[] = [
  ['types', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint: ESLint with type information, zero warnings', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['format: Prettier', 'npx', ['prettier', '--check', '.']],
  ['openapi.yaml: Redocly lint (recommended rules, warnings as errors)', 'npm', ['run', '--silent', 'lint:openapi']],
  // React 18.3 lives in node_modules/.cache/react-18 (scripts/react18.ts installs it once).
  ['types against @types/react 18', 'npx', ['tsc', '-p', 'tsconfig.react18.json', '--noEmit'], () => ensureReact18()],
  suiteStep('unit'),
  suiteStep('unit-react18'),
  suiteStep('contract-check'),
  suiteStep('server'),
  suiteStep('storybook'),
  suiteStep('a11y'),
  suiteStep('visual'),
  ['package: build, publint, attw, tarball, byte budgets; the kit: build, publint, attw', ...tsx('scripts/check-package.ts')],
  // After the package step, which builds dist/ (and kit/dist/) that the reports are read from.
  [
    'public API reports match (API Extractor; `npm run api:update` after a deliberate change)',
    ...tsx('scripts/api-report.ts', '--no-build'),
  ],
  ['release: versions, changelogs and API reports agree', ...tsx('scripts/release-check.ts', '--no-build')],
  [
    'docs pages: the static Storybook, axe on every docs page in Chromium',
    'npm',
    ['run', '--silent', 'test:docs', '--', ...counted('docs')],
    requireChromium,
  ],
  suiteStep('e2e'),
  [
    'consumer (React 19): the packed tarball in a fresh Vite app, client-only and server-rendered, driven in Chromium',
    ...tsx('test/consumer/run.mjs'),
    requireChromium,
  ],
  ['consumer (React 18.3): the same app on React 18.3', ...tsx('test/consumer/run.mjs', '--react', '18'), requireChromium],
  [
    'Next.js 16 App Router: the packed tarball, server prefetch + client section, driven in Chromium',
    ...tsx('test/next/run.mjs'),
    requireChromium,
  ],
  [
    "quick start: an app of only the README's quick-start code, from the tarball, logs a session out against the reference server in Chromium",
    ...tsx('test/quickstart/run.mjs'),
    requireChromium,
  ],
];

// Every suite of test/suites.ts runs exactly once.
const missing = SUITES.filter((suite) => !steps.some(([name]) => name === suite.about));
if (missing.length) throw new Error(`scripts/test.ts runs no step for ${missing.map((s) => s.name).join(', ')}`);

// The browser suites, the consumer tests and the bench launch it (scripts/chromium.ts).
function requireChromium(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  console.error(
    `Chromium is missing: run \`apt-get install -y chromium\` or \`bash .ci/run\` (looked for ${CHROMIUM_PATH}; CHROMIUM_PATH names another).`,
  );
  return false;
}

function run(command: string, args: string[]): number | null {
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
