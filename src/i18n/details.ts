import type { Session } from '../client/types';
import type { Translator } from './translator';
import { cached } from './cache';
import { optionalDisplayText } from '../core/text';

/** What a row shows of a session, ready to render (B1), with every missing detail left out (B2). */
export type SessionDetails = {
  /** "Chrome on macOS", "Chrome", or a generic "Unknown device". */
  device: string;
  /** App labels, e.g. ["ChatGPT", "Codex"]; an unknown id reads as a generic label. */
  apps: string[];
  /** "Warsaw, Poland (approximate)", when any part is known. */
  location?: string;
  /** The sign-in time, when known and valid. */
  signedIn?: { iso: string; date: string; relative: string };
  /** B12: "Active now" or "Last active 3 hours ago", with the last-active time when known; left out when unknown. */
  lastActive?: { iso?: string; text: string };
};

/** The device line: browser and OS, either one alone, or a generic label by device type. */
export function deviceLabel(session: Session, { t }: Translator): string {
  const browser = optionalDisplayText(session.device?.browser);
  const os = optionalDisplayText(session.device?.os);
  if (browser && os) return t('row.device', { browser, os });
  // Stryker disable next-line StringLiteral: any type the message does not name, '' included, selects its `other` branch
  return browser ?? os ?? t('row.device.unknown', { type: session.device?.type ?? 'other' });
}

/** A country given as an ISO 3166 code reads as its name in the reader's language; ZZ (unknown) is no detail. */
function countryName(country: string, locale: string): string | undefined {
  if (/^zz$/i.test(country)) return undefined;
  // Stryker disable next-line Regex: without an anchor, text that is not two letters still reaches Intl.DisplayNames, which rejects it, and the catch below shows it as sent
  if (!/^[A-Za-z]{2}$/.test(country)) return country;
  // Looked up once per locale and code: a long list repeats a handful of countries.
  return cached(`region:${locale}:${country}`, () => {
    try {
      const names = cached(`region:${locale}`, () => new Intl.DisplayNames([locale], { type: 'region' }));
      return names.of(country.toUpperCase()) ?? country;
    } catch {
      return country;
    }
  });
}

/** The approximate place, joined the way the locale joins a list. */
export function locationLabel(session: Session, { locale, t }: Translator): string | undefined {
  const { city, region, country } = session.location ?? {};
  const parts = [city, region, country ? countryName(country, locale) : undefined]
    .map(optionalDisplayText)
    .filter((part): part is string => part !== undefined);
  if (parts.length === 0) return undefined;
  // Not Intl.ListFormat: a place is not a list, and most locales would put "and" before the country.
  return t('row.location', { place: parts.join(t('row.location.separator')) });
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "2 days ago", "yesterday", "now": the largest whole unit, never the future (clocks drift). */
export function relativeTime(iso: string, locale: string, now: number): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  const format = cached(`rel:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** The sign-in date and time in the reader's locale and time zone (in UTC when `inUtc`), with a relative hint. */
export function signedInLabel(session: Session, { locale }: Translator, now: number, inUtc: boolean): SessionDetails['signedIn'] {
  const iso = session.signedInAt;
  if (!iso || Number.isNaN(Date.parse(iso))) return undefined;
  // A server cannot know the reader's time zone, and hydration must render what the server sent: until
  // then a time is shown in UTC, and says so (the long time style names the zone: "2:05:00 PM UTC").
  const format = cached(
    `date:${locale}:${inUtc}`,
    () =>
      new Intl.DateTimeFormat(
        locale,
        inUtc ? { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' },
      ),
  );
  return { iso, date: format.format(new Date(iso)), relative: relativeTime(iso, locale, now) };
}

/** B12: "Active now" when `isActiveNow`, else "Last active {relative}" measured from `now`; undefined when not known. */
export function lastActiveLabel(
  session: Session,
  { locale, t }: Translator,
  isActiveNow: boolean,
  now: number,
): SessionDetails['lastActive'] {
  const raw = session.lastActiveAt;
  const iso = raw && !Number.isNaN(Date.parse(raw)) ? raw : undefined;
  if (isActiveNow) return iso ? { iso, text: t('row.activeNow') } : { text: t('row.activeNow') };
  return iso ? { iso, text: t('row.lastActive', { relative: relativeTime(iso, locale, now) }) } : undefined;
}

/**
 * Everything a row shows of a session (B1, B2, B12); times in UTC when `inUtc` (server HTML).
 * `isActiveNow` is the hook's answer (B12), by default the current session only.
 */
export function describeSession(
  session: Session,
  translator: Translator,
  now = Date.now(),
  inUtc = false,
  isActiveNow = session.isCurrent,
): SessionDetails {
  const apps = [...new Set(session.apps.map((app) => translator.t('row.app', { app })))];
  const details: SessionDetails = { device: deviceLabel(session, translator), apps };
  const location = locationLabel(session, translator);
  const signedIn = signedInLabel(session, translator, now, inUtc);
  const lastActive = lastActiveLabel(session, translator, isActiveNow, now);
  if (location) details.location = location;
  if (signedIn) details.signedIn = signedIn;
  if (lastActive) details.lastActive = lastActive;
  return details;
}
