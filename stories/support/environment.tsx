import { createContext, useContext } from 'react';
import type { Catalog } from '../../src/index';
import { storyLocales, type StoryLocaleName } from './locales';

/** What the toolbar chose, as the section's props take it. */
export type StoryEnvironment = {
  locale: string;
  strings: Catalog;
  /** `undefined` when the toolbar says "auto": the section then derives it from the locale. */
  dir: 'ltr' | 'rtl' | undefined;
  /** `auto` follows the system's prefers-color-scheme (data-theme="auto"). */
  theme: 'light' | 'dark' | 'auto';
};

/** The toolbar's globals, as preview.tsx declares them. */
export type StoryGlobals = { locale?: StoryLocaleName; theme?: 'light' | 'dark' | 'auto'; dir?: 'auto' | 'ltr' | 'rtl' };

/** Resolves the toolbar's globals into the props every story passes on. */
export function environmentOf(globals: StoryGlobals): StoryEnvironment {
  const chosen = storyLocales[globals.locale ?? 'en'] ?? storyLocales.en;
  return {
    locale: chosen.locale,
    strings: chosen.strings,
    dir: !globals.dir || globals.dir === 'auto' ? undefined : globals.dir,
    theme: globals.theme === 'dark' || globals.theme === 'auto' ? globals.theme : 'light',
  };
}

const StoryEnvironmentContext = createContext<StoryEnvironment>(environmentOf({}));

/** Set by the preview decorator around every story. */
export const StoryEnvironmentProvider = StoryEnvironmentContext.Provider;

/** The locale, strings, direction and theme chosen in the toolbar. */
export function useStoryEnvironment(): StoryEnvironment {
  return useContext(StoryEnvironmentContext);
}

/** The writing direction the page shows: the toolbar's, else the locale's own. */
export function effectiveDir(globals: StoryGlobals): 'ltr' | 'rtl' {
  const { dir } = environmentOf(globals);
  return dir ?? (storyLocales[globals.locale ?? 'en'] ?? storyLocales.en).dir;
}
