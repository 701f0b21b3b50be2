// Types for scripts/chromium.mjs, so vite.config.ts can import the launch options.
export const CHROMIUM_PATH: string;
export const chromiumLaunchOptions: { executablePath: string; args: string[] };
