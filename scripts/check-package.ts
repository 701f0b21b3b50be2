#!/usr/bin/env -S npx tsx
// The package check of `npm test`: is what we would publish usable, and within its byte budgets?
//
//   tsx scripts/check-package.ts                 build, publint --strict, attw, tarball, imports, budgets
//   tsx scripts/check-package.ts --size          (`npm run size`) build, then only the byte budgets
//   ... --no-build                               check the dist/ that is there
//   ... --modules                                also print each module's bytes in the split (docs/cost.md)
//
// Budgets (min+gzip, what this package adds to a host's bundle: the design card's stack — React,
// TanStack Query, Radix, class-variance-authority — external, any other dependency counted as ours):
// the section, the headless hook alone, the fetch client and styles.css. Exits 1 on any problem.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { formatBytes, measureFirstLoad, measureOwnCost, packageOf, root, type OwnCost } from './measure.ts';
import { tarballProblems } from './package-files.ts';

export const BUDGETS: Record<string, { label: string; gz: number }> = {
  // The issue asks 8 KB for the whole section; it is not met (see README, "Cost"). This guard, just
  // above today's size, stops it growing unnoticed; lower it whenever the section shrinks. Raised
  // from 10.5 KB for two required behaviours, measured each on its own: each row read as one phrase
  // and the logout announcement held until focus settles (+117 B, screen readers), and times that
  // hydrate without a mismatch, UTC until hydration (+106 B, server rendering); issue 25's csrf and blocked
  // messages and the cleaned hook text (+80 B).
  // Raised to 12.25 KB by issue 23: bundled as one file with its import()s inlined, Rolldown wraps each
  // module the dialogs' chunk shares in a lazy initializer (+1.3 KB); split as hosts split it, the first
  // load is below (SPLIT_BUDGETS).
  // Raised to 15.25 KB (measured 15.02 KB) by B12–B17 together: last active, new sign-ins, the "Don't
  // recognize it?" row action, events, re-authentication and tabs in step (docs/cost.md has each part).
  // Raised to 15.5 KB (measured 15.25 KB) by issue 23's last parts: the alert when a dialog's chunk cannot
  // be fetched, and fetching the dialogs once the list shows on a touch screen.
  section: {
    label: 'ActiveSessionsSection, one bundle: code + ICU formatter + English catalog (guard; the issue asks 8 KB)',
    gz: 15.5 * 1024,
  },
  // Raised from 2 KB (measured 2.09 KB): B12–B14's row text (Active now, Last active, New sign-in, Don't recognize it?).
  catalog: { label: 'English catalog (en.json, always bundled as the fallback)', gz: 2.25 * 1024 },
  // Over the 3 KB the first cost issue set (measured 4.29 KB): the hook now carries B12–B13's row flags, B15's
  // events, B16's re-authentication guard, B17's tab sync and issue 25's text cleaning. A guard, not the budget met.
  hook: { label: 'headless hook: ActiveSessionsProvider + useActiveSessions (guard; the first budget was 3 KB)', gz: 4.5 * 1024 },
  // Raised from 2.5 KB for issue 25: CSRF from the cookie with no host code, and telling a request the browser blocked (+110 B).
  client: { label: 'createFetchSessionsClient (wire validation included)', gz: 2.75 * 1024 },
  css: { label: 'styles.css', gz: 3 * 1024 },
};

// Issue 23: the section split as a host's bundler splits it, each chunk gzipped, every dependency
// external: the first load (the entry and every chunk it imports statically) and the total (the
// dialogs and the row menu, loaded on intent, included). The issue asks 9,000 B for the first load
// (esbuild); it is not met (docs/cost.md). These guards sit just above today's sizes; lower them
// whenever the first load shrinks.
export const SPLIT_BUDGETS: Record<
  string,
  { label: string; gz: number; of: [bundler: 'esbuild' | 'rolldown', part: 'firstLoad' | 'total'] }
> = {
  esbuildFirstLoad: {
    // Guards just above the sizes measured once B12–B17, the failed-chunk alert and the touch-screen
    // prefetch landed (14.30 / 16.41 / 14.48 / 16.51 KB): the issue's 9,000 B first load is not met
    // (docs/cost.md says what each first-paint piece costs).
    label: 'first load, esbuild with code splitting (guard; the issue asks 9,000 B)',
    gz: 14_900,
    of: ['esbuild', 'firstLoad'],
  },
  esbuildTotal: { label: 'total, esbuild with code splitting (every chunk)', gz: 17_000, of: ['esbuild', 'total'] },
  rolldownFirstLoad: { label: 'first load, Rolldown with code splitting (guard)', gz: 15_100, of: ['rolldown', 'firstLoad'] },
  rolldownTotal: { label: 'total, Rolldown with code splitting (every chunk)', gz: 17_100, of: ['rolldown', 'total'] },
};

const args = new Set(process.argv.slice(2));
const sizeOnly = args.has('--size');
const problems: string[] = [];
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

function step(name: string): void {
  console.log(`\n• ${name}`);
}

function run(command: string, commandArgs: string[]): number {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

if (!args.has('--no-build')) {
  step('build (npm run build)');
  if (run(process.execPath, ['--import', 'tsx', 'scripts/build.ts']) !== 0) {
    console.error('✖ package check: the build failed.');
    process.exit(1);
  }
}
if (!existsSync(path.join(root, 'dist/src/index.js'))) {
  console.error('✖ package check: dist/ is missing; run `npm run build`.');
  process.exit(1);
}

if (!sizeOnly) {
  step('publint --strict');
  if (run('npx', ['--no-install', 'publint', 'run', '--strict']) !== 0) problems.push('publint reported problems (above).');

  step('attw --pack . --profile esm-only');
  // styles.css has no types by nature; every JavaScript entry point must resolve for Node16 ESM and bundlers.
  if (
    run('npx', [
      '--no-install',
      'attw',
      '--pack',
      '.',
      '--profile',
      'esm-only',
      '--exclude-entrypoints',
      './styles.css',
      '--format',
      'table-flipped',
    ]) !== 0
  ) {
    problems.push('attw reported problems (above).');
  }

  step('tarball contents (npm pack --dry-run)');
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  if (pack.status !== 0) problems.push(`npm pack --dry-run failed: ${pack.stderr}`);
  else {
    const [info] = JSON.parse(pack.stdout) as [{ files: { path: string }[]; entryCount: number; size: number; unpackedSize: number }];
    problems.push(...tarballProblems(info.files.map((f) => f.path)));
    console.log(`  ${info.entryCount} files, ${formatBytes(info.size)} packed, ${formatBytes(info.unpackedSize)} unpacked`);
  }

  step('kit: build, publint --strict, attw (kit/, @firstparty/active-sessions-kit)');
  if (run('npm', ['run', '--silent', '--workspace', 'kit', 'build']) !== 0) problems.push('the kit build failed (above).');
  else {
    if (run('npx', ['--no-install', 'publint', 'run', 'kit', '--strict']) !== 0)
      problems.push('publint reported problems in the kit (above).');
    // openapi.yaml has no types by nature.
    if (
      run('npx', [
        '--no-install',
        'attw',
        '--pack',
        'kit',
        '--profile',
        'esm-only',
        '--exclude-entrypoints',
        './openapi.yaml',
        '--format',
        'table-flipped',
      ]) !== 0
    ) {
      problems.push('attw reported problems in the kit (above).');
    }
    step('exports: @firstparty/active-sessions-kit/openapi.yaml resolves from the packed kit');
    const specProblem = resolveSpecFromTarball();
    if (specProblem) problems.push(specProblem);
    else console.log('  ✔ resolves to the same openapi.yaml as the repo');
  }

  step('dist: imports declared, "use client" on the root entry\'s React modules only');
  const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  const optional = new Set(
    Object.entries(pkg.peerDependenciesMeta ?? {})
      .filter(([, m]) => m.optional)
      .map(([n]) => n),
  );
  const dist = path.join(root, 'dist');
  for (const file of walk(dist)) {
    if (!file.endsWith('.js')) continue;
    const rel = path.relative(root, file);
    const code = readFileSync(file, 'utf8');
    const isRootEntry = rel.startsWith(`dist${path.sep}src${path.sep}`);
    // Modules using React are client modules (Next.js App Router); the others stay callable from a
    // Server Component: createFetchSessionsClient, prefetchActiveSessions, the catalogs.
    const usesReact = /\bfrom\s*["']react(\/jsx-runtime)?["']/.test(code);
    if (isRootEntry && usesReact && !code.startsWith('"use client";'))
      problems.push(`${rel} uses React but does not start with "use client";`);
    if ((!isRootEntry || !usesReact) && code.startsWith('"use client";'))
      problems.push(`${rel} is not a client module but starts with "use client";`);
    for (const [, spec] of code.matchAll(
      /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']/g,
    )) {
      if (!spec || spec.startsWith('.')) continue;
      const name = packageOf(spec);
      if (!declared.has(name)) problems.push(`${rel} imports "${spec}", which package.json does not declare`);
      else if (isRootEntry && optional.has(name)) problems.push(`${rel} imports the optional peer "${spec}"; only ./mocks may`);
    }
  }
}

// Packs the kit for real, unpacks it into a node_modules of a temp dir, and resolves the subpath as a host would.
function resolveSpecFromTarball(): string | undefined {
  const work = mkdtempSync(path.join(os.tmpdir(), 'active-sessions-spec-'));
  const kit = JSON.parse(readFileSync(path.join(root, 'kit/package.json'), 'utf8')) as { name: string };
  try {
    const packed = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
      cwd: path.join(root, 'kit'),
      encoding: 'utf8',
    });
    if (packed.status !== 0) return `npm pack failed: ${packed.stderr}`;
    const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
    const installed = path.join(work, 'node_modules', ...kit.name.split('/'));
    mkdirSync(installed, { recursive: true });
    const untar = spawnSync('tar', ['-xzf', path.join(work, filename), '-C', installed, '--strip-components=1']);
    if (untar.status !== 0) return `could not unpack ${filename}`;
    const resolved = createRequire(path.join(work, 'host.js')).resolve(`${kit.name}/openapi.yaml`);
    if (!resolved.startsWith(installed)) return `${kit.name}/openapi.yaml resolved outside the tarball: ${resolved}`;
    if (readFileSync(resolved, 'utf8') !== readFileSync(path.join(root, 'kit/openapi.yaml'), 'utf8')) {
      return `${kit.name}/openapi.yaml in the tarball differs from the repo's`;
    }
    return undefined;
  } catch (error) {
    return `${kit.name}/openapi.yaml does not resolve from the packed tarball: ${(error as Error).message}`;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

step("byte budgets (min+gzip, the design card's stack external)");
const cost = await measureOwnCost();
for (const [key, { label, gz }] of Object.entries(BUDGETS)) {
  const measured = cost[key as keyof OwnCost];
  const ok = measured.gz <= gz;
  console.log(
    `  ${ok ? '✔' : '✖'} ${label}: ${formatBytes(measured.gz)} gz (${formatBytes(measured.min)} min) — budget ${formatBytes(gz)}`,
  );
  if (!ok) problems.push(`${label} is ${formatBytes(measured.gz)} gz, over its ${formatBytes(gz)} budget`);
}
const split = await measureFirstLoad();
for (const {
  label,
  gz,
  of: [bundler, part],
} of Object.values(SPLIT_BUDGETS)) {
  const measured = split[bundler][part];
  const ok = measured.gz <= gz;
  console.log(
    `  ${ok ? '✔' : '✖'} ${label}: ${formatBytes(measured.gz)} gz (${formatBytes(measured.min)} min) — budget ${formatBytes(gz)}`,
  );
  if (!ok) problems.push(`${label} is ${formatBytes(measured.gz)} gz, over its ${formatBytes(gz)} budget`);
}
// The split itself: the dialogs and the row menu must stay out of the first load.
for (const bundler of ['esbuild', 'rolldown'] as const) {
  const lazy = split[bundler].lazyChunks;
  if (!lazy.some((chunk) => path.basename(chunk.name).startsWith('actions')))
    problems.push(`${bundler}: the dialogs and the row menu (components/actions) are not split from the first load`);
  console.log(
    `  · ${bundler}: ${split[bundler].chunks} chunks; loaded on intent: ${lazy.map((c) => `${path.basename(c.name).replace(/-[\w-]{8}\.js$/, '')} ${c.gz} B`).join(', ')}`,
  );
}
console.log(
  `  · everything but React (the stack bundled too), esbuild: first load ${formatBytes(split.esbuildAllButReact.firstLoad.gz)}, total ${formatBytes(split.esbuildAllButReact.total.gz)} gz`,
);
// Reported, not budgeted on their own.
console.log(
  `  · the section's code alone, English catalog apart: ${formatBytes(cost.sectionCode.gz)} gz (${formatBytes(cost.sectionCode.min)} min)`,
);
console.log(`  · headless hook + fetch client: ${formatBytes(cost.headless.gz)} gz (${formatBytes(cost.headless.min)} min)`);
// `npm run size -- --modules`: what each module puts in the split (docs/cost.md's per-module table).
if (process.argv.includes('--modules')) {
  console.log("\n  esbuild, module by module (minified bytes in the output; gzip estimated as the module's share of its chunk):");
  for (const { module, firstLoad, min, gz } of split.esbuild.modules) {
    console.log(
      `    ${firstLoad ? 'first load' : 'on intent '}  ${String(min).padStart(6)} min  ≈${String(gz).padStart(5)} gz  ${path.relative('dist/src', module)}`,
    );
  }
}

if (problems.length) {
  console.error(`\n✖ package check: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('\n✔ package check passed.');
