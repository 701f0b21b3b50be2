import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClient, useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ActiveSessionsProvider, createFetchSessionsClient, useActiveSessions } from '../src';
import { BASE_URL, useScenario } from './server';

// A host that passes its own `queryClient` keeps its own queries and mutations in it. The section must
// read and refresh only its own entries: a host's mutation that happens to carry an `id`, or that has no
// variables at all, is not a logout, and Refresh must not refetch the host's data.
function renderInHostApp() {
  const queryClient = new QueryClient();
  let profileLoads = 0;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ActiveSessionsProvider client={createFetchSessionsClient({ baseUrl: BASE_URL })} queryClient={queryClient}>
      {children}
    </ActiveSessionsProvider>
  );
  const hook = renderHook(
    () => ({
      sessions: useActiveSessions(),
      profile: useQuery({ queryKey: ['host', 'profile'], queryFn: async () => ({ loads: ++profileLoads }) }, queryClient),
      // A host action that never settles, with variables shaped like a logout's and without any.
      archive: useMutation(
        { mutationKey: ['host', 'archive'], mutationFn: (_: { id: string }) => new Promise<never>(() => {}) },
        queryClient,
      ),
      sync: useMutation({ mutationKey: ['host', 'sync'], mutationFn: () => new Promise<never>(() => {}) }, queryClient),
    }),
    { wrapper },
  );
  return { hook, profileLoads: () => profileLoads };
}

describe('useActiveSessions in a host that shares its QueryClient', () => {
  it("should refetch only the sessions list on refresh, never the host's own queries", async () => {
    const store = useScenario('typical');
    const { hook, profileLoads } = renderInHostApp();
    await waitFor(() => expect(hook.result.current.sessions.status).toBe('ready'));
    await waitFor(() => expect(hook.result.current.profile.data).toEqual({ loads: 1 }));
    await act(() => hook.result.current.sessions.refresh());
    expect(store.requests).toEqual(['GET /sessions', 'GET /sessions']);
    expect(profileLoads()).toBe(1);
  });

  it("should not read the host's own pending mutations as logouts", async () => {
    useScenario('typical');
    const { hook } = renderInHostApp();
    await waitFor(() => expect(hook.result.current.sessions.status).toBe('ready'));
    act(() => {
      hook.result.current.archive.mutate({ id: 'sess_windows' });
      hook.result.current.sync.mutate();
    });
    await waitFor(() => expect(hook.result.current.archive.isPending && hook.result.current.sync.isPending).toBe(true));
    const windows = hook.result.current.sessions.rows.find((row) => row.session.id === 'sess_windows');
    expect(windows).toMatchObject({ state: 'idle', canLogOut: true });
    expect(hook.result.current.sessions.logOutAllState).toBe('idle');
    await act(async () => {
      await expect(hook.result.current.sessions.logOut('sess_windows')).resolves.toEqual({ outcome: 'logged-out' });
    });
  });
});
