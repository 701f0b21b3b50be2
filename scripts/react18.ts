// React 18.3 beside the repo's React 19, for `npm test`'s React 18 runs (the jsdom suite, the type
// check and the consumer test). React 18 goes in a folder of its own, node_modules/.cache/react-18,
// together with every package we load that imports React (TanStack Query, the two Radix primitives,
// Testing Library): those resolve `react` from where they sit, so a copy of them beside React 18 is
// what guarantees one React per run. vite.config.ts aliases these names to that folder in the
// `unit-react18` project; tsconfig.react18.json maps the types the same way.
//
//   npx tsx scripts/react18.ts      installs it when missing or out of date (npm cache first), prints the folder
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The folder React 18.3 is installed in. */
export const REACT18_DIR = path.join(root, 'node_modules/.cache/react-18');

/** The React 18 the runs use, and its types. */
export const REACT18: Record<string, string> = {
  react: '18.3.1',
  'react-dom': '18.3.1',
  '@types/react': '18.3.28',
  '@types/react-dom': '18.3.7',
};

/** Packages that import React, installed again beside React 18 at the versions the repo has. */
export const REACT_DEPENDENTS: string[] = [
  '@tanstack/react-query',
  '@radix-ui/react-dialog',
  '@radix-ui/react-dropdown-menu',
  '@testing-library/react',
  '@testing-library/dom',
];

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Every name above, mapped to its copy in the React 18 folder (Vite `resolve.alias`: the name and its subpaths). */
export function react18Aliases(): Record<string, string> {
  return Object.fromEntries(
    [...Object.keys(REACT18), ...REACT_DEPENDENTS]
      .filter((n) => !n.startsWith('@types/'))
      .map((name) => [name, path.join(REACT18_DIR, 'node_modules', name)]),
  );
}

/** Installs the folder when its package.json is not the one wanted; returns whether it is ready. */
export function ensureReact18({ quiet = false }: { quiet?: boolean } = {}): boolean {
  const dependencies = { ...REACT18, ...Object.fromEntries(REACT_DEPENDENTS.map((name) => [name, installedVersion(name)])) };
  const manifest = JSON.stringify({ name: 'react-18-for-tests', private: true, dependencies }, null, 2);
  const file = path.join(REACT18_DIR, 'package.json');
  const installed = path.join(REACT18_DIR, 'node_modules/react/package.json');
  if (existsSync(file) && readFileSync(file, 'utf8') === manifest && existsSync(installed)) return true;
  mkdirSync(REACT18_DIR, { recursive: true });
  writeFileSync(file, manifest);
  if (!quiet) console.log(`  installing React ${REACT18.react} and its dependents in ${path.relative(root, REACT18_DIR)}`);
  const result = spawnSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', '--no-package-lock'],
    {
      cwd: REACT18_DIR,
      stdio: 'inherit',
    },
  );
  return result.status === 0 && existsSync(installed);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!ensureReact18()) {
    console.error('✖ could not install React 18.3 in node_modules/.cache/react-18 (needs the npm registry or a warm npm cache).');
    process.exit(1);
  }
  console.log(REACT18_DIR);
}
