// What a product team's bundle pays for @firstparty/active-sessions, measured the way their bundler
// would: a tiny app entry that imports from the *built* package (resolved through its `exports`
// map), bundled and minified by Vite (Rolldown + Oxc, NODE_ENV=production), then gzipped (level 9).
// Shared by scripts/check-package.ts (budgets) and scripts/bench.ts (the cost report).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildEnvironmentOptions, type Plugin, type Rolldown } from 'vite';

export const root = fileURLToPath(new URL('..', import.meta.url));
const ownManifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | { import?: string }>;
};
export const packageName = ownManifest.name;

const ENTRY = '\0measure-entry.js';

/** Minified bytes and gzip -9 bytes. */
export type Size = { min: number; gz: number };

/** How `bundle` treats imports, and whether it minifies. */
export type BundleOptions = { external?: (id: string) => boolean; minify?: boolean; externalFiles?: RegExp };

/** A chunk of a code-split build: its file, whether it is the entry, the chunks it imports statically, its code. */
type Chunk = {
  name: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports?: string[];
  code: string;
  inputs?: Record<string, number>;
};

/**
 * One module's share of the split (esbuild only: its metafile says how many minified bytes each module
 * puts in each chunk). `gz` is an estimate: the module's share of its chunk's minified bytes, applied to
 * the chunk's gzip size (gzip cannot be split exactly between modules).
 */
export type ModuleShare = { module: string; firstLoad: boolean; min: number; gz: number };

/** The section split as a host's bundler splits it (see `measureFirstLoad`). */
export type SplitSizes = { firstLoad: Size; total: Size; chunks: number; lazyChunks: ({ name: string } & Size)[]; modules: ModuleShare[] };

/** A bare specifier (a package), never a relative or absolute path or a virtual module. */
export const isPackageImport = (id: string): boolean =>
  !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !path.isAbsolute(id);

/** Our own package, resolved as a consumer resolves it: through the `exports` map of package.json. */
function resolveOwnPackage(id: string): string | null {
  if (id !== packageName && !id.startsWith(`${packageName}/`)) return null;
  // Looked up in the map here rather than by import.meta.resolve: under tsx, which runs these scripts,
  // that follows tsconfig.json's `paths` to src/index.ts, and the source would be measured, not dist/.
  const entry = ownManifest.exports[`.${id.slice(packageName.length)}`];
  const target = typeof entry === 'string' ? entry : entry?.import;
  if (!target) throw new Error(`${id}: package.json's exports map has no import entry for it`);
  return path.join(root, target);
}

/** A Vite plugin resolving `@firstparty/active-sessions[/…]` to the built dist/ through the exports map. */
export function ownPackagePlugin(): Plugin {
  return { name: 'own-package', enforce: 'pre', resolveId: (id) => resolveOwnPackage(id) };
}

/**
 * Vite's production build (Rolldown + Oxc, NODE_ENV=production) of `code` as an app's only entry, in
 * memory, with our package resolved through its exports map; `options` adds minifying, CSS and
 * Rolldown's externals and output.
 */
async function buildEntry(code: string, options: BuildEnvironmentOptions) {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    publicDir: false,
    envDir: false,
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [
      {
        name: 'measure-entry',
        enforce: 'pre',
        resolveId: (id) => (id === ENTRY ? ENTRY : null),
        load: (id) => (id === ENTRY ? code : null),
      },
      ownPackagePlugin(),
    ],
    build: {
      write: false,
      modulePreload: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      target: 'es2022',
      ...options,
      rolldownOptions: {
        input: ENTRY,
        // An app build drops entry exports; keep them, they are what the host imports.
        preserveEntrySignatures: 'strict',
        onwarn: () => {},
        ...options.rolldownOptions,
      },
    },
  });
  return result as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
}

/**
 * Bundles `code` (an ES module) and returns its JavaScript and CSS, minified or not.
 * `external(id)` decides which bare imports stay imports (our own package never does).
 */
export async function bundle(
  code: string,
  { external = () => false, minify = true, externalFiles }: BundleOptions = {},
): Promise<{ js: string; css: string }> {
  const result = await buildEntry(code, {
    minify: minify ? 'oxc' : false,
    cssMinify: minify,
    cssCodeSplit: false,
    rolldownOptions: {
      external: (id) => (isPackageImport(id) && !id.startsWith(packageName) && external(id)) || (externalFiles?.test(id) ?? false),
      output: { format: 'es', codeSplitting: false },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const js = outputs
    .filter((o) => o.type === 'chunk')
    .map((o) => o.code)
    .join('\n');
  const css = outputs
    .filter((o): o is Rolldown.OutputAsset => o.type === 'asset' && o.fileName.endsWith('.css'))
    .map((o) => (typeof o.source === 'string' ? o.source : Buffer.from(o.source).toString('utf8')))
    .join('\n');
  return { js, css };
}

/** Bytes, minified bytes as given, and gzip -9 bytes of a text. */
export function sizes(text: string): Size {
  const raw = Buffer.from(text, 'utf8');
  return { min: raw.length, gz: gzipSync(raw, { level: 9 }).length };
}

/** Every bare import of an unminified ES module: `{ 'react': ['useState', 'default', '*'] }`. */
export function importedBindings(js: string): Record<string, string[]> {
  const found: Record<string, Set<string>> = {};
  const add = (spec: string, name: string) => (found[spec] ??= new Set()).add(name);
  for (const [, clause = '', spec = ''] of js.matchAll(/^import\s+([^'"]*?)\s*from\s*["']([^"']+)["'];?/gm)) {
    let rest = clause.trim();
    const named = rest.match(/\{([^}]*)\}/);
    if (named) {
      for (const part of named[1]!
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean))
        add(spec, part.split(/\s+as\s+/)[0]!.trim());
      rest = rest.replace(named[0], '');
    }
    if (/\*\s*as\s+\w+/.test(rest)) add(spec, '*');
    else if (/^[\w$]+/.test(rest.replace(/^,|,$/g, '').trim())) add(spec, 'default');
  }
  for (const [, spec = ''] of js.matchAll(/^import\s*["']([^"']+)["'];?/gm)) found[spec] ??= new Set();
  return Object.fromEntries(Object.entries(found).map(([k, v]) => [k, [...v].sort()]));
}

/** The package a specifier belongs to: `@radix-ui/react-dialog`, `react` (for `react/jsx-runtime`). */
export const packageOf = (spec: string): string =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

// The English catalog is data every section carries (the fallback for any missing key); it is
// measured on its own so code and strings each have a budget.
const EN_CATALOG = /[\\/]i18n[\\/]messages[\\/]en\.js$/;

/**
 * The design card's stack, which a host pays for anyway (the floor), by package group: React, TanStack
 * Query, the Radix primitives and class-variance-authority. Any other package the built code imports
 * is bundled and counts as ours. `npm run bench` reports each group's own bytes.
 */
export const STACK: { label: string; owns: (id: string) => boolean; mount?: boolean }[] = [
  {
    label: 'react + react-dom (incl. react-dom/client createRoot)',
    owns: (id) => /^(react|react-dom|scheduler)(\/|$)/.test(id),
    mount: true,
  },
  { label: '@tanstack/react-query', owns: (id) => id.startsWith('@tanstack/') },
  { label: '@radix-ui/react-dialog + react-dropdown-menu', owns: (id) => id.startsWith('@radix-ui/') },
  { label: 'class-variance-authority', owns: (id) => /^(class-variance-authority|clsx)(\/|$)/.test(id) },
];

export const isStack = (id: string): boolean => STACK.some((group) => group.owns(id));

/** What `measureOwnCost` measures, each part min+gzip. */
export type OwnCost = {
  section: Size;
  sectionCode: Size;
  catalog: Size;
  hook: Size;
  client: Size;
  headless: Size;
  css: Size;
};

/** Our cost: the built package with the design card's stack external, and any other dependency bundled. */
export async function measureOwnCost(): Promise<OwnCost> {
  const external = isStack;
  const own = (names: string, options: BundleOptions = {}) =>
    bundle(`export { ${names} } from '${packageName}';`, { external, ...options });
  const section = await own('ActiveSessionsSection');
  const sectionCode = await own('ActiveSessionsSection', { externalFiles: EN_CATALOG });
  const catalog = await own('en');
  const hook = await own('ActiveSessionsProvider, useActiveSessions');
  const client = await own('createFetchSessionsClient');
  const headless = await own('ActiveSessionsProvider, useActiveSessions, createFetchSessionsClient');
  const css = await bundle(`import '${packageName}/styles.css';`, { external });
  return {
    section: sizes(section.js),
    sectionCode: sizes(sectionCode.js),
    catalog: sizes(catalog.js),
    hook: sizes(hook.js),
    client: sizes(client.js),
    headless: sizes(headless.js),
    css: sizes(css.css),
  };
}

export const formatBytes = (n: number): string => (n >= 1024 ? `${(n / 1024).toFixed(2)} KB` : `${n} B`);

/**
 * The section as a host's bundler splits it (issue 23): the entry chunk plus every chunk it imports
 * statically (the first load), and every chunk (the total), each chunk gzipped on its own, every
 * dependency external. Measured by esbuild with code splitting, and by Rolldown (this project's build).
 */
export async function measureFirstLoad(
  names = 'ActiveSessionsSection',
): Promise<{ esbuild: SplitSizes; rolldown: SplitSizes; esbuildAllButReact: SplitSizes }> {
  const code = `export { ${names} } from '${packageName}';`;
  const { build: esbuild } = await import('esbuild');
  // `external(id)`: which packages stay imports; ours never does.
  const splitByEsbuild = async (external: (id: string) => boolean) => {
    const result = await esbuild({
      stdin: { contents: code, resolveDir: root, loader: 'js' },
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      write: false,
      outdir: path.join(root, 'node_modules/.cache/first-load'),
      metafile: true,
      target: 'es2022',
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
      plugins: [
        {
          name: 'own-package-and-externals',
          setup(build) {
            build.onResolve({ filter: /^[^./]/ }, (args) => {
              const own = resolveOwnPackage(args.path);
              if (own) return { path: own };
              return isPackageImport(args.path) && external(args.path) ? { path: args.path, external: true } : undefined;
            });
          },
        },
      ],
    });
    const byName = new Map(result.outputFiles.map((file) => [path.relative(root, file.path), file.text]));
    return splitSizes(
      Object.entries(result.metafile.outputs)
        .filter(([name]) => name.endsWith('.js'))
        .map(([name, output]) => ({
          name,
          isEntry: output.entryPoint === '<stdin>',
          imports: output.imports.filter((i) => !i.external && i.kind === 'import-statement').map((i) => i.path),
          code: byName.get(name) ?? '',
          inputs: Object.fromEntries(Object.entries(output.inputs).map(([input, { bytesInOutput }]) => [input, bytesInOutput])),
        })),
    );
  };
  const esbuildOwn = await splitByEsbuild(() => true);
  // What a host's first load holds of everything but React: TanStack Query, Radix and cva bundled too.
  const esbuildAllButReact = await splitByEsbuild((id) => /^(react|react-dom|scheduler)(\/|$)/.test(id));

  const rolldown = await buildEntry(code, {
    minify: 'oxc',
    rolldownOptions: { external: (id) => isPackageImport(id) && !id.startsWith(packageName), output: { format: 'es' } },
  });
  const rolldownChunks = (Array.isArray(rolldown) ? rolldown : [rolldown])
    .flatMap((r) => r.output)
    .filter((o) => o.type === 'chunk')
    .map((o) => ({ name: o.fileName, isEntry: o.isEntry, imports: o.imports, dynamicImports: o.dynamicImports, code: o.code }));
  return { esbuild: esbuildOwn, rolldown: splitSizes(rolldownChunks), esbuildAllButReact };
}

/** First load (the entry and what it imports statically, transitively) and total, each chunk gzipped alone. */
function splitSizes(chunks: Chunk[]): SplitSizes {
  const byName = new Map(chunks.map((c) => [c.name, c]));
  const first = new Set<string>();
  const visit = (name: string) => {
    if (first.has(name) || !byName.has(name)) return;
    first.add(name);
    for (const next of byName.get(name)!.imports) visit(next);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.name);
  const sum = (list: Chunk[]) =>
    list.reduce(
      (total, c) => {
        const s = sizes(c.code);
        return { min: total.min + s.min, gz: total.gz + s.gz };
      },
      { min: 0, gz: 0 },
    );
  const modules = chunks.flatMap((c) => {
    const { min, gz } = sizes(c.code);
    return Object.entries(c.inputs ?? {})
      .filter(([, bytes]) => bytes > 0)
      .map(([module, bytes]) => ({ module, firstLoad: first.has(c.name), min: bytes, gz: Math.round((bytes * gz) / min) }));
  });
  return {
    firstLoad: sum(chunks.filter((c) => first.has(c.name))),
    total: sum(chunks),
    chunks: chunks.length,
    lazyChunks: chunks.filter((c) => !first.has(c.name)).map((c) => ({ name: c.name, ...sizes(c.code) })),
    modules: modules.sort((a, b) => b.min - a.min),
  };
}
