import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SessionsClientError, type Session } from '../src';
import {
  canLogOut,
  keepSessionIdentity,
  logOutAllStateOf,
  markKnownCurrent,
  orderSessions,
  rowStateOf,
  type RowState,
} from '../src/core/sessions';
import { displayText, optionalDisplayText, MAX_DETAIL_LENGTH } from '../src/core/text';
import { describeSession } from '../src/i18n/details';
import { createTranslator } from '../src/i18n/translator';
import { ar, de, en, ja, pl, pseudo } from '../src';

const session = (overrides: Partial<Session> & { id: string }): Session => ({
  isCurrent: false,
  isTrusted: false,
  status: 'active',
  apps: [],
  ...overrides,
});
const ids = (sessions: Session[]) => sessions.map((s) => s.id);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVENTED = /undefined|null|NaN|Invalid Date/;

describe('orderSessions (B3)', () => {
  it('should put the current session first, then the newest sign-in, then rows with no date in server order', () => {
    const sessions = [
      session({ id: 'no-date-1' }),
      session({ id: 'old', signedInAt: '2020-01-01T00:00:00Z' }),
      session({ id: 'current', isCurrent: true, signedInAt: '2019-01-01T00:00:00Z' }),
      session({ id: 'bad-date', signedInAt: 'not a date' }),
      session({ id: 'new', signedInAt: '2024-06-01T00:00:00Z' }),
      session({ id: 'no-date-2' }),
    ];
    expect(ids(orderSessions(sessions))).toEqual(['current', 'new', 'old', 'no-date-1', 'bad-date', 'no-date-2']);
  });

  it('should keep the server order of rows signed in at the same time', () => {
    const at = '2024-01-01T10:00:00Z';
    const sessions = ['c', 'a', 'b'].map((id) => session({ id, signedInAt: at }));
    expect(ids(orderSessions(sessions))).toEqual(['c', 'a', 'b']);
  });

  it('should compare instants, not strings, across time zones', () => {
    const sessions = [
      session({ id: 'earlier', signedInAt: '2024-01-01T10:00:00+02:00' }), // 08:00Z
      session({ id: 'later', signedInAt: '2024-01-01T09:00:00Z' }),
    ];
    expect(ids(orderSessions(sessions))).toEqual(['later', 'earlier']);
  });

  it('should not change the list it was given', () => {
    const sessions = [session({ id: 'a' }), session({ id: 'b', isCurrent: true })];
    const copy = structuredClone(sessions);
    orderSessions(sessions);
    expect(sessions).toEqual(copy);
  });
});

describe('canLogOut (B3, B5)', () => {
  const other = session({ id: 'other' });

  it('should allow an idle or failed row of another, active session', () => {
    expect(canLogOut(other, 'idle')).toBe(true);
    expect(canLogOut(other, 'failed')).toBe(true);
  });

  it('should never allow the current session, whatever its state (B3)', () => {
    const current = session({ id: 'me', isCurrent: true });
    for (const state of ['idle', 'failed', 'logging-out', 'signing-out'] satisfies RowState[]) {
      expect(canLogOut(current, state)).toBe(false);
    }
  });

  it('should not allow a status-unavailable session (B5)', () => {
    expect(canLogOut(session({ id: 'u', status: 'unavailable' }), 'idle')).toBe(false);
  });

  it('should not allow a second logout while one is under way or accepted (B9)', () => {
    expect(canLogOut(other, 'logging-out')).toBe(false);
    expect(canLogOut(other, 'signing-out')).toBe(false);
  });

  it('should not allow a single logout while log out of all sessions is pending or done (B6)', () => {
    expect(canLogOut(other, 'idle', 'pending')).toBe(false);
    expect(canLogOut(other, 'idle', 'done')).toBe(false);
    expect(canLogOut(other, 'idle', 'failed')).toBe(true);
  });
});

describe('rowStateOf (B9)', () => {
  const error = (code: 'server' | 'aborted' | 'refused') => new SessionsClientError(code, code);

  it('should be idle with no attempt', () => {
    expect(rowStateOf(undefined)).toBe('idle');
  });

  it('should follow the attempt: pending → logging-out, success → signing-out, error → failed', () => {
    expect(rowStateOf({ status: 'pending', error: null })).toBe('logging-out');
    expect(rowStateOf({ status: 'success', error: null })).toBe('signing-out');
    expect(rowStateOf({ status: 'error', error: error('server') })).toBe('failed');
    expect(rowStateOf({ status: 'error', error: error('refused') })).toBe('failed');
  });

  it('should be idle, not failed, when the logout was cancelled because the section went away', () => {
    expect(rowStateOf({ status: 'error', error: error('aborted') })).toBe('idle');
  });

  it('should give log out of all sessions the same treatment (B6)', () => {
    expect(logOutAllStateOf(undefined)).toBe('idle');
    expect(logOutAllStateOf({ status: 'pending', error: null })).toBe('pending');
    expect(logOutAllStateOf({ status: 'success', error: null })).toBe('done');
    expect(logOutAllStateOf({ status: 'error', error: error('server') })).toBe('failed');
    expect(logOutAllStateOf({ status: 'error', error: error('aborted') })).toBe('idle');
  });
});

describe('markKnownCurrent (security)', () => {
  it('should keep a session once seen as current marked current when a later list says otherwise', () => {
    const known = new Set<string>();
    markKnownCurrent([session({ id: 'me', isCurrent: true }), session({ id: 'other' })], known);
    const later = markKnownCurrent([session({ id: 'me', isCurrent: false }), session({ id: 'other' })], known);
    expect(later.map((s) => [s.id, s.isCurrent])).toEqual([
      ['me', true],
      ['other', false],
    ]);
    expect(canLogOut(later[0]!, 'idle')).toBe(false);
  });

  it('should not change the sessions it was given', () => {
    const known = new Set(['me']);
    const input = [session({ id: 'me' })];
    markKnownCurrent(input, known);
    expect(input[0]!.isCurrent).toBe(false);
  });

  it('should leave sessions never seen as current as they are', () => {
    const known = new Set<string>();
    const sessions = [session({ id: 'a' }), session({ id: 'b' })];
    expect(markKnownCurrent(sessions, known)).toEqual(sessions);
    expect(known.size).toBe(0);
  });
});

describe('displayText', () => {
  it('should remove bidi overrides, embeddings and isolates that could reverse what a name reads as', () => {
    expect(displayText('Chrome\u202Eexe.cod')).toBe('Chromeexe.cod');
    expect(displayText('\u202Dx\u202Ay\u202By\u202C\u2066a\u2067b\u2068c\u2069')).toBe('xyyabc');
    expect(displayText('a\u200Eb\u200Fc\u061Cd')).toBe('abcd');
  });

  it('should remove zero-width spaces and invisible tag characters that could hide text', () => {
    expect(displayText('Sa\u200Bfa\uFEFFr\u2060i\u{E0041}\u{E007F}')).toBe('Safari');
  });

  it('should leave out the unknown-region code ZZ rather than invent a place', () => {
    const translator = createTranslator('en');
    const base = { id: 'z', isCurrent: false, isTrusted: false, status: 'active' as const, apps: [] };
    expect(describeSession({ ...base, location: { country: 'ZZ' } }, translator).location).toBeUndefined();
    expect(describeSession({ ...base, location: { city: 'Oslo', country: 'zz' } }, translator).location).toBe('Oslo (approximate)');
  });

  it('should keep ZWNJ and ZWJ, which Persian, Indic scripts and emoji need', () => {
    expect(displayText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(displayText('👩\u200D💻 laptop')).toBe('👩\u200D💻 laptop');
  });

  it('should remove control characters and keep the rest on one line, words apart', () => {
    expect(displayText('\u0000Chrome\u0007\u001B[31m\u007F\u009B')).toBe('Chrome[31m');
    expect(displayText('Chrome\non\tWindows')).toBe('Chrome on Windows');
    expect(displayText('Warsaw\r\nPoland')).toBe('Warsaw Poland');
    expect(displayText('  lots   of\u00A0\u2028space  ')).toBe('lots of space');
  });

  it('should keep HTML as the literal text it is (rendering escapes it)', () => {
    expect(displayText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('should leave text up to the limit whole', () => {
    const exact = 'x'.repeat(MAX_DETAIL_LENGTH);
    expect(displayText(exact)).toBe(exact);
  });

  it('should cut a 10,000-character name to the limit with an ellipsis', () => {
    const cut = displayText('A'.repeat(10_000));
    expect(Array.from(cut)).toHaveLength(MAX_DETAIL_LENGTH);
    expect(cut.endsWith('…')).toBe(true);
    expect(displayText('B'.repeat(10_000), 20)).toBe(`${'B'.repeat(19)}…`);
  });

  it('should never split a surrogate pair when cutting', () => {
    for (const name of ['😀'.repeat(10_000), `a${'😀'.repeat(5_000)}`, `ab${'𝒜'.repeat(5_000)}`]) {
      const cut = displayText(name);
      expect(cut).not.toMatch(LONE_SURROGATE);
      expect(Array.from(cut)).toHaveLength(MAX_DETAIL_LENGTH);
      expect(cut.endsWith('…')).toBe(true);
    }
  });

  it('should count characters after cleaning, so invisible padding cannot push the name out', () => {
    expect(displayText(`${'\u200B'.repeat(10_000)}Chrome`)).toBe('Chrome');
  });

  it('should make text with nothing visible left a missing detail (B2)', () => {
    expect(displayText('\u200B\u202E \n')).toBe('');
    expect(optionalDisplayText('\u200B\u202E \n')).toBeUndefined();
    expect(optionalDisplayText(undefined)).toBeUndefined();
    expect(optionalDisplayText(' Edge ')).toBe('Edge');
  });
});

describe('describeSession (B1, B2)', () => {
  const english = createTranslator('en', en);
  const polish = createTranslator('pl', pl);
  const arabic = createTranslator('ar', ar);
  const at = '2024-03-15T12:00:00Z';
  const now = Date.parse(at) + 3 * 24 * 3600 * 1000;

  const full = session({
    id: 'full',
    apps: ['chatgpt', 'codex'],
    device: { browser: 'Chrome', os: 'macOS', type: 'desktop' },
    location: { city: 'Warsaw', country: 'PL' },
    signedInAt: at,
  });

  it('should describe a complete session', () => {
    const details = describeSession(full, english, now);
    expect(details.device).toBe('Chrome on macOS');
    expect(details.apps).toEqual(['ChatGPT', 'Codex']);
    expect(details.location).toBe('Warsaw, Poland (approximate)');
    expect(details.signedIn?.iso).toBe(at);
    expect(details.signedIn?.relative).toBe('3 days ago');
    // In the browser (the default), the reader's own time: short, with no zone named.
    expect(details.signedIn?.date).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)));
  });

  it("should give the time in UTC, saying so, when asked for the server's HTML", () => {
    expect(describeSession(full, english, now, true).signedIn?.date).toMatch(/UTC$/);
  });

  it('should leave every missing detail out, with no invented text', () => {
    const details = describeSession(session({ id: 'bare' }), english, now);
    expect(details).toEqual({ device: 'Unknown device', apps: [] });
    expect(JSON.stringify(details)).not.toMatch(INVENTED);
  });

  it('should fall back by device type, or to the one name known', () => {
    expect(describeSession(session({ id: 'm', device: { type: 'mobile' } }), english).device).toBe('Unknown mobile device');
    expect(describeSession(session({ id: 'b', device: { browser: 'Firefox' } }), english).device).toBe('Firefox');
    expect(describeSession(session({ id: 'o', device: { os: 'Linux' } }), english).device).toBe('Linux');
    expect(describeSession(session({ id: 'z', device: { browser: '\u200B', os: ' ' } }), english).device).toBe('Unknown device');
  });

  it('should leave out blank and invisible location parts without a stray separator', () => {
    const details = describeSession(session({ id: 'l', location: { city: ' ', region: '\u202E', country: 'DE' } }), english);
    expect(details.location).toBe('Germany (approximate)');
    expect(describeSession(session({ id: 'e', location: { city: '\u200B' } }), english)).not.toHaveProperty('location');
  });

  it('should show an unknown app id under the generic label, never dropped and never raw', () => {
    for (const app of ['sora_studio', 'constructor', '__proto__', 'toString', '<b>x</b>']) {
      const details = describeSession(session({ id: 'u', apps: ['chatgpt', app] }), english);
      expect(details.apps).toEqual(['ChatGPT', 'Other app']);
    }
    expect(describeSession(session({ id: 'u', apps: ['sora_studio'] }), polish).apps).toEqual(['Inna aplikacja']);
  });

  it('should read an ISO country code as the country name in the reader language', () => {
    const de = session({ id: 'de', location: { country: 'de' } });
    expect(describeSession(de, english).location).toBe('Germany (approximate)');
    expect(describeSession(de, polish).location).toBe('Niemcy (lokalizacja przybliżona)');
    expect(describeSession(de, arabic).location).toContain('ألمانيا');
    // A name that is not a code is shown as the server sent it.
    expect(describeSession(session({ id: 'n', location: { country: 'Deutschland' } }), english).location).toBe('Deutschland (approximate)');
  });

  it('should format the sign-in date in the reader locale: en, pl, ar', () => {
    const day = String(new Date(at).getDate());
    const latinDigits = (text: string) => text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
    const inEnglish = describeSession(full, english, now).signedIn!;
    const inPolish = describeSession(full, polish, now).signedIn!;
    const inArabic = describeSession(full, arabic, now).signedIn!;
    expect(inEnglish.date).toMatch(/Mar/);
    expect(inEnglish.date).toContain(day);
    expect(inEnglish.date).toContain('2024');
    expect(inPolish.date).toMatch(/mar/);
    expect(inPolish.date).not.toMatch(/Mar\b/);
    expect(inPolish.date).toContain('2024');
    expect(latinDigits(inArabic.date)).toContain('2024');
    expect(inArabic.date).toMatch(/[\u0600-\u06FF]/);
    expect(inPolish.relative).toBe('3 dni temu');
    expect(inArabic.relative).toMatch(/[\u0600-\u06FF]/);
    for (const text of [inEnglish.date, inPolish.date, inArabic.date, inArabic.relative]) expect(text).not.toMatch(INVENTED);
  });

  it('should leave out a sign-in date that cannot be read, and never show a future time', () => {
    expect(describeSession(session({ id: 'x', signedInAt: 'yesterday' }), english)).not.toHaveProperty('signedIn');
    const future = describeSession(session({ id: 'f', signedInAt: new Date(now + 3_600_000).toISOString() }), english, now);
    expect(future.signedIn?.relative).toBe('now');
  });

  it('should cut and clean hostile device and place names', () => {
    const hostile = session({
      id: 'h',
      device: { browser: `\u202E${'X'.repeat(10_000)}`, os: 'Win\u200Bdows' },
      location: { city: '<img src=x onerror=alert(1)>' },
    });
    const details = describeSession(hostile, english);
    expect(details.device).toMatch(/^X+… on Windows$/);
    expect(details.device).not.toContain('\u202E');
    expect(details.location).toBe('<img src=x onerror=alert(1)> (approximate)');
  });
});

// Property: whatever partial session a client hands over, no locale invents "undefined", "null", "NaN",
// "Invalid Date", an ICU brace or a stray separator.
let coreCases = 0;
afterAll(() => console.log(`[core] fast-check generated ${coreCases} describeSession cases (seed 20240611)`));

describe('describeSession, given arbitrary incomplete sessions', () => {
  // The server's own text may not contain the words or separators checked for: only what our code adds is under test.
  const clean = fc.string({ maxLength: 30 }).filter((s) => !INVENTED.test(s) && !/[{}(（,،、]/.test(s));
  const text = fc.oneof(clean, fc.constantFrom('', '   ', '\u200B', '\u202E', '<script>x</script>', '😀'.repeat(100)));
  const arbitrarySession: fc.Arbitrary<Session> = fc.record(
    {
      id: fc.constant('s'),
      isCurrent: fc.boolean(),
      isTrusted: fc.boolean(),
      status: fc.constantFrom('active' as const, 'unavailable' as const),
      apps: fc.array(fc.oneof(fc.constantFrom('chatgpt', 'codex', 'api_platform'), clean), { maxLength: 4 }),
      device: fc.record(
        { browser: text, os: text, type: fc.constantFrom('desktop' as const, 'mobile' as const, 'tablet' as const, 'app' as const) },
        { requiredKeys: [] },
      ),
      location: fc.record(
        { city: text, region: text, country: fc.oneof(text, fc.constantFrom('US', 'pl', 'JP', 'EG')) },
        { requiredKeys: [] },
      ),
      signedInAt: fc.oneof(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom('yesterday', '', '2024-02-30T25:61:00Z'),
      ),
    },
    { requiredKeys: ['id', 'isCurrent', 'isTrusted', 'status', 'apps'] },
  );
  const translators = [en, pl, de, ja, ar, pseudo].map((catalog, i) =>
    createTranslator(['en', 'pl', 'de', 'ja', 'ar', 'en-XA'][i], catalog),
  );

  it('never shows invented words, braces or stray separators', () => {
    fc.assert(
      fc.property(arbitrarySession, fc.constantFrom(...translators), (s, translator) => {
        coreCases += 1;
        const details = describeSession(s, translator, Date.parse('2030-01-01T00:00:00Z'));
        const shown = [
          details.device,
          ...details.apps,
          details.location ?? '',
          details.signedIn?.date ?? '',
          details.signedIn?.relative ?? '',
        ];
        for (const part of shown) {
          expect(part).not.toMatch(INVENTED);
          expect(part).not.toMatch(/[{}]/);
          expect(part).not.toMatch(LONE_SURROGATE);
        }
        expect(details.device.trim()).not.toBe('');
        details.apps.forEach((app) => expect(app.trim()).not.toBe(''));
        if (details.location) expect(details.location).not.toMatch(/^[,،、\s]|[,،、]\s*[,،、]|[,،、]\s*[(（]/);
        if (s.signedInAt && Number.isNaN(Date.parse(s.signedInAt))) expect(details).not.toHaveProperty('signedIn');
      }),
      { seed: 20_240_611, numRuns: 600 },
    );
  });
});

describe('keepSessionIdentity', () => {
  const a = { id: 'a', isCurrent: false, isTrusted: false, status: 'active' as const, apps: ['chatgpt'] };
  const b = { ...a, id: 'b' };
  const c = { ...a, id: 'c' };

  it('should keep unchanged sessions as the same objects when a row above them is removed', () => {
    const next = keepSessionIdentity([a, b, c], [{ ...a }, { ...c }]);
    expect(next[0]).toBe(a);
    expect(next[1]).toBe(c);
  });

  it('should take the new object for a session whose details changed', () => {
    const changed = { ...b, status: 'unavailable' as const };
    const next = keepSessionIdentity([a, b], [{ ...a }, changed]);
    expect(next[0]).toBe(a);
    expect(next[1]).toBe(changed);
  });
});
