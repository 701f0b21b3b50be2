#!/usr/bin/env -S npx tsx
// `npm run build`: the publishable dist/ of @firstparty/active-sessions.
//
//   1. JavaScript: Vite library mode (scripts/vite.lib.config.ts), ESM, one module per source module.
//   2. Types: `tsc -p tsconfig.build.json` (declarations + declaration maps only), then every relative
//      specifier is given the `.js` path it has in dist, so Node16/NodeNext consumers resolve them,
//      and each JSON catalog (emitted as `en.js`) gets an `en.d.ts` beside it.
//   3. src/styles.css → dist/styles.css, as written (readable: the custom properties are the theming API).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');

function fail(message: string): never {
  console.error(`✖ build: ${message}`);
  process.exit(1);
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

const started = performance.now();
rmSync(dist, { recursive: true, force: true });

// 1. JavaScript
await build({ configFile: path.join(root, 'scripts/vite.lib.config.ts'), mode: 'production' });

// 2. Types
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (tsc.status !== 0) fail('tsc -p tsconfig.build.json failed (see above).');

const isFile = (file: string): boolean => existsSync(file) && statSync(file).isFile();
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?(?:\/[^'"]*)?)\2/g;

/** The TypeScript type of a parsed JSON value, as `tsc` would infer it for `resolveJsonModule`. */
function jsonType(value: unknown, indent = ''): string {
  if (Array.isArray(value)) return `(${[...new Set(value.map((v) => jsonType(v, indent)))].join(' | ') || 'never'})[]`;
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const inner = indent + '    ';
  const fields = Object.entries(value).map(([key, v]) => `${inner}${JSON.stringify(key)}: ${jsonType(v, inner)};`);
  return `{\n${fields.join('\n')}\n${indent}}`;
}

for (const file of walk(dist)) {
  if (!file.endsWith('.d.ts')) continue;
  const dir = path.dirname(file);
  const text = readFileSync(file, 'utf8');
  const rewritten = text.replace(SPECIFIER, (match, lead: string, quote: string, specifier: string) => {
    const target = path.resolve(dir, specifier);
    let resolved: string;
    if (isFile(`${target}.d.ts`)) resolved = `${specifier}.js`;
    // The kit's generated contract types (dist/kit/src, types only, for mocks' WireSession) already say `.js`.
    else if (specifier.endsWith('.js') && isFile(target.replace(/\.js$/, '.d.ts'))) resolved = specifier;
    else if (isFile(path.join(target, 'index.d.ts'))) resolved = `${specifier.replace(/\/$/, '')}/index.js`;
    else if (specifier.endsWith('.json')) {
      const source = path.join(root, path.relative(dist, target));
      if (!isFile(source)) fail(`${path.relative(root, file)}: "${specifier}" has no source at ${path.relative(root, source)}.`);
      const declaration = `declare const catalog: ${jsonType(JSON.parse(readFileSync(source, 'utf8')))};\nexport default catalog;\n`;
      // Vite emits `messages/en.json` as `messages/en.js`; its declaration goes beside it.
      writeFileSync(target.replace(/\.json$/, '.d.ts'), declaration);
      resolved = specifier.replace(/\.json$/, '.js');
    } else fail(`${path.relative(root, file)}: cannot resolve "${specifier}" to a declaration in dist.`);
    return `${lead}${quote}${resolved}${quote}`;
  });
  if (rewritten !== text) writeFileSync(file, rewritten);
}

// Every JS module needs its declaration beside it (publint and attw check the entries; this checks the rest).
for (const file of walk(dist)) {
  if (file.endsWith('.js') && !isFile(file.replace(/\.js$/, '.d.ts'))) {
    fail(`${path.relative(root, file)} has no declaration beside it.`);
  }
}

// 3. Styles
const styles = path.join(root, 'src/styles.css');
if (isFile(styles)) copyFileSync(styles, path.join(dist, 'styles.css'));
else fail('src/styles.css is missing; the "./styles.css" export needs it.');

const files = [...walk(dist)];
const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
console.log(
  `✔ build: dist/ in ${Math.round(performance.now() - started)} ms — ${files.filter((f) => f.endsWith('.js')).length} modules, ` +
    `${files.filter((f) => f.endsWith('.d.ts')).length} declarations, ${(bytes / 1024).toFixed(1)} KiB on disk.`,
);
