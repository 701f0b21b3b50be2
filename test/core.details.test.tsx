import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import { SessionRow, type Session } from '../src';

// B1 + B2: what a row says about when and where a session signed in, read where the reader reads it
// (a `SessionRow`, which takes plain props and renders with no network).

afterEach(() => vi.restoreAllMocks());

const NOW = Date.parse('2026-06-15T12:00:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function renderRow(details: Partial<Session>) {
  const session: Session = { id: 's', isCurrent: false, isTrusted: false, status: 'active', apps: [], ...details };
  const { container } = render(
    <ul>
      <SessionRow session={session} now={NOW} />
    </ul>,
  );
  return container;
}

/** The relative hint at the end of the sign-in line, e.g. "yesterday" in "Signed in … (yesterday)". */
function signedInAgo(msAgo: number) {
  const text = renderRow({ signedInAt: new Date(NOW - msAgo).toISOString() }).querySelector('time')!.textContent;
  return /\(([^()]*)\)$/.exec(text)![1];
}

function place(location: Session['location']) {
  return renderRow({ location }).querySelector('.fpas-row__location')?.textContent ?? null;
}

describe('the sign-in line, given how long ago the session signed in', () => {
  it.each([
    ['2 years', 2 * 365 * DAY + HOUR, '2 years ago'],
    ['1 year', 365 * DAY, 'last year'],
    ['2 months', 61 * DAY, '2 months ago'],
    ['1 month', 30 * DAY, 'last month'],
    ['3 weeks', 3 * 7 * DAY + HOUR, '3 weeks ago'],
    ['1 week', 7 * DAY, 'last week'],
    ['2 days', 2 * DAY + HOUR, '2 days ago'],
    ['exactly 1 day', DAY, 'yesterday'],
    ['just under a day', DAY - SECOND, '23 hours ago'],
    ['exactly 1 hour', HOUR, '1 hour ago'],
    ['59 minutes', HOUR - SECOND, '59 minutes ago'],
    ['exactly 1 minute', MINUTE, '1 minute ago'],
    ['59 seconds', MINUTE - SECOND, 'now'],
  ])('should read %s as "%s"', (_, msAgo, expected) => {
    expect(signedInAgo(msAgo)).toBe(expected);
  });
});

describe('the place line, given a country that is not an ISO code', () => {
  it('should show a place name that merely starts or ends with "zz" (only the code ZZ means unknown)', () => {
    expect(place({ country: 'Zzyzx' })).toBe('Zzyzx (approximate)');
    expect(place({ city: 'Jazz' })).toBe('Jazz (approximate)');
    expect(place({ country: 'Jazz' })).toBe('Jazz (approximate)');
  });

  it('should show a numeric region code as sent, not as a region name', () => {
    expect(place({ country: '419' })).toBe('419 (approximate)');
  });

  it('should show the code as sent when the runtime cannot name the country', () => {
    vi.spyOn(Intl.DisplayNames.prototype, 'of').mockImplementation(() => {
      throw new RangeError('no region names here');
    });
    // A code no other test in this file names, so no earlier lookup answers it.
    expect(place({ city: 'Auckland', country: 'NZ' })).toBe('Auckland, NZ (approximate)');
  });
});

describe('the device line, given a vertical tab between words', () => {
  it('should keep the words apart and every letter, capitals included', () => {
    const device = renderRow({ device: { browser: 'Vivaldi\vVR' } }).querySelector('.fpas-row__device')!.textContent;
    expect(device).toBe('Vivaldi VR');
  });
});
