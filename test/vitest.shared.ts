// What every suite's Vitest config shares. Vitest runs each suite from its config's folder: `include`
// and `setupFiles` are relative to it.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { configDefaults, defineProject, mergeConfig, type TestProjectConfiguration, type UserWorkspaceConfig } from 'vitest/config';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The folders of test/ whose tests run in a suite of their own (Node, or Chromium), never in jsdom. */
export const JSDOM_EXCLUDE = [
  ...configDefaults.exclude,
  'browser/**',
  'visual/**',
  'server/**',
  'e2e/**',
  'contract-check/**',
  'consumer/**',
  'next/**',
];

// Found up front, so a cold run does not reload mid-test ("Failed to fetch dynamically imported module").
export const BROWSER_DEPS = [
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
];
export const STORY_DEPS = [
  ...BROWSER_DEPS,
  'msw/browser',
  'msw-storybook-addon/csf3',
  'storybook/test',
  'storybook/preview-api',
  'storybook/viewport',
  '@storybook/react-vite',
  '@storybook/addon-a11y/preview',
  '@storybook/addon-docs/preview',
  'axe-core',
];

/** A suite's config: its own settings over the shared ones. */
export function defineSuite(config: UserWorkspaceConfig): UserWorkspaceConfig {
  return mergeConfig(defineProject({ plugins: [react()] }), defineProject(config)) as UserWorkspaceConfig;
}

export type { TestProjectConfiguration };
