// Library build of @firstparty/active-sessions (`npm run build` runs it through scripts/build.ts).
// ESM only, one output module per source module (so each locale catalog is its own module and the
// ones a host does not import shake out), every dependency and peer left to the host's bundler.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('..', import.meta.url));
const srcDir = path.join(root, 'src') + path.sep;

/** A bare specifier (`react`, `@radix-ui/react-dialog`, `msw/browser`) is a package: never bundled. */
export function isPackageImport(id: string): boolean {
  return !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !path.isAbsolute(id);
}

/** A module of src/ that renders JSX or imports React (a component, the provider, a hook): a client module for Next.js. */
export function isClientModule(file: string): boolean {
  return file.startsWith(srcDir) && (file.endsWith('.tsx') || /\bfrom\s*['"]react['"]/.test(readFileSync(file, 'utf8')));
}

export default defineConfig({
  root,
  // No public/ copying, no .env, no dev server: this config only builds the library.
  publicDir: false,
  envDir: false,
  logLevel: 'warn',
  plugins: [react()],
  json: {
    // The catalogs are imported whole (`strings={pl}`); one default export keeps each module small.
    namedExports: false,
    stringify: false,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Product teams' bundlers minify; a readable dist is easier to debug and review.
    minify: false,
    sourcemap: true,
    copyPublicDir: false,
    reportCompressedSize: false,
    lib: {
      entry: {
        'src/index': path.join(root, 'src/index.ts'),
        'mocks/index': path.join(root, 'mocks/index.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isPackageImport,
      output: {
        preserveModules: true,
        preserveModulesRoot: root,
        entryFileNames: '[name].js',
        // Next.js App Router: every module of the root entry that uses React is a client module; the
        // rest (the fetch client, prefetchActiveSessions, the catalogs, the index) stay plain modules a
        // Server Component can call. The mocks are not client modules (tests and service workers).
        banner: (chunk) => (chunk.facadeModuleId && isClientModule(chunk.facadeModuleId) ? '"use client";' : ''),
      },
    },
  },
});
