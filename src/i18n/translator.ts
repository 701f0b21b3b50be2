import { cached } from './cache';
import { compileMessage, type FormatMessage } from './format';
import en from './messages/en.json';
import type enActions from './messages/en.actions.json';

/** Every message key of the source catalog: what the first paint shows, and what only the reader's actions show. */
export type MessageKey = keyof typeof en | keyof typeof enActions;

/** A catalog of ICU messages by key; a partial one falls back to English key by key. */
export type Catalog = Readonly<Partial<Record<MessageKey, string>>> | Readonly<Record<string, string>>;

/** Formats one message with its values. */
export type Translate = (key: MessageKey, values?: Record<string, string | number | Date>) => string;

/** A locale's formatter: the resolved locale, its text direction and `t`. */
export type Translator = { locale: string; dir: 'ltr' | 'rtl'; t: Translate };

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'iw', 'ps', 'ur', 'yi', 'dv', 'ckb', 'sd', 'ug']);
const warned = new Set<string>();

// English is the fallback of any key a catalog lacks or breaks. The first paint's messages are always
// here; those only the dialogs show arrive with their chunk (addEnglish), so a first paint carries none.
const englishMessages: Record<string, string | undefined> = { ...en };

/** Adds English fallbacks that travel with a part loaded on demand (a dialog and its messages). */
export function addEnglish(messages: Readonly<Record<string, string>>): void {
  Object.assign(englishMessages, messages);
}

// The English message, compiled once for every translator, which a broken translation may need on each
// of 1,000 rows. A key whose part has not loaded reads as the key, never as a crash.
const english = (key: MessageKey): FormatMessage => {
  const message = englishMessages[key];
  return message === undefined ? () => key : cached(`en:${key}`, () => compileMessage(message, 'en'));
};

// Development builds warn once per problem. Each call sits behind its own process.env.NODE_ENV check,
// which bundlers replace (as React and TanStack Query rely on), so production bundles carry none of
// these messages.
function warnOnce(message: string) {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[active-sessions] ${message}`);
}

/** A valid BCP 47 tag for `locale`, or `en` (with a warning) when it is not one. */
export function resolveLocale(locale: string | undefined): string {
  if (!locale) return 'en';
  try {
    // Stryker disable next-line StringLiteral: a tag that does not throw canonicalizes to exactly one, so the fallback is for the type only
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    if (process.env.NODE_ENV !== 'production') warnOnce(`"${locale}" is not a valid BCP 47 locale; using "en".`);
    return 'en';
  }
}

/** The text direction of a locale, from Intl where the runtime knows it. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  try {
    const tag = new Intl.Locale(locale) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    const direction = tag.getTextInfo?.().direction ?? tag.textInfo?.direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
    return RTL_LANGUAGES.has(tag.language) ? 'rtl' : 'ltr';
  } catch {
    // A runtime without Intl.Locale (Safari before 14): the language subtag of the canonical tag.
    return RTL_LANGUAGES.has(locale.split('-', 1)[0]!) ? 'rtl' : 'ltr';
  }
}

/** Builds the formatter for a locale and catalog; messages are parsed once and cached. */
export function createTranslator(locale: string | undefined, strings?: Catalog): Translator {
  const resolved = resolveLocale(locale);
  const catalog = (strings ?? {}) as Record<string, string | undefined>;
  const cache = new Map<MessageKey, FormatMessage>();

  function compile(key: MessageKey): FormatMessage {
    const cached = cache.get(key);
    // Stryker disable next-line ConditionalExpression: compiling again gives the same message, and each warning is given once anyway; only speed differs
    if (cached) return cached;
    const own = catalog[key];
    let format: FormatMessage | undefined;
    if (typeof own === 'string') {
      try {
        format = compileMessage(own, resolved);
      } catch (error) {
        if (process.env.NODE_ENV !== 'production') {
          warnOnce(`message "${key}" for "${resolved}" is not valid ICU (${(error as Error).message}); using English.`);
        }
      }
    } else if (process.env.NODE_ENV !== 'production' && strings && resolved !== 'en' && !resolved.startsWith('en-')) {
      warnOnce(`message "${key}" is missing for "${resolved}"; using English.`);
    }
    // A key whose English has not arrived yet (its dialog not loaded) is looked up again next time.
    if (format || englishMessages[key] !== undefined) cache.set(key, (format ??= english(key)));
    return format ?? english(key);
  }

  const t: Translate = (key, values) => {
    try {
      return compile(key)(values);
    } catch (error) {
      // A translation that fails at runtime (e.g. a placeholder it should not have) falls back to English.
      if (process.env.NODE_ENV !== 'production') {
        warnOnce(`message "${key}" for "${resolved}" failed to format (${(error as Error).message}); using English.`);
      }
      return english(key)(values);
    }
  };

  return { locale: resolved, dir: directionOf(resolved), t };
}
