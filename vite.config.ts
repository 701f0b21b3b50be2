import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
// Debian's Chromium: Playwright cannot download its own browser here (scripts/test.mjs checks it exists).
import { chromiumLaunchOptions } from './scripts/chromium.mjs';
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

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/visual/**', 'node_modules/**'],
          setupFiles: ['test/setup.ts'],
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
