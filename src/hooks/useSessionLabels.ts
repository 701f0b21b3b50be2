import type { Session } from '../client/types';
import { sessionLabels, type SessionLabels } from '../i18n/labels';
import { useHydrated } from './useHydrated';
import { useTranslator } from './useTranslator';

/** What `useSessionLabels` returns: a session's labels, measured from `now`; "Active now" when `isActiveNow` (pass the hook row's). */
export type UseSessionLabelsResult = (session: Session, now?: number, isActiveNow?: boolean) => SessionLabels;

/** A row's labels in the provider's locale, exactly as `SessionRow` shows them, for hosts that render their own rows. */
export function useSessionLabels(): UseSessionLabelsResult {
  const translator = useTranslator();
  // As SessionRow: server HTML and hydration show UTC, the reader's zone comes right after.
  const inUtc = !useHydrated();
  return (session, now, isActiveNow) => sessionLabels(session, translator, now, inUtc, isActiveNow);
}
