// Browser commands for test/visual/ (run in Node, on the Playwright page that holds the test iframe).
import type { BrowserCommand } from 'vitest/node';

/** What `emulateMedia` takes: Playwright's `page.emulateMedia` options. */
export type EmulatedMedia = {
  forcedColors?: 'active' | 'none' | null;
  colorScheme?: 'light' | 'dark' | 'no-preference' | null;
  reducedMotion?: 'reduce' | 'no-preference' | null;
};

/** Emulates media features (forced-colors, prefers-color-scheme, …); the story's iframe follows the page. */
const emulateMedia: BrowserCommand<[media: EmulatedMedia]> = async ({ page }, media) => {
  await page.emulateMedia(media);
};

/** The running Chromium's version, as Playwright reports it (e.g. "156.0.8078.114"). */
const chromiumVersion: BrowserCommand<[]> = ({ context }) => context.browser()?.version() ?? 'unknown';

export const visualCommands = { emulateMedia, chromiumVersion };

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateMedia: (media: EmulatedMedia) => Promise<void>;
    chromiumVersion: () => Promise<string>;
  }
}
