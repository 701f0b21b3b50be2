import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
// Debian's Chromium: Playwright cannot download its own browser here (scripts/test.mjs checks it exists).
import { chromiumLaunchOptions } from './scripts/chromium.mjs';
import { react18Aliases } from './scripts/react18.mjs';

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
          environment: 'jsdom',
          // The .tsx tests are the ones that render; the .ts ones (client, core, formatter, i18n check)
          // load no React, so a second run would repeat the same code for the same result.
          include: ['test/**/*.test.tsx'],
          setupFiles: ['test/setup.ts'],
          env: { EXPECTED_REACT: '18' },
        },
      },
      {
        extends: true,
        // Every story in .storybook/main.ts becomes a browser test: render, play function, then axe.
        plugins: [storybookTest({ configDir: '.storybook' })],
        // Found up front, so a cold run does not reload mid-test ("Failed to fetch dynamically imported module").
        optimizeDeps: {
          include: [
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
          ],
        },
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
    ],
  },
});
