// @vitest-environment node
// Next.js App Router renders client components on the server first: the section must render there
// (no window, no document) as its loading state, without touching the network.
import { describe, expect, it, vi } from 'vitest';
import { renderToString } from 'react-dom/server';
import { QueryClient, dehydrate } from '@tanstack/react-query';
import {
  ActiveSessionsProvider,
  ActiveSessionsSection,
  SessionsClientError,
  ar,
  prefetchActiveSessions,
  useActiveSessions,
  type Session,
  type SessionsClient,
} from '../src';

describe('ActiveSessionsSection on the server', () => {
  it('should render the loading state with no DOM and send no request', () => {
    const client: SessionsClient = {
      listSessions: vi.fn(async () => ({ availability: 'available' as const, sessions: [] })),
      logOutSession: vi.fn(async () => {}),
      logOutAllSessions: vi.fn(async () => ({})),
    };
    expect(typeof document).toBe('undefined');
    const html = renderToString(<ActiveSessionsSection client={client} />);
    expect(html).toContain('Active sessions');
    expect(html).toContain('Loading active sessions…');
    expect(html).toContain('aria-busy="true"');
    expect(client.listSessions).not.toHaveBeenCalled();
  });

  it('should render the direction and language of the locale', () => {
    const client = { listSessions: async () => ({ availability: 'available' as const, sessions: [] }) } as unknown as SessionsClient;
    const html = renderToString(<ActiveSessionsSection client={client} locale="ar" strings={ar} />);
    expect(html).toMatch(/dir="rtl"/);
    expect(html).toMatch(/lang="ar"/);
    expect(html).toContain(ar['section.title']);
  });
});

describe('prefetchActiveSessions, then rendering on the server', () => {
  const edge: Session = {
    id: 'sess_windows',
    isCurrent: false,
    isTrusted: false,
    status: 'active',
    apps: ['chatgpt'],
    device: { browser: 'Edge', os: 'Windows', type: 'desktop' },
    location: { city: 'Austin', country: 'US' },
    signedInAt: '2025-03-03T14:05:00.000Z',
  };
  const client = (): SessionsClient => ({
    listSessions: vi.fn(async () => ({ availability: 'available' as const, sessions: [edge] })),
    logOutSession: vi.fn(async () => {}),
    logOutAllSessions: vi.fn(async () => ({})),
  });

  it('should render the rows, with no DOM, no console message and one call to the client', async () => {
    const errors = vi.spyOn(console, 'error');
    const warnings = vi.spyOn(console, 'warn');
    const serverClient = client();
    const queryClient = new QueryClient();
    await prefetchActiveSessions(queryClient, serverClient);
    const html = renderToString(<ActiveSessionsSection client={serverClient} queryClient={queryClient} />);
    expect(html).toContain('Edge on Windows');
    expect(html).toContain('Log out Edge on Windows');
    expect(html).toMatch(/Mar 3, 2025, 2:05:00\sPM UTC/);
    expect(html).not.toContain('Loading active sessions');
    expect(serverClient.listSessions).toHaveBeenCalledTimes(1);
    // React 18 reports a useLayoutEffect rendered on the server; React 19 would not tell.
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
  });

  it('should name the list with a key that does not depend on which client or provider asks', async () => {
    const first = new QueryClient();
    const second = new QueryClient();
    await prefetchActiveSessions(first, client());
    await prefetchActiveSessions(second, client());
    const keys = (queryClient: QueryClient) => dehydrate(queryClient).queries.map((query) => query.queryHash);
    expect(keys(first)).toEqual(['["@firstparty/active-sessions","list"]']);
    expect(keys(second)).toEqual(keys(first));
  });

  it("should leave out a list that fails to load, so the server renders the loading state, and keep the host's own data", async () => {
    const failing: SessionsClient = {
      ...client(),
      listSessions: vi.fn(async () => Promise.reject(new SessionsClientError('unauthorized', 'signed out', { status: 401 }))),
    };
    const queryClient = new QueryClient();
    queryClient.setQueryData(['host', 'profile'], { name: 'Ada' });
    await prefetchActiveSessions(queryClient, failing);
    const html = renderToString(<ActiveSessionsSection client={failing} queryClient={queryClient} />);
    expect(html).toContain('Loading active sessions…');
    expect(html).not.toContain('role="alert"');
    expect(queryClient.getQueryData(['host', 'profile'])).toEqual({ name: 'Ada' });
    expect(dehydrate(queryClient).queries.map((query) => query.queryHash)).toEqual(['["host","profile"]']);
  });

  it("should tell a headless host's server render that no re-authentication prompt is open", async () => {
    const serverClient = client();
    const queryClient = new QueryClient();
    await prefetchActiveSessions(queryClient, serverClient);
    function Status() {
      const { status, isReauthenticating } = useActiveSessions();
      return <p>{`${status}, prompt open: ${String(isReauthenticating)}`}</p>;
    }
    const html = renderToString(
      <ActiveSessionsProvider client={serverClient} queryClient={queryClient}>
        <Status />
      </ActiveSessionsProvider>,
    );
    expect(html).toContain('ready, prompt open: false');
  });

  it('should throw a clear error without a client', async () => {
    await expect(prefetchActiveSessions(new QueryClient(), undefined as unknown as SessionsClient)).rejects.toThrow(/client is required/);
  });
});
