// The `a11y` suite: what a keyboard-only and a screen-reader user meet: real key presses through
// Playwright, the stylesheet applied, and @guidepup/virtual-screen-reader over the live DOM.
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.ts';
import { BROWSER_DEPS, defineSuite } from '../vitest.shared.ts';

export default defineSuite({
  optimizeDeps: { include: [...BROWSER_DEPS, '@testing-library/react', '@guidepup/virtual-screen-reader'] },
  test: {
    name: 'a11y',
    include: ['**/*.test.{ts,tsx}'],
    browser: {
      enabled: true,
      headless: true,
      // One time zone, so the sign-in times spoken are the same on every machine.
      provider: playwright({ launchOptions: chromiumLaunchOptions, contextOptions: { timezoneId: 'UTC' } }),
      instances: [{ browser: 'chromium' }],
      screenshotFailures: false,
    },
  },
});
