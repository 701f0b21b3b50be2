// The `visual` suite: forced colours, reflow, text spacing, the automatic theme and the reference
// screenshots, measured on the stories in Chromium (`npm run test:visual`).
import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.ts';
import { defineSuite, ROOT, STORY_DEPS } from '../vitest.shared.ts';
import { visualCommands } from './commands.ts';

export default defineSuite({
  optimizeDeps: { include: STORY_DEPS },
  test: {
    name: 'visual',
    include: ['**/*.test.{ts,tsx}'],
    // Emulated media (forced colours, colour scheme) is set on the one Playwright page that holds every
    // test iframe: files running side by side would change each other's.
    fileParallelism: false,
    setupFiles: ['./setup.ts'],
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
      // Reference screenshots (screenshots.test.tsx): one Chromium on Linux makes and reads them, so no
      // browser or platform in the names; a failing run's pictures go to the report.
      expect: {
        toMatchScreenshot: {
          comparatorName: 'pixelmatch',
          comparatorOptions: { threshold: 0.1, allowedMismatchedPixels: 64 },
          resolveScreenshotPath: ({ arg, ext }) => `${ROOT}test/visual/references/${arg}${ext}`,
          resolveDiffPath: ({ arg, ext }) => `${ROOT}test/visual/report/${arg}${ext}`,
        },
      },
    },
  },
});
