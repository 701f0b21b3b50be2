import { ar, de, en, ja, pl, pseudo, type Catalog } from '../../src/index';

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
