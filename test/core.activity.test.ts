import { describe, expect, it } from 'vitest';
import type { Session } from '../src';
import { isActiveNow, isNewSignIn, newSinceTime, orderSessions } from '../src/core/sessions';
import { describeSession, lastActiveLabel } from '../src/i18n/details';
import { createTranslator } from '../src/i18n/translator';
import { de } from '../src';

const session = (overrides: Partial<Session> & { id: string }): Session => ({
  isCurrent: false,
  isTrusted: false,
  status: 'active',
  apps: [],
  ...overrides,
});
const ids = (sessions: Session[]) => sessions.map((s) => s.id);
const LOADED = Date.parse('2026-03-04T12:00:00Z');
const minutesBefore = (minutes: number) => new Date(LOADED - minutes * 60_000).toISOString();
const english = createTranslator('en');

describe('orderSessions (B12)', () => {
  it('should put the current session first, then the most recently active, by last active else sign-in', () => {
    const sessions = [
      session({ id: 'signed-in-recently-idle-long', signedInAt: minutesBefore(60), lastActiveAt: minutesBefore(55) }),
      session({ id: 'old-sign-in-active-now', signedInAt: minutesBefore(9000), lastActiveAt: minutesBefore(1) }),
      session({ id: 'no-last-active', signedInAt: minutesBefore(30) }),
      session({ id: 'current', isCurrent: true, signedInAt: minutesBefore(99999) }),
      session({ id: 'no-dates' }),
    ];
    expect(ids(orderSessions(sessions))).toEqual([
      'current',
      'old-sign-in-active-now',
      'no-last-active',
      'signed-in-recently-idle-long',
      'no-dates',
    ]);
  });

  it('should fall back to the sign-in time when the last-active time cannot be read', () => {
    const sessions = [
      session({ id: 'older', signedInAt: minutesBefore(20) }),
      session({ id: 'bad', signedInAt: minutesBefore(10), lastActiveAt: 'soon' }),
    ];
    expect(ids(orderSessions(sessions))).toEqual(['bad', 'older']);
  });
});

describe('isActiveNow (B12)', () => {
  it('should always hold for the current session, even with no last-active time', () => {
    expect(isActiveNow(session({ id: 'c', isCurrent: true }), LOADED)).toBe(true);
  });

  it('should hold for another session seen within 5 minutes of when the list was loaded, and not after', () => {
    expect(isActiveNow(session({ id: 'a', lastActiveAt: minutesBefore(5) }), LOADED)).toBe(true);
    expect(isActiveNow(session({ id: 'b', lastActiveAt: minutesBefore(5.1) }), LOADED)).toBe(false);
    expect(isActiveNow(session({ id: 'c', signedInAt: minutesBefore(1) }), LOADED)).toBe(false);
  });
});

describe('newSinceTime and isNewSignIn (B13)', () => {
  it('should default to 24 hours before the list was loaded', () => {
    expect(newSinceTime(undefined, LOADED)).toBe(LOADED - 24 * 3600_000);
    expect(isNewSignIn(session({ id: 'a', signedInAt: minutesBefore(23 * 60) }), newSinceTime(undefined, LOADED))).toBe(true);
    expect(isNewSignIn(session({ id: 'b', signedInAt: minutesBefore(25 * 60) }), newSinceTime(undefined, LOADED))).toBe(false);
  });

  it('should take a Date or an ISO string, and be off with null', () => {
    expect(newSinceTime(new Date('2026-03-04T11:00:00Z'), LOADED)).toBe(Date.parse('2026-03-04T11:00:00Z'));
    expect(newSinceTime('2026-03-04T11:00:00Z', LOADED)).toBe(Date.parse('2026-03-04T11:00:00Z'));
    expect(newSinceTime(null, LOADED)).toBeNull();
    expect(isNewSignIn(session({ id: 'a', signedInAt: minutesBefore(1) }), null)).toBe(false);
  });

  it('should never mark the current session or one with no sign-in time', () => {
    const since = newSinceTime(undefined, LOADED);
    expect(isNewSignIn(session({ id: 'c', isCurrent: true, signedInAt: minutesBefore(1) }), since)).toBe(false);
    expect(isNewSignIn(session({ id: 'n' }), since)).toBe(false);
  });
});

describe('lastActiveLabel (B12)', () => {
  it('should read "Active now" when active now, else "Last active" with the relative time', () => {
    const seen = session({ id: 'a', lastActiveAt: minutesBefore(180) });
    expect(lastActiveLabel(seen, english, true, LOADED)).toEqual({ iso: seen.lastActiveAt, text: 'Active now' });
    expect(lastActiveLabel(seen, english, false, LOADED)).toEqual({ iso: seen.lastActiveAt, text: 'Last active 3 hours ago' });
    expect(lastActiveLabel(seen, createTranslator('de', de), false, LOADED)?.text).toBe('Zuletzt aktiv vor 3 Stunden');
  });

  it('should leave an unknown last-active time out (B2), except on the current session', () => {
    expect(lastActiveLabel(session({ id: 'a' }), english, false, LOADED)).toBeUndefined();
    expect(lastActiveLabel(session({ id: 'b', lastActiveAt: 'later' }), english, false, LOADED)).toBeUndefined();
    expect(describeSession(session({ id: 'c', isCurrent: true }), english, LOADED).lastActive).toEqual({ text: 'Active now' });
  });
});
