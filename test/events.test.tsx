import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { ActiveSessionsSection, createFetchSessionsClient, type ActiveSessionsEvent, type ActiveSessionsSectionProps } from '../src';
import { createFixtures } from '../mocks';
import { BASE_URL, useScenario } from './server';

// B15: onEvent tells the host of each outcome once, with ids and codes only, and a handler that throws
// never breaks the section. Every render here is under StrictMode, which runs effects twice.

const f = createFixtures();

afterEach(() => vi.restoreAllMocks());

function renderSection(props: Partial<ActiveSessionsSectionProps> = {}, { strict = true } = {}) {
  const user = userEvent.setup();
  const events: ActiveSessionsEvent[] = [];
  const onEvent = vi.fn((event: ActiveSessionsEvent) => void events.push(event));
  const client = createFetchSessionsClient({ baseUrl: BASE_URL });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const section = <ActiveSessionsSection client={client} queryClient={queryClient} onEvent={onEvent} {...props} />;
  const view = render(strict ? <StrictMode>{section}</StrictMode> : section);
  return { user, events, onEvent, ...view };
}

async function confirmIn(user: ReturnType<typeof userEvent.setup>, opener: string, confirm: string) {
  await user.click(await screen.findByRole('button', { name: opener }));
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: confirm }));
  return dialog;
}

// Lets any late duplicate (a second effect, a re-render) arrive before counting.
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('onEvent (B15)', () => {
  it('should tell of a logout once, with the session id and whether a trusted device was removed', async () => {
    useScenario('typical');
    const { user, events } = renderSection();
    await confirmIn(user, 'Log out Edge on Windows', 'Log out');
    await waitFor(() => expect(events).toHaveLength(1));
    await confirmIn(user, 'Log out ChatGPT app on iOS', 'Log out and remove');
    await waitFor(() => expect(events).toHaveLength(2));
    await settle();
    expect(events).toEqual([
      { type: 'session_logged_out', sessionId: 'sess_windows', removedTrustedDevice: false },
      { type: 'session_logged_out', sessionId: 'sess_iphone', removedTrustedDevice: true },
    ]);
  });

  it("should carry reason unrecognized after Don't recognize it?", async () => {
    useScenario('typical');
    const { user, events } = renderSection();
    await confirmIn(user, "Don't recognize it? ChatGPT app on iOS", 'Log out and secure account');
    await screen.findByRole('heading', { name: 'ChatGPT app on iOS was logged out' });
    await settle();
    expect(events).toEqual([{ type: 'session_logged_out', sessionId: 'sess_iphone', removedTrustedDevice: true, reason: 'unrecognized' }]);
  });

  it('should tell of a failed logout with its code, once per attempt', async () => {
    useScenario({ sessions: [f.current, f.other], logOut: 'fail' });
    const { user, events } = renderSection();
    const dialog = await confirmIn(user, 'Log out Edge on Windows', 'Log out');
    await within(dialog).findByRole('alert');
    await settle();
    expect(events).toEqual([{ type: 'session_logout_failed', sessionId: 'sess_windows', code: 'server' }]);
  });

  it("should tell of Log out of all sessions with the server's completesBy, and of its failure with a code", async () => {
    const store = useScenario('typical');
    const { user, events } = renderSection();
    await confirmIn(user, 'Log out all', 'Log out of all devices');
    await waitFor(() => expect(events).toHaveLength(1));
    await settle();
    expect(events).toEqual([{ type: 'all_sessions_logged_out', completesBy: expect.any(String) as string }]);
    expect(Date.parse((events[0] as { completesBy: string }).completesBy)).toBeGreaterThan(Date.now());
    expect(store.requests).toContain('POST /sessions/logout_all');

    useScenario({ sessions: [f.current, f.other], logOutAll: 'fail' });
    const second = renderSection();
    await second.user.click((await screen.findAllByRole('button', { name: 'Log out all' })).at(-1)!);
    await second.user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Log out of all devices' }));
    await within(screen.getByRole('dialog')).findByRole('alert');
    await settle();
    expect(second.events).toEqual([{ type: 'all_sessions_logout_failed', code: 'server' }]);
  });

  it("should tell of a list that fails once, after the client's own retry", async () => {
    const store = useScenario('serverError');
    const { events } = renderSection({}, { strict: false });
    await screen.findByText("Active sessions couldn't load");
    await settle();
    expect(store.requests.filter((r) => r.startsWith('GET'))).toHaveLength(2);
    expect(events).toEqual([{ type: 'list_failed', code: 'server' }]);
  });

  it('should tell of a failed list once under StrictMode, and again when Try again fails too', async () => {
    useScenario('serverError');
    const { user, events } = renderSection();
    await screen.findByText("Active sessions couldn't load");
    await settle();
    expect(events).toEqual([{ type: 'list_failed', code: 'server' }]);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(events).toHaveLength(2));
    await settle();
    expect(events).toHaveLength(2);
  });

  it('should tell of a failed refresh once, though the section and its list both read it', async () => {
    useScenario({ sessions: [f.current, f.other] });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { events } = renderSection({ queryClient });
    await screen.findByText('Edge on Windows');
    useScenario({ sessions: [], list: 'unauthorized' });
    await act(() => queryClient.refetchQueries());
    await screen.findByText("Couldn't refresh the list. Showing the last sessions loaded.", { exact: false });
    await settle();
    expect(events).toEqual([{ type: 'list_failed', code: 'unauthorized' }]);
  });

  it('should tell nothing while the list loads and renders, however often the host re-renders', async () => {
    useScenario('typical');
    const { rerender, onEvent } = renderSection();
    await screen.findByText('Edge on Windows');
    const client = createFetchSessionsClient({ baseUrl: BASE_URL });
    rerender(
      <StrictMode>
        <ActiveSessionsSection client={client} onEvent={onEvent} />
      </StrictMode>,
    );
    await settle();
    expect(onEvent).not.toHaveBeenCalled();
  });

  it('should report a handler that throws to console.error and carry on', async () => {
    useScenario('typical');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const thrown = new Error('audit endpoint down');
    const { user } = renderSection({
      onEvent: () => {
        throw thrown;
      },
    });
    await confirmIn(user, 'Log out Edge on Windows', 'Log out');
    await waitFor(() => expect(screen.queryByText('Edge on Windows')).toBeNull());
    expect(error).toHaveBeenCalledWith(expect.stringContaining('onEvent'), thrown);
    // The section still works: the next logout goes through.
    await confirmIn(user, 'Log out Chrome on Windows', 'Log out');
    await waitFor(() => expect(screen.queryByText('Chrome on Windows')).toBeNull());
    expect(error).toHaveBeenCalledTimes(2);
  });

  it('should report a handler whose promise rejects to console.error', async () => {
    useScenario('typical');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the point: a host's async handler whose promise rejects
    const { user } = renderSection({ onEvent: async () => Promise.reject(new Error('offline')) });
    await confirmIn(user, 'Log out Edge on Windows', 'Log out');
    await waitFor(() => expect(error).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('list', { name: /active sessions$/ })).toBeInTheDocument();
  });

  it('should report nothing for a handler that returns nothing, a value, or a promise that resolves', async () => {
    useScenario('typical');
    const error = vi.spyOn(console, 'error');
    const returns = [undefined, 'logged', Promise.resolve()];
    const onEvent = vi.fn(() => returns[onEvent.mock.calls.length - 1]);
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the point: whatever a host's handler returns
    const { user } = renderSection({ onEvent });
    await confirmIn(user, 'Log out Edge on Windows', 'Log out');
    await confirmIn(user, 'Log out Chrome on Windows', 'Log out');
    await confirmIn(user, 'Log out ChatGPT app on iOS', 'Log out and remove');
    await waitFor(() => expect(onEvent).toHaveBeenCalledTimes(3));
    await settle();
    expect(error).not.toHaveBeenCalled();
  });

  it('should carry ids and codes only, never device names or places', async () => {
    useScenario({ sessions: [f.current, f.other, f.trusted, f.severalProducts], logOutById: { [f.trusted.id]: 'fail' } });
    const { user, events } = renderSection();
    await confirmIn(user, 'Log out Edge on Windows', 'Log out');
    await waitFor(() => expect(events).toHaveLength(1));
    const failed = await confirmIn(user, "Don't recognize it? ChatGPT app on iOS", 'Log out and secure account');
    await within(failed).findByRole('alert');
    await user.keyboard('{Escape}');
    await confirmIn(user, "Don't recognize it? Chrome on Windows", 'Log out and secure account');
    await waitFor(() => expect(events).toHaveLength(3));
    const text = JSON.stringify(events);
    for (const session of [f.current, f.other, f.trusted, f.severalProducts]) {
      for (const detail of [session.device.browser, session.device.os, session.location.city, session.location.country]) {
        if (detail) expect(text).not.toContain(detail);
      }
    }
    for (const event of events) {
      expect(Object.keys(event).every((key) => ['type', 'sessionId', 'removedTrustedDevice', 'reason', 'code'].includes(key))).toBe(true);
    }
  });
});
