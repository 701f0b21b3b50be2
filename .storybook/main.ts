import type { StorybookConfig } from '@storybook/react-vite';

// Every state of the section is a story over the MSW-mocked API; `npm run test:browser` runs them all in
// Chromium through @storybook/addon-vitest (see the `storybook` project in vite.config.ts).
const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  // public/mockServiceWorker.js must be served at the root for the MSW worker to register.
  staticDirs: ['../public'],
  // The theme toolbar paints the background from the stylesheet's tokens; the stock tool would disagree with it.
  features: { backgrounds: false },
  core: { disableTelemetry: true },
};

export default config;
