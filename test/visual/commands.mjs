// Browser commands for test/visual/ (run in Node, on the Playwright page that holds the test iframe).

/** Emulates media features (forced-colors, prefers-color-scheme, …); the story's iframe follows the page. */
async function emulateMedia({ page }, media) {
  await page.emulateMedia(media);
}

/** The running Chromium's version, as Playwright reports it (e.g. "156.0.8078.114"). */
async function chromiumVersion({ context }) {
  return context.browser()?.version() ?? 'unknown';
}

export const visualCommands = { emulateMedia, chromiumVersion };
