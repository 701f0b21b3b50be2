import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quickStartFiles, readmeFiles } from './support/readme';

// The README's quick start is code a product team pastes: each block that names a file is compiled
// against the package as a strict app would (exactOptionalPropertyTypes included), together with the
// type test of test/types/. test/quickstart/run.mjs then runs the same files from the packed tarball.
const root = process.cwd();
const files = readmeFiles();

describe('README quick start', () => {
  it('should name the files of an app: the Vite config with its proxy, the drop-in, the hook, the theme and the locale', () => {
    expect(files.map(({ file }) => file)).toEqual([
      'vite.config.ts',
      'src/App.tsx',
      'src/MySessions.tsx',
      'src/brand.css',
      'src/PolishSettings.tsx',
    ]);
    expect(files.find(({ file }) => file === 'vite.config.ts')?.code).toMatch(/proxy/);
    expect(files.find(({ file }) => file === 'src/MySessions.tsx')?.code).toMatch(/useSessionLabels\(\)/);
  });

  it('should theme with the brand example the Section/Branded story and its screenshots show', () => {
    expect(files.find(({ file }) => file === 'src/brand.css')?.code).toBe(readFileSync('stories/brand.css', 'utf8'));
  });

  it('should compile under strict TypeScript with exactOptionalPropertyTypes', { timeout: 180_000 }, () => {
    const work = path.join(root, 'node_modules/.cache/readme-examples');
    rmSync(work, { recursive: true, force: true });
    const compiled: string[] = [];
    for (const { file, code } of files) {
      if (!/\.tsx?$/.test(file)) continue;
      mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
      writeFileSync(path.join(work, file), code);
      compiled.push(path.join(work, file));
    }
    const tsconfig = {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        jsx: 'react-jsx',
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        resolveJsonModule: true,
        isolatedModules: true,
        skipLibCheck: true,
        noEmit: true,
        types: ['vite/client', 'node'],
        // The package as an app imports it; its types are read from the source they are built from.
        paths: { '@firstparty/active-sessions': [path.join(root, 'src/index.ts')] },
      },
      files: [...compiled, path.join(root, 'test/types/exact-optional.test-d.ts')],
    };
    writeFileSync(path.join(work, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(work, 'tsconfig.json')], {
      encoding: 'utf8',
    });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});

describe('quickStartFiles', () => {
  it('should take only the blocks that name a file, whole', () => {
    const markdown = ['```sh', 'npm install x', '```', '', '```ts file=a.ts', 'const a = 1;', '', 'export { a };', '```'].join('\n');
    expect(quickStartFiles(markdown)).toEqual([{ file: 'a.ts', code: 'const a = 1;\n\nexport { a };\n' }]);
  });
});

// The README's tree (under "Working on this repository") names every folder the repository tracks at
// its top level and in src/, and no folder that is gone: a moved or added folder fails here until the
// diagram says where it sits.
describe('README layout', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const tree = /^## Working on this repository\n[\s\S]*?^```text\n([\s\S]*?)^```$/m.exec(readme)?.[1] ?? '';
  const named = (indent: string) => [...tree.matchAll(new RegExp(`^${indent}([\\w.-]+)/ +\\S`, 'gm'))].map(([, name]) => name).sort();
  const tracked = spawnSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' });
  const folders = (under: string) =>
    [
      ...new Set(
        tracked.stdout
          .split('\n')
          .flatMap((file) =>
            file.startsWith(under) && file.slice(under.length).includes('/') ? [file.slice(under.length).split('/')[0]!] : [],
          ),
      ),
    ].sort();

  it('should name each top-level folder of the repository, and only those', () => {
    expect(tracked.status, `git ls-files failed (this test reads the repository's tracked files): ${tracked.stderr}`).toBe(0);
    expect(named('')).toEqual(folders(''));
  });

  it('should name each folder of src/, and only those', () => {
    expect(named('  ')).toEqual(folders('src/'));
  });
});
