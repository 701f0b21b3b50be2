import type { Catalog } from '../../src/index';
// The catalogs ship from src/index.ts as `en`, `pl`, …; until then read the JSON files directly.
import en from '../../src/i18n/messages/en.json';
import pl from '../../src/i18n/messages/pl.json';
import de from '../../src/i18n/messages/de.json';
import ja from '../../src/i18n/messages/ja.json';
import ar from '../../src/i18n/messages/ar.json';
import pseudo from '../../src/i18n/messages/pseudo.json';

/** A locale of the toolbar: the BCP 47 tag the section gets, its catalog and its writing direction. */
export type StoryLocale = { title: string; locale: string; strings: Catalog; dir: 'ltr' | 'rtl' };

/** Every catalog the package ships, by toolbar value. */
export const storyLocales = {
  en: { title: 'English', locale: 'en', strings: en, dir: 'ltr' },
  pl: { title: 'Polski', locale: 'pl', strings: pl, dir: 'ltr' },
  de: { title: 'Deutsch', locale: 'de', strings: de, dir: 'ltr' },
  ja: { title: '日本語', locale: 'ja', strings: ja, dir: 'ltr' },
  ar: { title: 'العربية', locale: 'ar', strings: ar, dir: 'rtl' },
  // The conventional pseudo-locale tag: English numbers, dates and plurals, accented and padded text.
  pseudo: { title: 'Pseudo-locale', locale: 'en-XA', strings: pseudo, dir: 'ltr' },
} satisfies Record<string, StoryLocale>;

export type StoryLocaleName = keyof typeof storyLocales;
