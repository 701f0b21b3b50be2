// The demo page, built like a host app would build it: `@firstparty/active-sessions` resolves through
// the package's own "exports" to the built dist/ (never src/), so the demo runs what a product ships.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | { import: string }>;
};

/** One exact alias per export of the package: `.` and `./styles.css` → the files in dist/. */
const aliases = Object.entries(pkg.exports).map(([subpath, target]) => ({
  find: new RegExp(`^${(pkg.name + subpath.slice(1)).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
  replacement: path.join(root, typeof target === 'string' ? target : target.import),
}));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  envDir: false,
  logLevel: 'warn',
  plugins: [react()],
  resolve: { alias: aliases },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
});
