// Builds what the demo page needs, only when it is missing or older than its sources: the package
// (dist/, by `npm run build`) and then the page (server/demo/dist/, by Vite from dist/).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = path.join(root, 'server/demo');
const viteBin = path.join(root, 'node_modules/vite/bin/vite.js');

/** The newest modification time under the given files and folders (0 when none exist). */
function newest(paths: string[]): number {
  let time = 0;
  for (const entry of paths) {
    if (!existsSync(entry)) continue;
    const stat = statSync(entry);
    if (!stat.isDirectory()) time = Math.max(time, stat.mtimeMs);
    else for (const child of readdirSync(entry)) time = Math.max(time, newest([path.join(entry, child)]));
  }
  return time;
}

function isStale(output: string, sources: string[]): boolean {
  return !existsSync(output) || statSync(output).mtimeMs < newest(sources);
}

/** Builds the package and the demo page if needed; says what it did. */
export async function ensureDemoBuilt(log: (line: string) => void = console.log): Promise<void> {
  const packageEntry = path.join(root, 'dist/src/index.js');
  const packageSources = ['src', 'mocks', 'package.json', 'scripts/build.ts', 'scripts/vite.lib.config.ts'].map((p) => path.join(root, p));
  if (isStale(packageEntry, packageSources)) {
    log('building the package (npm run build)…');
    // NODE_ENV=production here too: built from inside a test run (Vitest sets NODE_ENV=test), dist/
    // would call react/jsx-dev-runtime, which the production page below does not have.
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/build.ts')], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) throw new Error('npm run build failed (see above).');
  }
  const page = path.join(demo, 'dist/index.html');
  const pageSources = [path.join(root, 'dist'), ...['index.html', 'main.tsx', 'demo.css', 'vite.config.ts'].map((f) => path.join(demo, f))];
  if (isStale(page, pageSources)) {
    log('building the demo page from dist/ (Vite)…');
    // In a process of its own with NODE_ENV=production: built from inside a test run (Vitest sets
    // NODE_ENV=test) it would otherwise be a development build, which `npm run demo` then serves.
    const result = spawnSync(process.execPath, [viteBin, 'build', '--config', path.join(demo, 'vite.config.ts')], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (result.status !== 0) throw new Error('building the demo page failed (see above).');
  }
}
