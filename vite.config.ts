import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
// Debian's Chromium: Playwright cannot download its own browser here (scripts/test.mjs checks it exists).
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

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
          exclude: [...configDefaults.exclude, 'test/contract-check/**'],
          setupFiles: ['test/setup.ts'],
        },
      },
      {
        extends: true,
        // The contract-check bin against in-memory servers of the contract, correct and broken.
        test: {
          name: 'contract-check',
          environment: 'node',
          include: ['test/contract-check/**/*.test.ts'],
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
