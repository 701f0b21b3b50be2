// Server rendering with data, in one process: a "server" (in Los Angeles) prefetches the list and renders it to a
// string; the dehydrated cache goes through JSON, as in a page; a "browser" in another time zone, whose
// clock has moved on, hydrates that HTML. Chromium does the same for real in test/consumer/run.mjs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderToString } from 'react-dom/server';
import { hydrateRoot, type Root } from 'react-dom/client';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, dehydrate, hydrate, type DehydratedState } from '@tanstack/react-query';
import { ActiveSessionsSection, ar, createFetchSessionsClient, prefetchActiveSessions, type Catalog } from '../src';
import { createFixtures } from '../mocks';
import { BASE_URL, useScenario } from './server';

const SECOND = 1000;
const DAY = 24 * 3600 * SECOND;
const SIGNED_IN = '2025-03-03T14:05:00.000Z';
// The server prefetches 2 s short of two days after the sign-in ("yesterday"); the browser hydrates
// 5 s later, when its own clock would already say "2 days ago".
const PREFETCHED_AT = Date.parse(SIGNED_IN) + 2 * DAY - 2 * SECOND;
const HYDRATED_AT = PREFETCHED_AT + 5 * SECOND;

const f = createFixtures(PREFETCHED_AT);
const sessions = [f.current, { ...f.other, signed_in_at: SIGNED_IN }];

/**
 * Puts this side (the "server" or the "browser") in `timeZone`. Node cannot move a worker thread to another time zone (setting
 * process.env.TZ there changes nothing, and Stryker runs Vitest in threads), so the zone is given to
 * Intl.DateTimeFormat, the only API the library reads the reader's zone through, wherever a caller
 * leaves it unsaid. test/consumer/run.mjs hydrates in Chromium under a real time zone.
 */
function inTimeZone(timeZone: string) {
  const RealDateTimeFormat = Intl.DateTimeFormat;
  vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) {
    return new RealDateTimeFormat(locales, { timeZone, ...options });
  });
}

let root: Root | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
  vi.useRealTimers();
});

/** Console errors and warnings, and React's recoverable errors (where a hydration mismatch lands). */
function watchConsole() {
  const messages: string[] = [];
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void messages.push(`${level}: ${args.map(String).join(' ')}`));
  }
  return messages;
}

async function renderOnServer(props: { locale?: string; strings?: Catalog }) {
  // A server anywhere: what it sends is in UTC, whatever its own zone.
  inTimeZone('America/Los_Angeles');
  vi.useFakeTimers({ toFake: ['Date'], now: PREFETCHED_AT });
  const client = createFetchSessionsClient({ baseUrl: BASE_URL });
  const queryClient = new QueryClient();
  await prefetchActiveSessions(queryClient, client);
  const messages = watchConsole();
  const html = renderToString(<ActiveSessionsSection client={client} queryClient={queryClient} {...props} />);
  vi.restoreAllMocks();
  // jsdom defines `document`, so here (unlike on a real server) the list's layout effect is
  // useLayoutEffect, which React 18 reports when rendering to a string. test/server-render.test.tsx
  // renders with no DOM and allows no message at all.
  expect(messages.filter((m) => !m.includes('useLayoutEffect does nothing on the server'))).toEqual([]);
  return { html, state: JSON.stringify(dehydrate(queryClient)) };
}

async function hydrateInBrowser(server: { html: string; state: string }, props: { locale?: string; strings?: Catalog }, timeZone: string) {
  inTimeZone(timeZone);
  vi.setSystemTime(HYDRATED_AT);
  const container = document.createElement('div');
  container.innerHTML = server.html;
  document.body.append(container);
  const queryClient = new QueryClient();
  hydrate(queryClient, JSON.parse(server.state) as DehydratedState);
  const client = createFetchSessionsClient({ baseUrl: BASE_URL });
  const messages = watchConsole();
  await act(async () => {
    root = hydrateRoot(container, <ActiveSessionsSection client={client} queryClient={queryClient} {...props} />, {
      onRecoverableError: (error) => void messages.push(`recoverable: ${String(error)}`),
    });
  });
  // Long enough for a refetch on mount to have gone out, were there one.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  return { container, messages };
}

/** The sign-in line of the row signed in at SIGNED_IN (Edge on Windows). */
const signedInLine = (container: HTMLElement) => container.querySelector(`time[datetime="${SIGNED_IN}"]`)?.textContent;

describe('server rendering with prefetchActiveSessions, then hydration', () => {
  describe('given a server in Los Angeles and a reader in Warsaw whose clock has moved on', () => {
    it('should send the rows in the server HTML, with the time in UTC and the hint as of the prefetch', async () => {
      useScenario({ sessions });
      const { html } = await renderOnServer({});
      expect(html).toContain('Edge on Windows');
      expect(html).not.toContain('Loading active sessions');
      expect(html).toMatch(/Signed in Mar 3, 2025, 2:05:00\sPM UTC \(yesterday\)/);
    });

    it("should hydrate with no mismatch, no second GET, then show the reader's time and clock", async () => {
      const store = useScenario({ sessions });
      const server = await renderOnServer({});
      const { container, messages } = await hydrateInBrowser(server, {}, 'Europe/Warsaw');

      expect(messages).toEqual([]);
      expect(store.requests).toEqual(['GET /sessions']);
      expect(signedInLine(container)).toMatch(/^Signed in Mar 3, 2025, 3:05\sPM \(2 days ago\)$/);
    });

    it('should be interactive after hydration: Log out removes the row', async () => {
      const store = useScenario({ sessions });
      const server = await renderOnServer({});
      const { container } = await hydrateInBrowser(server, {}, 'Europe/Warsaw');
      vi.useRealTimers();
      const user = userEvent.setup();

      await user.click(within(container).getByRole('button', { name: 'Log out Edge on Windows' }));
      await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Log out' }));
      await waitFor(() => expect(within(container).queryByText('Edge on Windows')).not.toBeInTheDocument());
      expect(store.requests).toEqual(['GET /sessions', 'DELETE /sessions/sess_windows?remove_trusted_device=false', 'GET /sessions']);
    });
  });

  describe('given a right-to-left locale and a reader in Tokyo', () => {
    it('should hydrate the same direction, language and Arabic text, then show Tokyo time', async () => {
      const store = useScenario({ sessions });
      const props = { locale: 'ar', strings: ar };
      const server = await renderOnServer(props);
      expect(server.html).toMatch(/<section[^>]* dir="rtl" lang="ar"/);
      expect(server.html).toContain('UTC');
      const { container, messages } = await hydrateInBrowser(server, props, 'Asia/Tokyo');

      expect(messages).toEqual([]);
      expect(store.requests).toEqual(['GET /sessions']);
      const tokyo = new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(
        new Date(SIGNED_IN),
      );
      expect(signedInLine(container)).toContain(tokyo);
      expect(signedInLine(container)).not.toContain('UTC');
    });
  });

  describe('given the list fails to load on the server', () => {
    it('should render the loading state on both sides and load the list in the browser', async () => {
      const failing = useScenario('serverError');
      const server = await renderOnServer({});
      expect(server.html).toContain('Loading active sessions…');
      expect((JSON.parse(server.state) as DehydratedState).queries).toEqual([]);
      expect(failing.requests).toEqual(['GET /sessions', 'GET /sessions']); // one retry
      const recovered = useScenario({ sessions });
      const { container, messages } = await hydrateInBrowser(server, {}, 'Europe/Warsaw');

      expect(messages).toEqual([]);
      await waitFor(() => expect(within(container).getByText('Edge on Windows')).toBeInTheDocument());
      expect(recovered.requests).toEqual(['GET /sessions']);
    });
  });
});
