#!/usr/bin/env -S npx tsx
// `npm run release:check`: each package's version, changelog and API report agree (docs/versioning.md).
//
//   1. the version in package.json is the newest entry (`## x.y.z`) of the package's CHANGELOG.md;
//   2. each API report matches the built API (scripts/api-report.ts; `--no-build` uses dist/ as it is);
//   3. a report that changed since the last release (the last commit that changed the version) comes
//      with a bump at least as big as the change: lines added need minor, lines removed or changed a
//      breaking bump (major; minor while 0.x) — from pending changesets or the version already bumped.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiPackages, type ApiPackage } from './api-report';

const root = fileURLToPath(new URL('..', import.meta.url));

export type Bump = 'none' | 'patch' | 'minor' | 'major';
const order: Bump[] = ['none', 'patch', 'minor', 'major'];
const larger = (a: Bump, b: Bump): Bump => (order.indexOf(a) >= order.indexOf(b) ? a : b);

/** The bump from one version to another. */
export function bumpBetween(from: string, to: string): Bump {
  const [a = 0, b = 0, c = 0] = from.split('.').map(Number);
  const [x = 0, y = 0, z = 0] = to.split('.').map(Number);
  if (x !== a) return x > a ? 'major' : 'none';
  if (y !== b) return y > b ? 'minor' : 'none';
  return z > c ? 'patch' : 'none';
}

/** The bump an API report change needs: added lines a minor one, removed or changed lines a breaking one. */
export function bumpForReportChange(before: string, after: string, version: string): Bump {
  const lines = (text: string) =>
    new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    );
  const old = lines(before);
  const now = lines(after);
  const removed = [...old].some((line) => !now.has(line));
  const added = [...now].some((line) => !old.has(line));
  if (removed) return version.startsWith('0.') ? 'minor' : 'major';
  return added ? 'minor' : 'none';
}

/** The versions a CHANGELOG.md lists (`## 0.2.0`), newest first. */
export function changelogVersions(markdown: string): string[] {
  return [...markdown.matchAll(/^## (\d+\.\d+\.\d+\S*)\s*$/gm)].map(([, version = '']) => version);
}

/** The bumps pending changesets (.changeset/*.md) ask for, by package name. */
export function pendingBumps(changesetDir: string): Map<string, Bump> {
  const bumps = new Map<string, Bump>();
  if (!existsSync(changesetDir)) return bumps;
  for (const file of readdirSync(changesetDir)) {
    if (!file.endsWith('.md') || file === 'README.md') continue;
    const frontMatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(changesetDir, file), 'utf8'))?.[1] ?? '';
    for (const [, name = '', bump = ''] of frontMatter.matchAll(/^\s*["']?([^"':]+)["']?\s*:\s*(patch|minor|major)\s*$/gm)) {
      bumps.set(name, larger(bumps.get(name) ?? 'none', bump as Bump));
    }
  }
  return bumps;
}

function git(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** The reports of a package's API Extractor configs, from the repository root. */
function reportsOf(pkg: ApiPackage): string[] {
  return pkg.configs.map((config) => {
    const text = readFileSync(path.join(root, config), 'utf8');
    const name = /"reportFileName"\s*:\s*"([^"]+)"/.exec(text)?.[1];
    if (!name) throw new Error(`${config} names no reportFileName`);
    return `etc/${name}`;
  });
}

/** Checks one package; returns its problems. */
export function checkPackage(pkg: ApiPackage, pending: Map<string, Bump>): string[] {
  const problems: string[] = [];
  const manifestPath = path.join(pkg.folder, 'package.json');
  const manifest = JSON.parse(readFileSync(path.join(root, manifestPath), 'utf8')) as { name: string; version: string };
  if (manifest.name !== pkg.name) problems.push(`${manifestPath} names ${manifest.name}, not ${pkg.name}`);

  const changelogPath = path.join(pkg.folder, 'CHANGELOG.md');
  if (!existsSync(path.join(root, changelogPath))) {
    problems.push(`${changelogPath} is missing`);
  } else {
    const [newest] = changelogVersions(readFileSync(path.join(root, changelogPath), 'utf8'));
    if (newest !== manifest.version)
      problems.push(
        `${changelogPath}'s newest entry is ${newest ?? 'missing'}, but ${manifestPath} says ${manifest.version}: run \`npx changeset version\``,
      );
  }

  // The last release: the last commit that changed the version line of package.json.
  const released = git(['log', '-1', '--format=%H', '-G', '"version"', '--', manifestPath])?.trim();
  const releasedVersion = released
    ? (JSON.parse(git(['show', `${released}:${manifestPath}`]) ?? '{}') as { version?: string }).version
    : undefined;
  const bumped = larger(pending.get(pkg.name) ?? 'none', releasedVersion ? bumpBetween(releasedVersion, manifest.version) : 'none');
  for (const report of reportsOf(pkg)) {
    if (!existsSync(path.join(root, report))) {
      problems.push(`${report} is missing: run \`npm run api:update\``);
      continue;
    }
    const before = released ? git(['show', `${released}:${report}`]) : undefined;
    if (before === undefined) continue; // No report at the last release: nothing to compare with.
    const needed = bumpForReportChange(before, readFileSync(path.join(root, report), 'utf8'), releasedVersion ?? manifest.version);
    if (order.indexOf(bumped) < order.indexOf(needed)) {
      problems.push(
        `${report} changed since ${releasedVersion} (needs a ${needed} bump), but ${pkg.name} has ${bumped === 'none' ? 'no bump and no changeset' : `only a ${bumped} bump`}: add a changeset (\`npx changeset\`)`,
      );
    }
  }
  return problems;
}

function main(argv: string[]) {
  let failed = false;
  const apiCheck = spawnSync('npx', ['tsx', 'scripts/api-report.ts', ...argv.filter((arg) => arg === '--no-build')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (apiCheck.status !== 0) failed = true;
  const pending = pendingBumps(path.join(root, '.changeset'));
  for (const pkg of apiPackages) {
    if (!existsSync(path.join(root, pkg.folder, 'package.json'))) {
      console.log(`- ${pkg.name}: skipped (no ${pkg.folder}/package.json in this checkout)`);
      continue;
    }
    const problems = checkPackage(pkg, pending);
    if (problems.length === 0) console.log(`✔ ${pkg.name}: version, changelog and API report agree`);
    for (const problem of problems) console.error(`✖ ${pkg.name}: ${problem}`);
    if (problems.length > 0) failed = true;
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
