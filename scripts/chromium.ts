// The one browser every Chromium run uses (Storybook tests, the consumer test, the bench): Debian's
// Chromium, since Playwright cannot download its own here; CHROMIUM_PATH names another.
/** Where the browser is. */
export const CHROMIUM_PATH: string = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Playwright's launch options for it: headless-friendly flags, no background traffic. */
export const chromiumLaunchOptions = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
