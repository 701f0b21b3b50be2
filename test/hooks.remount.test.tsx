import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { Session, SessionsClient } from '../src';
import { renderReady } from './renderActiveSessions';

// B9 on a slow backend: the server accepted a logout but lists the session for many minutes more.
// A reader who leaves Settings and comes back (the host keeps one QueryClient for the app) must still
// see that row signing out, not offered Log out again as if nothing had been done.
const current: Session = { id: 'me', isCurrent: true, isTrusted: false, status: 'active', apps: [] };
const laptop: Session = { id: 'laptop', isCurrent: false, isTrusted: false, status: 'active', apps: [] };
const client: SessionsClient = {
  listSessions: async () => ({ availability: 'available', sessions: [current, laptop] }),
  logOutSession: async () => {},
  logOutAllSessions: async () => ({}),
};

// Each opening of Settings mounts the hook again over the host's one QueryClient.
const openSettings = (queryClient: QueryClient) => renderReady({ client, queryClient });

afterEach(() => {
  vi.useRealTimers();
});

describe('useActiveSessions when the reader leaves Settings and comes back', () => {
  it('should still show a logged-out row that the server lists as signing out 10 minutes later (B9)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const queryClient = new QueryClient();
    const first = await openSettings(queryClient);
    await act(async () => {
      await expect(first.result.current.logOut('laptop')).resolves.toEqual({ outcome: 'signing-out' });
    });
    first.unmount();
    vi.advanceTimersByTime(10 * 60_000);
    const again = await openSettings(queryClient);
    expect(again.result.current.rows.find((row) => row.session.id === 'laptop')).toMatchObject({ state: 'signing-out', canLogOut: false });
  });

  it('should still show Log out of all sessions as done 10 minutes later, with no single Log out offered', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const queryClient = new QueryClient();
    const first = await openSettings(queryClient);
    await act(async () => {
      await expect(first.result.current.logOutAll()).resolves.toEqual({ outcome: 'done' });
    });
    first.unmount();
    vi.advanceTimersByTime(10 * 60_000);
    const again = await openSettings(queryClient);
    expect(again.result.current.logOutAllState).toBe('done');
    expect(again.result.current.rows.some((row) => row.canLogOut)).toBe(false);
  });
});
