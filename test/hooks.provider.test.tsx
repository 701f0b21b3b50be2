import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import { ActiveSessionsProvider, ActiveSessionsSection, en, pl, useActiveSessions, type SessionsClient } from '../src';
import { renderActiveSessions } from './renderActiveSessions';

// What a host sees of the provider and the headless hook beyond the list: its errors for a wrong setup,
// and log-out-all with a custom client.

afterEach(() => vi.restoreAllMocks());

const own = { id: 'own', isCurrent: true, isTrusted: false, status: 'active' as const, apps: [] };
const other = { id: 'other', isCurrent: false, isTrusted: false, status: 'active' as const, apps: [] };

function client(overrides: Partial<SessionsClient> = {}): SessionsClient {
  return {
    listSessions: async () => ({ availability: 'available', sessions: [own, other] }),
    logOutSession: async () => undefined,
    logOutAllSessions: async () => ({}),
    ...overrides,
  };
}

describe('ActiveSessionsProvider and useActiveSessions, given a wrong setup', () => {
  it('should say exactly what is missing when the hook is used outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useActiveSessions())).toThrow(
      new Error('useActiveSessions must be used inside <ActiveSessionsProvider> or <ActiveSessionsSection client={…}>.'),
    );
  });

  it('should say the client prop is required when it is missing', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const withoutClient = {} as { client: SessionsClient };
    expect(() => render(<ActiveSessionsProvider {...withoutClient} />)).toThrow(
      new TypeError('ActiveSessionsProvider: the "client" prop is required.'),
    );
  });
});

describe('useActiveSessions, log out of all sessions with a custom client', () => {
  it('should be done, and tell the host with an empty result, when the client resolves nothing', async () => {
    const onSignedOut = vi.fn();
    const custom = client({ logOutAllSessions: (async () => undefined) as unknown as SessionsClient['logOutAllSessions'] });
    const hook = renderActiveSessions({ client: custom, onSignedOut });
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    let outcome: unknown;
    await act(async () => {
      outcome = await hook.result.current.logOutAll();
    });
    expect(outcome).toEqual({ outcome: 'done' });
    expect(onSignedOut).toHaveBeenCalledWith({});
    await waitFor(() => expect(hook.result.current.logOutAllState).toBe('done'));
  });

  it('should leave log out of all sessions idle after one session is logged out', async () => {
    const hook = renderActiveSessions({ client: client() });
    await waitFor(() => expect(hook.result.current.status).toBe('ready'));
    await act(async () => {
      await hook.result.current.logOut('other');
    });
    expect(hook.result.current.logOutAllState).toBe('idle');
    expect(hook.result.current.completesBy).toBeUndefined();
  });
});

describe('ActiveSessionsSection, given a host that changes its props', () => {
  it('should follow a switch of language at runtime, keeping the list it has', async () => {
    const listSessions = vi.fn(client().listSessions);
    const view = render(<ActiveSessionsSection client={client({ listSessions })} />);
    await waitFor(() => expect(view.getByRole('heading', { name: en['section.title'] })).toBeInTheDocument());
    await waitFor(() => expect(view.getAllByRole('listitem').length).toBeGreaterThan(0));
    view.rerender(<ActiveSessionsSection client={client({ listSessions })} locale="pl" strings={pl} />);
    expect(view.getByRole('heading', { name: pl['section.title'] })).toBeInTheDocument();
    expect(view.container.querySelector('[lang]')?.getAttribute('lang')).toBe('pl');
    expect(listSessions).toHaveBeenCalledTimes(1);
  });
});
