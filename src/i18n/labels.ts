import type { Session } from '../client/types';
import type { Translator } from './translator';
import { describeSession, type SessionDetails } from './details';

/** A time as a row shows it: its text, and the ISO time for a `<time dateTime>`. */
export type TimeLabel = { text: string; dateTime: string };

/** A row's localized labels, exactly as `SessionRow` shows them, for hosts with their own markup. */
export type SessionLabels = {
  /** "Chrome on macOS", or a generic label by device type. */
  device: string;
  /** App labels, e.g. ["ChatGPT", "Codex"]; an id the strings do not know reads as a generic label. */
  apps: string[];
  /** "Warsaw, Poland (approximate)", when any part is known. */
  place?: string | undefined;
  /** "Signed in Mar 3, 2025, 2:05 PM (2 days ago)", when known. */
  signedIn?: TimeLabel | undefined;
  /** B12: "Active now" or "Last active 5 minutes ago", when known; `dateTime` when the time is known. */
  lastActive?: { text: string; dateTime?: string | undefined } | undefined;
};

/** The sign-in line of a row: the date, then how long ago. */
export function signedInText(signedIn: NonNullable<SessionDetails['signedIn']>, { t }: Translator): string {
  return `${t('row.signedIn', { date: signedIn.date })} (${signedIn.relative})`;
}

/**
 * A row's labels in the translator's locale (`createTranslator(locale, strings)`), measured from `now`;
 * times in UTC when `inUtc` (server HTML, before hydration); "Active now" when `isActiveNow` (the hook's
 * row answer, by default the current session only, as `SessionRow`). Missing details are left out (B2).
 */
export function sessionLabels(
  session: Session,
  translator: Translator,
  now = Date.now(),
  inUtc = false,
  isActiveNow = session.isCurrent,
): SessionLabels {
  const details = describeSession(session, translator, now, inUtc, isActiveNow);
  const labels: SessionLabels = { device: details.device, apps: details.apps };
  if (details.location) labels.place = details.location;
  if (details.signedIn) labels.signedIn = { text: signedInText(details.signedIn, translator), dateTime: details.signedIn.iso };
  if (details.lastActive) {
    const { iso, text } = details.lastActive;
    labels.lastActive = iso ? { text, dateTime: iso } : { text };
  }
  return labels;
}
