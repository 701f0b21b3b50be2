// The `storybook` suite: every story in .storybook/main.ts becomes a browser test: render, play function, then axe.
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
// Debian's Chromium: Playwright cannot download its own browser here (scripts/test.ts checks it exists).
import { chromiumLaunchOptions } from '../scripts/chromium.ts';
import { defineSuite, STORY_DEPS } from '../test/vitest.shared.ts';

export default defineSuite({
  plugins: [storybookTest({ configDir: '.storybook' })],
  optimizeDeps: { include: STORY_DEPS },
  test: {
    name: 'storybook',
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: chromiumLaunchOptions }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
