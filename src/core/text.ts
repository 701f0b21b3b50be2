import type { Session } from '../client/types';

// Bidi marks, overrides and isolates, zero-width spaces, invisible tag characters and control
// characters: in a device or place name they can only spoof or hide text, so they are removed before
// display. ZWNJ and ZWJ (U+200C, U+200D) stay: Persian and Indic scripts and emoji need them.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- removing control characters is this sanitizer's purpose
  /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\u{E0000}-\u{E007F}]/gu;

/** The longest detail shown, in characters; longer server text is cut with an ellipsis. @default 80 */
export const MAX_DETAIL_LENGTH = 80;

/** Makes server text safe and short enough to display: no invisible or direction-changing characters, one line, bounded. */
export function displayText(value: string, maxLength = MAX_DETAIL_LENGTH): string {
  // Line breaks and tabs are control characters too: make them spaces first, so words stay apart.
  const clean = value
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
  // A string of no more UTF-16 units than the limit has no more characters either: most need no split.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a fast path only; skipping it (false, or `<` at exactly the limit) reaches the character count below, which returns the same text whole (the line-level directive also drops the `true` mutant, which the cut tests kill)
  if (clean.length <= maxLength) return clean;
  const chars = Array.from(clean);
  return chars.length > maxLength
    ? `${chars
        .slice(0, maxLength - 1)
        .join('')
        .trimEnd()}…`
    : clean;
}

/** `displayText`, or undefined when nothing visible is left (B2: no empty detail). */
export function optionalDisplayText(value: string | undefined): string | undefined {
  // A custom client is not validated: a number or null where text belongs is a missing detail (B2).
  if (typeof value !== 'string') return undefined;
  return displayText(value) || undefined;
}

// One cleaned copy per session object: the list keeps unchanged sessions the same object across
// refetches, so their rows stay memoized.
const cleaned = new WeakMap<Session, Session>();

/** A session whose server text (device, place, app ids) is cleaned as rows show it, whatever client produced it. */
export function cleanSession(session: Session): Session {
  const known = cleaned.get(session);
  if (known) return known;
  const { device, location } = session;
  const apps = [...new Set(session.apps.map((app) => (typeof app === 'string' ? displayText(app) : '')).filter(Boolean))];
  const clean: Session = { ...session, apps };
  if (device) clean.device = withoutBlank({ ...device, browser: optionalDisplayText(device.browser), os: optionalDisplayText(device.os) });
  if (location) {
    clean.location = withoutBlank({
      city: optionalDisplayText(location.city),
      region: optionalDisplayText(location.region),
      country: optionalDisplayText(location.country),
    });
  }
  if (!clean.device) delete clean.device;
  if (!clean.location) delete clean.location;
  cleaned.set(session, clean);
  return clean;
}

// B2: a detail with nothing visible left is left out, and so is an object with no detail left.
function withoutBlank<T extends Record<string, unknown>>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}
