import type { BrowserCommand } from 'vitest/node';

/** What `emulateMedia` takes: Playwright's `page.emulateMedia` options. */
export type EmulatedMedia = {
  forcedColors?: 'active' | 'none' | null;
  colorScheme?: 'light' | 'dark' | 'no-preference' | null;
  reducedMotion?: 'reduce' | 'no-preference' | null;
};

export declare const visualCommands: {
  emulateMedia: BrowserCommand<[media: EmulatedMedia]>;
  chromiumVersion: BrowserCommand<[]>;
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateMedia: (media: EmulatedMedia) => Promise<void>;
    chromiumVersion: () => Promise<string>;
  }
}
