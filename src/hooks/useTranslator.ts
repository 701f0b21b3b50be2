import { useContext } from 'react';
import { ActiveSessionsContext } from './ActiveSessionsProvider';
import { addEnglish, createTranslator, type Catalog, type Translator } from '../i18n/translator';

// One translator per locale and catalog object, shared by every row (1,000 rows parse each message once).
const translators = new Map<string, WeakMap<object, Translator>>();
const NO_STRINGS = {};

function translatorFor(locale: string | undefined, strings: Catalog | undefined): Translator {
  const key = locale ?? 'en';
  let byStrings = translators.get(key);
  if (!byStrings) translators.set(key, (byStrings = new WeakMap()));
  const catalog = strings ?? NO_STRINGS;
  let translator = byStrings.get(catalog);
  if (!translator) byStrings.set(catalog, (translator = createTranslator(locale, strings)));
  return translator;
}

/**
 * The provider's locale and strings as a translator; English outside a provider, so a row renders with no
 * setup. A part loaded on demand passes its own English fallbacks, which the host's strings come before.
 */
export function useTranslator(english?: Readonly<Record<string, string>>): Translator {
  if (english) addEnglish(english);
  const context = useContext(ActiveSessionsContext);
  return translatorFor(context?.locale, context?.strings);
}
