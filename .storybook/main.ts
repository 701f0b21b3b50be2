import type { StorybookConfig } from '@storybook/react-vite';

// Every state of the section is a story over the MSW-mocked API; `npm run test:browser` runs them all in
// Chromium through @storybook/addon-vitest (see the `storybook` project in vite.config.ts). The guides
// (stories/docs/*.mdx) sit beside them; `npm run test:docs` checks every docs page with axe.
const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/docs/*.mdx', '../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  // public/mockServiceWorker.js must be served at the root for the MSW worker to register.
  staticDirs: ['../public'],
  // The theme toolbar paints the background from the stylesheet's tokens; the stock tool would disagree with it.
  features: { backgrounds: false },
  core: { disableTelemetry: true },
  typescript: {
    // The props tables: react-docgen (the default) reads neither the provider's props that
    // ActiveSessionsSectionProps takes through Partial<Omit<…>> nor SessionRow's (memo(forwardRef(…)));
    // react-docgen-typescript reads both from the TypeScript types, with their TSDoc and @default.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      include: ['src/components/*.tsx'],
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // React's own attributes would bury the component's props.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
};

export default config;
