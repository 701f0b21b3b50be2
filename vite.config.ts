import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
// Debian's Chromium: Playwright cannot download its own browser here (scripts/test.mjs checks it exists).
import { chromiumLaunchOptions } from './scripts/chromium.mjs';
import { react18Aliases } from './scripts/react18.mjs';
import { visualCommands } from './test/visual/commands.mjs';

// Found up front, so a cold run does not reload mid-test ("Failed to fetch dynamically imported module").
const storyDeps = [
  'react',
  'react/jsx-runtime',
  'react/jsx-dev-runtime',
  'react-dom',
  'react-dom/client',
  'msw',
  'msw/browser',
  'msw-storybook-addon/csf3',
  '@tanstack/react-query',
  '@radix-ui/react-dialog',
  '@radix-ui/react-dropdown-menu',
  'class-variance-authority',
  'storybook/test',
  'storybook/preview-api',
  'storybook/viewport',
  '@storybook/react-vite',
  '@storybook/addon-a11y/preview',
  '@storybook/addon-docs/preview',
  'axe-core',
];

// The folders whose tests run in a project of their own (Node, or Chromium), never in jsdom.
const elsewhere = ['test/browser/**', 'test/visual/**', 'test/server/**', 'test/e2e/**', 'test/contract-check/**', 'test/kit/**'];

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // The property tests run thousands of generated cases; on this project's 2-core machines under
          // load they pass 5 s. What they assert is behaviour, not speed (speed is the bench's job).
          testTimeout: 30_000,
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, ...elsewhere],
          setupFiles: ['test/setup.ts'],
          env: { EXPECTED_REACT: '19' },
        },
      },
      {
        extends: true,
        // The same suite on React 18.3: `node scripts/react18.mjs` installs it (npm test does) in a
        // folder of its own with every package that imports React, and these aliases resolve to it.
        resolve: { alias: react18Aliases() },
        test: {
          name: 'unit-react18',
          testTimeout: 30_000,
          environment: 'jsdom',
          // The .tsx tests are the ones that render; the .ts ones (client, core, formatter, i18n check)
          // load no React, so a second run would repeat the same code for the same result.
          include: ['test/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, ...elsewhere],
          setupFiles: ['test/setup.ts'],
          env: { EXPECTED_REACT: '18' },
        },
      },
      {
        // The reference server over HTTP, in Node (no jsdom): PGlite always, PostgreSQL when DATABASE_URL is set.
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The demo page against the reference server, driven in Debian's Chromium by playwright-core.
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        // The contract-check bin against in-memory servers of the contract, correct and broken.
        test: {
          name: 'contract-check',
          environment: 'node',
          include: ['test/contract-check/**/*.test.ts', 'test/kit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        // Every story in .storybook/main.ts becomes a browser test: render, play function, then axe.
        plugins: [storybookTest({ configDir: '.storybook' })],
        optimizeDeps: { include: storyDeps },
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: chromiumLaunchOptions,
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        // What a keyboard-only and a screen-reader user meet (test/browser): real key presses through
        // Playwright, the stylesheet applied, and @guidepup/virtual-screen-reader over the live DOM.
        optimizeDeps: {
          include: [
            'react',
            'react/jsx-runtime',
            'react/jsx-dev-runtime',
            'react-dom',
            'react-dom/client',
            'msw',
            '@tanstack/react-query',
            '@radix-ui/react-dialog',
            '@radix-ui/react-dropdown-menu',
            'class-variance-authority',
            '@testing-library/react',
            '@guidepup/virtual-screen-reader',
          ],
        },
        test: {
          name: 'a11y',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          browser: {
            enabled: true,
            headless: true,
            // One time zone, so the sign-in times spoken are the same on every machine.
            provider: playwright({ launchOptions: chromiumLaunchOptions, contextOptions: { timezoneId: 'UTC' } }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        extends: true,
        // Forced colours, reflow, text spacing, the automatic theme and the reference screenshots,
        // measured on the stories in Chromium (test/visual/; `npm run test:visual`).
        optimizeDeps: { include: storyDeps },
        test: {
          name: 'visual',
          include: ['test/visual/**/*.test.{ts,tsx}'],
          // Emulated media (forced colours, colour scheme) is set on the one Playwright page that holds
          // every test iframe: files running side by side would change each other's.
          fileParallelism: false,
          setupFiles: ['test/visual/setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: chromiumLaunchOptions,
              // The test iframe is scaled down to fit the page: a page taller than any story keeps it at 1:1.
              contextOptions: { viewport: { width: 1280, height: 4000 }, locale: 'en-US', timezoneId: 'UTC', deviceScaleFactor: 1 },
            }),
            instances: [{ browser: 'chromium' }],
            commands: visualCommands,
            screenshotFailures: false,
            // Reference screenshots (test/visual/screenshots.test.tsx): one Chromium on Linux makes and
            // reads them, so no browser or platform in the names; a failing run's pictures go to the report.
            expect: {
              toMatchScreenshot: {
                comparatorName: 'pixelmatch',
                comparatorOptions: { threshold: 0.1, allowedMismatchedPixels: 64 },
                resolveScreenshotPath: ({ root, arg, ext }) => `${root}/test/visual/references/${arg}${ext}`,
                resolveDiffPath: ({ root, arg, ext }) => `${root}/test/visual/report/${arg}${ext}`,
              },
            },
          },
        },
      },
    ],
  },
});
