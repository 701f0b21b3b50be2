import { describe, expect, it } from 'vitest';
import { render, renderHook, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  ActiveSessionsProvider,
  SessionRow,
  createTranslator,
  pl,
  sessionLabels,
  useActiveSessions,
  useSessionLabels,
  type Session,
  type SessionsClient,
} from '../src';

// The example: a right-to-left override that would show "Chromeexe.png", a zero-width space,
// and 200 more characters, straight from a client that validates nothing.
const SPOOFED = 'Chrome\u202Egnp.exe\u200B' + 'x'.repeat(200);
const NASTY: Session = {
  id: 'sess_nasty',
  isCurrent: false,
  isTrusted: false,
  status: 'active',
  apps: ['chatgpt', 'code\u2066x\u2069', '\u200B', 'plugin\nname'],
  device: { browser: SPOOFED, os: 'mac\tOS\u0007', type: 'desktop' },
  location: { city: 'Wars\u200Baw\u202C', region: '\u200B', country: 'PL' },
  signedInAt: '2025-03-01T12:00:00Z',
};
const CURRENT: Session = { id: 'sess_me', isCurrent: true, isTrusted: false, status: 'active', apps: ['chatgpt'] };

function rawClient(): SessionsClient {
  return {
    listSessions: async () => ({ availability: 'available', sessions: [CURRENT, NASTY] }),
    logOutSession: async () => undefined,
    logOutAllSessions: async () => ({}),
  };
}

function renderWithProvider<T>(hook: () => T, props: { locale?: string; strings?: typeof pl } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ActiveSessionsProvider client={rawClient()} queryClient={queryClient} {...props}>
      {children}
    </ActiveSessionsProvider>
  );
  return renderHook(hook, { wrapper });
}

// eslint-disable-next-line no-control-regex -- the test looks for control characters that must not reach the page
const INVISIBLE_OR_CONTROL = /[\u0000-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

describe('useActiveSessions, given a custom client that hands over raw server text', () => {
  it('should hand out device, place and app ids cleaned: no invisible or direction characters, one line, at most 80 characters', async () => {
    const hook = renderWithProvider(() => useActiveSessions());
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    const { session } = hook.result.current.rows[1]!;
    const browser = session.device?.browser ?? '';
    expect(browser).toBe(`Chromegnp.exe${'x'.repeat(66)}…`);
    expect(Array.from(browser)).toHaveLength(80);
    expect(session.device).toEqual({ browser, os: 'mac OS', type: 'desktop' });
    expect(session.location).toEqual({ city: 'Warsaw', country: 'PL' });
    expect(session.apps).toEqual(['chatgpt', 'codex', 'plugin name']);
    expect(JSON.stringify(hook.result.current.sessions)).not.toMatch(INVISIBLE_OR_CONTROL);
    // The ids a host acts on are untouched.
    expect(hook.result.current.sessions.map((s) => s.id)).toEqual(['sess_me', 'sess_nasty']);
  });
});

describe('useSessionLabels', () => {
  it("should give a headless host the row's device, apps, place and sign-in text exactly as SessionRow shows them", async () => {
    const now = Date.parse('2025-03-03T12:00:00Z');
    const hook = renderWithProvider(() => ({ sessions: useActiveSessions(), labels: useSessionLabels() }));
    await waitFor(() => expect(hook.result.current.sessions.status).toBe('ready'));
    const session = hook.result.current.sessions.rows[1]!.session;
    const labels = hook.result.current.labels(session, now);

    render(
      <ul>
        <SessionRow session={session} canLogOut now={now} />
      </ul>,
    );
    const row = within(screen.getByRole('listitem'));
    expect(labels.device).toBe(`Chromegnp.exe${'x'.repeat(66)}… on mac OS`);
    expect(row.getByText(labels.device)).toBeInTheDocument();
    // "code\u2066x\u2069" is Codex once its isolate marks are gone; "plugin name" is an app the strings do not know.
    expect(labels.apps).toEqual(['ChatGPT', 'Codex', 'Other app']);
    for (const app of labels.apps) expect(row.getByText(app)).toBeInTheDocument();
    expect(labels.place).toBe('Warsaw, Poland (approximate)');
    expect(row.getByText(labels.place!)).toBeInTheDocument();
    expect(labels.signedIn?.text).toMatch(/^Signed in .* \(2 days ago\)$/);
    expect(row.getByText(labels.signedIn!.text).closest('time')).toHaveAttribute('datetime', labels.signedIn!.dateTime);
  });

  it('should give the last-active text and time exactly as SessionRow shows them (B12)', async () => {
    const now = Date.parse('2025-03-03T12:00:00Z');
    const hook = renderWithProvider(() => useSessionLabels());
    const session: Session = { ...NASTY, lastActiveAt: '2025-03-03T11:55:00Z' };
    const labels = hook.result.current(session, now, false);
    expect(labels.lastActive).toEqual({ text: 'Last active 5 minutes ago', dateTime: '2025-03-03T11:55:00Z' });
    const { unmount } = render(
      <ul>
        <SessionRow session={session} canLogOut now={now} isActiveNow={false} />
      </ul>,
    );
    const time = within(screen.getByRole('listitem')).getByText(labels.lastActive!.text);
    expect(time.closest('time')).toHaveAttribute('datetime', labels.lastActive!.dateTime);
    unmount();

    // The hook's row says active now: so do the labels, as the row does.
    const activeNow = hook.result.current(session, now, true);
    expect(activeNow.lastActive).toEqual({ text: 'Active now', dateTime: '2025-03-03T11:55:00Z' });
    render(
      <ul>
        <SessionRow session={session} canLogOut now={now} isActiveNow />
      </ul>,
    );
    expect(within(screen.getByRole('listitem')).getByText('Active now')).toBeInTheDocument();
  });

  it("should speak the provider's locale", async () => {
    const hook = renderWithProvider(() => useSessionLabels(), { locale: 'pl', strings: pl });
    const labels = hook.result.current(CURRENT);
    expect(labels.apps).toEqual(['ChatGPT']);
    expect(labels.device).toBe(createTranslator('pl', pl).t('row.device.unknown', { type: 'other' }));
    expect(labels).not.toHaveProperty('place');
    expect(labels).not.toHaveProperty('signedIn');
  });
});

describe('sessionLabels', () => {
  it('should make the same labels outside React, from a translator', () => {
    const now = Date.parse('2025-03-03T12:00:00Z');
    const labels = sessionLabels(
      { ...CURRENT, device: { browser: 'Firefox', os: 'Windows' }, location: { city: 'Berlin' } },
      createTranslator('de'),
      now,
    );
    expect(labels).toMatchObject({ device: 'Firefox on Windows', place: 'Berlin (approximate)' });
    // The current session reads "Active now" by default, as SessionRow; another one its last-active time.
    expect(labels.lastActive).toEqual({ text: createTranslator('de').t('row.activeNow') });
    const other = sessionLabels({ ...NASTY, lastActiveAt: '2025-03-03T10:00:00Z' }, createTranslator('en'), now);
    expect(other.lastActive).toEqual({ text: 'Last active 2 hours ago', dateTime: '2025-03-03T10:00:00Z' });
  });

  it("should give times in the reader's zone by default, and in UTC, said so, when asked (server HTML)", () => {
    const session = { ...NASTY, signedInAt: '2025-03-01T10:00:00Z' };
    const now = Date.parse('2025-03-03T12:00:00Z');
    expect(sessionLabels(session, createTranslator('en'), now).signedIn?.text).not.toMatch(/UTC/);
    expect(sessionLabels(session, createTranslator('en'), now, true).signedIn?.text).toMatch(/10:00:00\sAM UTC/);
  });
});
