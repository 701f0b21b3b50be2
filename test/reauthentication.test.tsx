import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ActiveSessionsSection, createFetchSessionsClient, type ActiveSessionsEvent, type ActiveSessionsSectionProps } from '../src';
import { rejection } from './rejection';
import { renderReady } from './renderActiveSessions';
import { BASE_URL, server, useScenario } from './server';

// B16: a server may ask for a recent sign-in (403 reauthentication_required) before it ends sessions.
// The section asks the host (onReauthenticate) and repeats the same call once on `true`.

const client = () => createFetchSessionsClient({ baseUrl: BASE_URL });
const WINDOWS = 'DELETE /sessions/sess_windows?remove_trusted_device=false';
const IPHONE = 'DELETE /sessions/sess_iphone?remove_trusted_device=true';
const ALL = 'POST /sessions/logout_all';
const SIGN_IN_AGAIN = 'For your security, this needs a recent sign-in. Sign in again, then try again.';

/** A promise the test settles by hand, to look at the section while the host's prompt is open. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const writes = (requests: readonly string[]) => requests.filter((request) => !request.startsWith('GET'));

afterEach(() => vi.restoreAllMocks());

describe('createFetchSessionsClient, given 403 reauthentication_required', () => {
  it('should reject a logout with code reauthentication_required, not as a server fault', async () => {
    useScenario('reauthAlways');
    const error = await rejection(client().logOutSession('sess_windows', { removeTrustedDevice: false }));
    expect(error).toMatchObject({ code: 'reauthentication_required', status: 403 });
  });

  it('should reject log out of all sessions with code reauthentication_required', async () => {
    useScenario('reauthAlways');
    const error = await rejection(client().logOutAllSessions());
    expect(error).toMatchObject({ code: 'reauthentication_required', status: 403 });
  });

  it.each([400, 500])('should keep reauthentication_required a server fault on %i: only a 403 asks for a sign-in', async (status) => {
    server.use(
      http.delete(`${BASE_URL}/sessions/:id`, () => HttpResponse.json({ error: { code: 'reauthentication_required' } }, { status })),
    );
    const error = await rejection(client().logOutSession('sess_windows', { removeTrustedDevice: false }));
    expect(error).toMatchObject({ code: 'server', status });
  });

  it('should keep any other 403 a server fault', async () => {
    server.use(http.delete(`${BASE_URL}/sessions/:id`, () => HttpResponse.json({ error: { code: 'forbidden' } }, { status: 403 })));
    const error = await rejection(client().logOutSession('sess_windows', { removeTrustedDevice: false }));
    expect(error).toMatchObject({ code: 'server', status: 403 });
  });
});

describe('useActiveSessions, given a server that asks for a recent sign-in (B16)', () => {
  describe('when onReauthenticate resolves true', () => {
    it('should send the same DELETE exactly once more, and the row goes', async () => {
      const store = useScenario('reauthOnce');
      const onReauthenticate = vi.fn(async () => true);
      const hook = await renderReady({ onReauthenticate });
      let outcome: unknown;
      await act(async () => {
        outcome = await hook.result.current.logOut('sess_windows');
      });
      expect(outcome).toEqual({ outcome: 'logged-out' });
      expect(onReauthenticate).toHaveBeenCalledTimes(1);
      expect(writes(store.requests)).toEqual([WINDOWS, WINDOWS]);
      expect(hook.result.current.sessions.map((s) => s.id)).not.toContain('sess_windows');
    });

    it('should repeat a trusted device with the same flag (remove_trusted_device=true)', async () => {
      const store = useScenario('reauthOnce');
      const hook = await renderReady({ onReauthenticate: async () => true });
      await act(() => hook.result.current.logOut('sess_iphone'));
      expect(writes(store.requests)).toEqual([IPHONE, IPHONE]);
    });

    it('should repeat Log out of all sessions once, and tell the host it is signed out', async () => {
      const store = useScenario('reauthOnce');
      const onSignedOut = vi.fn();
      const hook = await renderReady({ onReauthenticate: async () => true, onSignedOut });
      let outcome: unknown;
      await act(async () => {
        outcome = await hook.result.current.logOutAll();
      });
      expect(outcome).toMatchObject({ outcome: 'done' });
      expect(writes(store.requests)).toEqual([ALL, ALL]);
      expect(onSignedOut).toHaveBeenCalledTimes(1);
      expect(hook.result.current.logOutAllState).toBe('done');
    });

    it('should keep the row logging out while the prompt is open, and say the prompt is open', async () => {
      useScenario('reauthOnce');
      const answer = deferred<boolean>();
      const hook = await renderReady({ onReauthenticate: () => answer.promise });
      let pending!: Promise<unknown>;
      act(() => {
        pending = hook.result.current.logOut('sess_windows');
      });
      await waitFor(() => expect(hook.result.current.isReauthenticating).toBe(true));
      expect(hook.result.current.rows.find((row) => row.session.id === 'sess_windows')?.state).toBe('logging-out');
      await act(async () => {
        answer.resolve(true);
        await pending;
      });
      expect(hook.result.current.isReauthenticating).toBe(false);
    });
  });

  describe('when the repeat is refused again', () => {
    it('should fail the row asking to sign in again, with no third request', async () => {
      const store = useScenario('reauthAlways');
      const onReauthenticate = vi.fn(async () => true);
      const hook = await renderReady({ onReauthenticate });
      let outcome: unknown;
      await act(async () => {
        outcome = await hook.result.current.logOut('sess_windows');
      });
      expect(outcome).toMatchObject({ outcome: 'failed', error: { code: 'reauthentication_required' } });
      expect(onReauthenticate).toHaveBeenCalledTimes(1);
      expect(writes(store.requests)).toEqual([WINDOWS, WINDOWS]);
      const row = hook.result.current.rows.find((r) => r.session.id === 'sess_windows');
      expect(row).toMatchObject({ state: 'failed', error: { code: 'reauthentication_required' } });
    });

    it('should fail Log out of all sessions the same way, with no third request', async () => {
      const store = useScenario('reauthAlways');
      const onSignedOut = vi.fn();
      const hook = await renderReady({ onReauthenticate: async () => true, onSignedOut });
      let outcome: unknown;
      await act(async () => {
        outcome = await hook.result.current.logOutAll();
      });
      expect(outcome).toMatchObject({ outcome: 'failed', error: { code: 'reauthentication_required' } });
      expect(writes(store.requests)).toEqual([ALL, ALL]);
      expect(hook.result.current.logOutAllState).toBe('failed');
      expect(onSignedOut).not.toHaveBeenCalled();
    });
  });

  describe('when onReauthenticate resolves false', () => {
    it('should return the row to idle quietly: no error, nothing sent again', async () => {
      const store = useScenario('reauthAlways');
      const hook = await renderReady({ onReauthenticate: async () => false });
      let outcome: unknown;
      await act(async () => {
        outcome = await hook.result.current.logOut('sess_windows');
      });
      expect(outcome).toEqual({ outcome: 'cancelled' });
      expect(writes(store.requests)).toEqual([WINDOWS]);
      const row = hook.result.current.rows.find((r) => r.session.id === 'sess_windows');
      expect(row).toMatchObject({ state: 'idle', error: null, canLogOut: true });
    });

    it('should return Log out of all sessions to idle quietly', async () => {
      const store = useScenario('reauthAlways');
      const hook = await renderReady({ onReauthenticate: async () => false });
      let outcome: unknown;
      await act(async () => {
        outcome = await hook.result.current.logOutAll();
      });
      expect(outcome).toEqual({ outcome: 'cancelled' });
      expect(writes(store.requests)).toEqual([ALL]);
      expect(hook.result.current.logOutAllState).toBe('idle');
      expect(hook.result.current.logOutAllError).toBeNull();
    });

    it("should tell a host's own mutation cache why: declined, with the server's refusal as the cause", async () => {
      useScenario('reauthAlways');
      const onError = vi.fn();
      const queryClient = new QueryClient({ mutationCache: new MutationCache({ onError }), defaultOptions: { queries: { retry: false } } });
      const hook = await renderReady({ onReauthenticate: async () => false, queryClient });
      await act(() => hook.result.current.logOut('sess_windows'));
      expect(onError).toHaveBeenCalledTimes(1);
      expect(onError.mock.calls[0]![0]).toMatchObject({
        code: 'aborted',
        message: 'Re-authentication was declined; nothing was sent again.',
        cause: { code: 'reauthentication_required', status: 403 },
      });
    });

    it('should treat an answer that is not true as declined', async () => {
      const store = useScenario('reauthAlways');
      const hook = await renderReady({ onReauthenticate: async () => 'yes' as unknown as boolean });
      await act(() => hook.result.current.logOut('sess_windows'));
      expect(writes(store.requests)).toEqual([WINDOWS]);
    });
  });

  describe('when there is no onReauthenticate', () => {
    it('should fail the row with code reauthentication_required, sending nothing again', async () => {
      const store = useScenario('reauthAlways');
      const hook = await renderReady();
      let outcome: unknown;
      await act(async () => {
        outcome = await hook.result.current.logOut('sess_windows');
      });
      expect(outcome).toMatchObject({ outcome: 'failed', error: { code: 'reauthentication_required' } });
      expect(writes(store.requests)).toEqual([WINDOWS]);
    });

    it('should fail Log out of all sessions with code reauthentication_required', async () => {
      const store = useScenario('reauthAlways');
      const hook = await renderReady();
      let outcome: unknown;
      await act(async () => {
        outcome = await hook.result.current.logOutAll();
      });
      expect(outcome).toMatchObject({ outcome: 'failed', error: { code: 'reauthentication_required' } });
      expect(writes(store.requests)).toEqual([ALL]);
    });
  });

  describe('when onReauthenticate throws', () => {
    // A broken prompt is not the reader saying no: the row fails with a way forward, and the host sees why.
    it('should fail the row asking to sign in again, send nothing again, and report it to the console', async () => {
      const store = useScenario('reauthAlways');
      const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
      const problem = new Error('the prompt broke');
      const hook = await renderReady({ onReauthenticate: async () => Promise.reject(problem) });
      let outcome: unknown;
      await act(async () => {
        outcome = await hook.result.current.logOut('sess_windows');
      });
      expect(outcome).toMatchObject({ outcome: 'failed', error: { code: 'reauthentication_required' } });
      expect(writes(store.requests)).toEqual([WINDOWS]);
      expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('onReauthenticate'), problem);
      expect(hook.result.current.isReauthenticating).toBe(false);
    });
  });

  describe('the reauthentication_requested event (B15)', () => {
    /** Records the host's events and its prompt in the order they happen. */
    function recorder() {
      const seen: unknown[] = [];
      return {
        seen,
        onEvent: (event: ActiveSessionsEvent) => seen.push(event),
        onReauthenticate: async () => {
          seen.push('prompt');
          return true;
        },
      };
    }

    it('should tell the host a logout asked for a recent sign-in, just before its prompt', async () => {
      useScenario('reauthOnce');
      const { seen, onEvent, onReauthenticate } = recorder();
      const hook = await renderReady({ onEvent, onReauthenticate });
      await act(() => hook.result.current.logOut('sess_windows'));
      expect(seen.slice(0, 2)).toEqual([{ type: 'reauthentication_requested', action: 'log_out' }, 'prompt']);
      expect(seen.filter((event) => (event as ActiveSessionsEvent).type === 'reauthentication_requested')).toHaveLength(1);
    });

    it('should name Log out of all sessions as the action that asked', async () => {
      useScenario('reauthOnce');
      const { seen, onEvent, onReauthenticate } = recorder();
      const hook = await renderReady({ onEvent, onReauthenticate });
      await act(() => hook.result.current.logOutAll());
      expect(seen.slice(0, 2)).toEqual([{ type: 'reauthentication_requested', action: 'log_out_all' }, 'prompt']);
    });

    it('should not fire without an onReauthenticate: no prompt is asked for', async () => {
      useScenario('reauthAlways');
      const onEvent = vi.fn();
      const hook = await renderReady({ onEvent });
      await act(() => hook.result.current.logOut('sess_windows'));
      expect(onEvent.mock.calls.map(([event]) => (event as ActiveSessionsEvent).type)).toEqual(['session_logout_failed']);
    });
  });

  it('should ask the host once for two logouts that need it at the same time', async () => {
    // The server wants a recent sign-in until the host's prompt has been passed.
    let isRecent = false;
    const store = useScenario('typical');
    server.use(
      http.delete(`${BASE_URL}/sessions/:id`, ({ request }) => {
        if (isRecent) return undefined;
        const url = new URL(request.url);
        store.requests.push(`DELETE ${url.pathname.slice(url.pathname.indexOf('/sessions'))}${url.search}`);
        return HttpResponse.json({ error: { code: 'reauthentication_required' } }, { status: 403 });
      }),
    );
    const answer = deferred<boolean>();
    const onReauthenticate = vi.fn(() => answer.promise);
    const hook = await renderReady({ onReauthenticate });
    let both!: Promise<unknown[]>;
    act(() => {
      both = Promise.all([hook.result.current.logOut('sess_windows'), hook.result.current.logOut('sess_iphone')]);
    });
    await waitFor(() => expect(writes(store.requests)).toHaveLength(2));
    await act(async () => {
      isRecent = true;
      answer.resolve(true);
      expect(await both).toEqual([{ outcome: 'logged-out' }, { outcome: 'logged-out' }]);
    });
    expect(onReauthenticate).toHaveBeenCalledTimes(1);
    expect(writes(store.requests).sort()).toEqual([IPHONE, IPHONE, WINDOWS, WINDOWS]);
  });
});

describe('ActiveSessionsSection, given a server that asks for a recent sign-in (B16)', () => {
  function renderSection(props: Partial<ActiveSessionsSectionProps> = {}) {
    const user = userEvent.setup();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(<ActiveSessionsSection client={client()} queryClient={queryClient} {...props} />);
    return user;
  }

  async function confirmLogOut(user: ReturnType<typeof userEvent.setup>) {
    await user.click(await screen.findByRole('button', { name: 'Log out Edge on Windows' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    await user.click(within(dialog).getByRole('button', { name: 'Log out' }));
  }

  it('should step its modal aside for the host prompt, then log the row out', async () => {
    useScenario('reauthOnce');
    const answer = deferred<boolean>();
    const user = renderSection({ onReauthenticate: () => answer.promise });
    await confirmLogOut(user);
    // The host's own prompt needs the page: the section's modal (and its focus trap) is gone meanwhile.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Edge on Windows', { selector: 'bdi' })).toBeInTheDocument();
    await act(async () => answer.resolve(true));
    await waitFor(() => expect(screen.queryByText('Edge on Windows', { selector: 'bdi' })).toBeNull());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByText('Logged out Edge on Windows.')).toBeInTheDocument();
  });

  it('should close quietly when the reader declines: the row as it was, no failure', async () => {
    const store = useScenario('reauthAlways');
    const user = renderSection({ onReauthenticate: async () => false });
    await confirmLogOut(user);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const button = screen.getByRole('button', { name: 'Log out Edge on Windows' });
    expect(button).toBeEnabled();
    await waitFor(() => expect(button).toHaveFocus());
    expect(screen.queryByText("Couldn't log out.")).toBeNull();
    expect(screen.queryByText(SIGN_IN_AGAIN)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(writes(store.requests)).toEqual([WINDOWS]);
  });

  it('should ask the reader to sign in again when there is no onReauthenticate', async () => {
    useScenario('reauthAlways');
    const user = renderSection();
    await confirmLogOut(user);
    const dialog = await screen.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(SIGN_IN_AGAIN);
    // The row says it too, once the modal is closed.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('Edge on Windows', { selector: 'bdi' }).closest('li')).toHaveTextContent(SIGN_IN_AGAIN);
  });

  it('should ask the reader to sign in again when the repeat is refused again', async () => {
    const store = useScenario('reauthAlways');
    const user = renderSection({ onReauthenticate: async () => true });
    await confirmLogOut(user);
    const dialog = await screen.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(SIGN_IN_AGAIN);
    expect(writes(store.requests)).toEqual([WINDOWS, WINDOWS]);
  });

  it('should close Log out of all sessions quietly when the reader declines', async () => {
    useScenario('reauthAlways');
    const onSignedOut = vi.fn();
    const user = renderSection({ onReauthenticate: async () => false, onSignedOut });
    await user.click(await screen.findByRole('button', { name: 'Log out all' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log out of all devices?' });
    await user.click(within(dialog).getByRole('button', { name: 'Log out of all devices' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Log out all' })).toBeEnabled();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it('should ask to sign in again in Log out of all sessions when the repeat is refused again', async () => {
    const store = useScenario('reauthAlways');
    const user = renderSection({ onReauthenticate: async () => true });
    await user.click(await screen.findByRole('button', { name: 'Log out all' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log out of all devices?' });
    await user.click(within(dialog).getByRole('button', { name: 'Log out of all devices' }));
    expect(await within(await screen.findByRole('dialog')).findByRole('alert')).toHaveTextContent(SIGN_IN_AGAIN);
    expect(writes(store.requests)).toEqual([ALL, ALL]);
  });
});
