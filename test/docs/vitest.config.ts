import { defineConfig } from 'vitest/config';

// The static Storybook's docs pages in Debian's Chromium (docs-pages.check.ts), and the public API
// report's check against a deliberately changed export (api-report.check.ts). Node, no jsdom; run by
// `npm run test:docs`. The files end in .check.ts so the jsdom `unit` project never picks them up.
export default defineConfig({
  test: {
    name: 'docs',
    root: new URL('../..', import.meta.url).pathname,
    environment: 'node',
    include: ['test/docs/**/*.check.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
