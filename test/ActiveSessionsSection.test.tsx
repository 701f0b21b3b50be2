import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { ActiveSessionsSection, createFetchSessionsClient, pl, type ActiveSessionsSectionProps } from '../src';
import { createFixtures, createScenarios, type WireSession } from '../mocks';
import { BASE_URL, useScenario } from './server';

const f = createFixtures();

function renderSection(props: Partial<ActiveSessionsSectionProps> = {}) {
  const user = userEvent.setup();
  const client = createFetchSessionsClient({ baseUrl: BASE_URL });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(<ActiveSessionsSection client={client} queryClient={queryClient} {...props} />);
  return { user, ...view };
}

async function rows() {
  const list = await screen.findByRole('list', { name: /active sessions?$/i });
  return within(list).getAllByRole('listitem');
}

function rowOf(device: string) {
  const row = screen.getByText(device, { selector: 'bdi' }).closest('li');
  if (!row) throw new Error(`no row for ${device}`);
  return row;
}

describe('ActiveSessionsSection', () => {
  describe('B1 rows', () => {
    it('should show device, apps, approximate location, sign-in date and trusted badge', async () => {
      useScenario({ sessions: [f.current, f.trusted, f.severalProducts] });
      renderSection();
      await rows();
      const products = rowOf('Chrome on Windows');
      expect(products).toHaveTextContent(/Apps: ChatGPT\s*Codex\s*API Platform/);
      expect(products).toHaveTextContent('Tokyo, Japan (approximate)');
      const time = products.querySelector('time');
      expect(time).toHaveAttribute('datetime', f.severalProducts.signed_in_at);
      expect(products).toHaveTextContent(/Signed in .*\d{4}.*\(3 hours ago\)/);
      expect(within(rowOf('ChatGPT app on iOS')).getByText('Trusted device')).toBeInTheDocument();
    });

    it('should format dates in the reader locale', async () => {
      useScenario({ sessions: [{ ...f.current, signed_in_at: '2026-03-04T10:00:00Z' }] });
      renderSection({ locale: 'pl', strings: pl });
      await screen.findByText(/Chrome/, { selector: 'bdi' });
      expect(screen.getByText((_, el) => el?.tagName === 'TIME' && /4 mar 2026/.test(el.textContent ?? ''))).toBeInTheDocument();
    });
  });

  describe('B2 incomplete details', () => {
    it('should leave missing fields out cleanly and label unknown apps generically', async () => {
      useScenario({ sessions: [f.current, f.incomplete, f.unknownProduct, { ...f.other, id: 'bad_date', signed_in_at: 'not a date' }] });
      const { container } = renderSection();
      expect(await rows()).toHaveLength(4);
      const text = container.textContent ?? '';
      for (const bad of ['undefined', 'null', 'NaN', 'Invalid Date', ', ,', '()']) expect(text).not.toContain(bad);
      const incomplete = rowOf('Unknown device');
      expect(incomplete).not.toHaveTextContent('Apps');
      expect(incomplete.querySelector('time')).toBeNull();
      expect(incomplete).not.toHaveTextContent('approximate');
      expect(within(rowOf('Sora app on Android')).getByText('Other app')).toBeInTheDocument();
    });
  });

  describe('B3 current session', () => {
    it('should label it CURRENT SESSION, list it first and offer no Log out on it', async () => {
      useScenario({ sessions: [f.other, f.trusted, f.current] });
      renderSection();
      const [first] = await rows();
      expect(first).toHaveTextContent('CURRENT SESSION');
      expect(first).toHaveTextContent('Chrome on macOS');
      expect(within(first!).queryByRole('button')).toBeNull();
    });
  });

  describe('B4 log out one session', () => {
    it('should confirm with Log out, send the DELETE, remove the row and move focus to the next row', async () => {
      const store = useScenario('typical');
      const { user } = renderSection();
      await rows();
      await user.click(screen.getByRole('button', { name: 'Log out Chrome on Windows' }));
      const dialog = await screen.findByRole('dialog', { name: 'Log out Chrome on Windows?' });
      expect(store.requests.some((r) => r.startsWith('DELETE'))).toBe(false);
      await user.click(within(dialog).getByRole('button', { name: 'Log out' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(store.requests).toContain('DELETE /sessions/sess_products?remove_trusted_device=false');
      await waitFor(() => expect(screen.queryByText('Chrome on Windows')).toBeNull());
      await waitFor(() => expect(document.activeElement).toHaveAccessibleName('Log out Edge on Windows'));
      // Said once focus has moved (a frame later), so the focus move does not cut it off.
      expect(await screen.findByText('Logged out Chrome on Windows.')).toBeInTheDocument();
    });

    it('should confirm a trusted device with Log out and remove, removing it from trusted devices', async () => {
      const store = useScenario('typical');
      const { user } = renderSection();
      await rows();
      await user.click(screen.getByRole('button', { name: 'Log out ChatGPT app on iOS' }));
      const dialog = await screen.findByRole('dialog');
      expect(dialog).toHaveTextContent('removes it from your trusted devices');
      await user.click(within(dialog).getByRole('button', { name: 'Log out and remove' }));
      await waitFor(() => expect(store.requests).toContain('DELETE /sessions/sess_iphone?remove_trusted_device=true'));
    });

    it.each([
      [
        'Cancel',
        async (user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement) =>
          user.click(within(dialog).getByRole('button', { name: 'Cancel' })),
      ],
      ['Esc', async (user: ReturnType<typeof userEvent.setup>) => user.keyboard('{Escape}')],
      [
        'a click outside',
        async (user: ReturnType<typeof userEvent.setup>) =>
          user.click(document.querySelector<HTMLElement>('[data-slot="dialog-overlay"]')!),
      ],
    ])('should change nothing on %s and return focus to the row button', async (_, dismiss) => {
      const store = useScenario('typical');
      const { user } = renderSection();
      await rows();
      const button = screen.getByRole('button', { name: 'Log out Edge on Windows' });
      await user.click(button);
      const dialog = await screen.findByRole('dialog');
      await dismiss(user, dialog);
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(store.requests).toEqual(['GET /sessions']);
      expect(screen.getByText('Edge on Windows')).toBeInTheDocument();
      await waitFor(() => expect(button).toHaveFocus());
    });

    it('should show a failure inside the modal, keep it usable, and succeed on a second try', async () => {
      const scenario = { ...createScenarios().typical, logOut: 'fail' as const };
      useScenario(scenario);
      const { user } = renderSection();
      await rows();
      await user.click(screen.getByRole('button', { name: 'Log out Edge on Windows' }));
      const dialog = await screen.findByRole('dialog');
      await user.click(within(dialog).getByRole('button', { name: 'Log out' }));
      expect(await within(dialog).findByRole('alert')).toHaveTextContent('Something went wrong on our side');
      useScenario('typical');
      await user.click(within(dialog).getByRole('button', { name: 'Log out' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      await waitFor(() => expect(screen.queryByText('Edge on Windows')).toBeNull());
    });

    it('should show progress and send one request however often confirm is pressed', async () => {
      const store = useScenario({ ...createScenarios().typical, logOut: 'hang' });
      const { user } = renderSection();
      await rows();
      await user.click(screen.getByRole('button', { name: 'Log out Edge on Windows' }));
      const dialog = await screen.findByRole('dialog');
      const confirm = within(dialog).getByRole('button', { name: 'Log out' });
      await user.click(confirm);
      await waitFor(() => expect(confirm).toHaveTextContent('Logging out…'));
      expect(confirm).toHaveAttribute('aria-disabled', 'true');
      await user.click(confirm);
      await user.click(confirm);
      expect(store.requests.filter((r) => r.startsWith('DELETE'))).toHaveLength(1);
    });
  });

  describe('overlapping logouts', () => {
    it("should leave another row's open modal alone when an earlier logout finishes", async () => {
      const scenario = createScenarios().typical;
      const store = useScenario({ ...scenario, delayMs: 300 });
      const { user } = renderSection();
      await rows();
      await user.click(screen.getByRole('button', { name: 'Log out Edge on Windows' }));
      await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Log out' }));
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      await user.click(screen.getByRole('button', { name: 'Log out ChatGPT app on iOS' }));
      const second = await screen.findByRole('dialog', { name: 'Log out ChatGPT app on iOS?' });
      await waitFor(() => expect(screen.queryByText('Edge on Windows')).toBeNull(), { timeout: 3000 });
      expect(second).toBeInTheDocument();
      expect(screen.getByRole('dialog', { name: 'Log out ChatGPT app on iOS?' })).toBe(second);
      // Focus is in the other dialog: the outcome waits for the reader's next focus move, then is said.
      expect(screen.queryByText('Logged out Edge on Windows.')).toBeNull();
      await user.tab();
      expect(await screen.findByText('Logged out Edge on Windows.')).toBeInTheDocument();
      expect(store.requests.filter((r) => r.startsWith('DELETE'))).toEqual(['DELETE /sessions/sess_windows?remove_trusted_device=false']);
    });
  });

  describe('B5 status unavailable', () => {
    it('should read Session status unavailable, have no Log out, and point to Log out of all sessions', async () => {
      useScenario({ sessions: [f.current, f.unavailable] });
      renderSection();
      await rows();
      const row = rowOf('Firefox on Linux');
      expect(row).toHaveTextContent('Session status unavailable');
      expect(row).toHaveTextContent('Log out of all sessions');
      expect(within(row).queryByRole('button')).toBeNull();
    });
  });

  describe('B6 log out of all sessions', () => {
    it('should confirm with Log out of all devices, mention 30 minutes, and tell the host', async () => {
      const store = useScenario('typical');
      const onSignedOut = vi.fn();
      const { user } = renderSection({ onSignedOut });
      await rows();
      await user.click(screen.getByRole('button', { name: 'Log out all' }));
      const dialog = await screen.findByRole('dialog', { name: 'Log out of all devices?' });
      expect(dialog).toHaveTextContent('up to 30 minutes');
      expect(dialog).toHaveTextContent('all 4 sessions');
      await user.click(within(dialog).getByRole('button', { name: 'Log out of all devices' }));
      await waitFor(() => expect(onSignedOut).toHaveBeenCalledTimes(1));
      expect(store.requests).toContain('POST /sessions/logout_all');
      expect(await screen.findByText(/being logged out of all sessions/)).toHaveFocus();
      expect(screen.queryByRole('dialog')).toBeNull();
    });

    it('should show a failure inside the modal and not tell the host', async () => {
      useScenario('logOutAllFails');
      const onSignedOut = vi.fn();
      const { user } = renderSection({ onSignedOut });
      await rows();
      await user.click(screen.getByRole('button', { name: 'Log out all' }));
      const dialog = await screen.findByRole('dialog');
      await user.click(within(dialog).getByRole('button', { name: 'Log out of all devices' }));
      expect(await within(dialog).findByRole('alert')).toHaveTextContent(/Try again/);
      expect(onSignedOut).not.toHaveBeenCalled();
    });
  });

  describe('announcements', () => {
    it('should change the live region for the same message twice, so it is announced twice', async () => {
      useScenario('logOutAllFails');
      const { user, container } = renderSection();
      await rows();
      const region = container.querySelector('[data-slot="announcer"]')!;
      await user.click(screen.getByRole('button', { name: 'Log out all' }));
      const dialog = await screen.findByRole('dialog');
      await user.click(within(dialog).getByRole('button', { name: 'Log out of all devices' }));
      // With focus in the dialog, each message is said after the reader's next focus move.
      await within(dialog).findByRole('alert');
      await user.tab();
      await waitFor(() => expect(region).toHaveTextContent("Couldn't log out of all sessions."));
      const first = region.textContent;
      await user.click(within(dialog).getByRole('button', { name: 'Log out of all devices' }));
      await waitFor(() =>
        expect(within(dialog).getByRole('button', { name: 'Log out of all devices' })).not.toHaveAttribute('aria-disabled'),
      );
      await user.tab();
      await waitFor(() => expect(region.textContent).not.toBe(first));
      expect(region).toHaveTextContent("Couldn't log out of all sessions.");
      expect(region).toHaveAttribute('role', 'status');
    });
  });

  describe('B7 not available', () => {
    it('should explain calmly for SSO accounts, with no error and no list', async () => {
      useScenario('sso');
      renderSection();
      expect(await screen.findByText(/SSO sign-in/)).toBeInTheDocument();
      expect(screen.queryByRole('alert')).toBeNull();
      expect(screen.queryByRole('list', { name: /active sessions?$/i })).toBeNull();
      expect(screen.queryByRole('button', { name: 'Log out all' })).toBeNull();
    });
  });

  describe('B8 cannot load', () => {
    it('should say to try again later and load on Try again', async () => {
      useScenario('serverError');
      const { user } = renderSection();
      expect(await screen.findByRole('alert')).toHaveTextContent('Try again later');
      useScenario('typical');
      await user.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await rows()).toHaveLength(4);
    });

    it('should show a loading state first', async () => {
      useScenario('loading');
      renderSection();
      expect(screen.getByText('Loading active sessions…')).toBeInTheDocument();
      expect(screen.getByRole('region', { name: 'Active sessions' })).toHaveAttribute('aria-busy', 'true');
    });

    it('should tell an expired sign-in apart and tell the host', async () => {
      useScenario('unauthorized');
      const onUnauthorized = vi.fn();
      renderSection({ onUnauthorized });
      expect(await screen.findByRole('alert')).toHaveTextContent('Your sign-in has expired');
      expect(onUnauthorized).toHaveBeenCalledTimes(1);
    });
  });

  describe('B9 propagation', () => {
    it('should read as signing out, offer Refresh, and drop the row after it', async () => {
      useScenario('logoutLingers');
      const { user } = renderSection();
      await rows();
      await user.click(screen.getByRole('button', { name: 'Log out Edge on Windows' }));
      await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Log out' }));
      await waitFor(() => expect(rowOf('Edge on Windows')).toHaveAttribute('data-state', 'signing-out'));
      const row = rowOf('Edge on Windows');
      expect(row).toHaveTextContent('Signing out');
      expect(within(row).queryByRole('button')).toBeNull();
      expect(screen.getByText(/1 session is still signing out/)).toHaveTextContent('Log out of all sessions');
      await waitFor(() => expect(row).toHaveFocus());
      await user.click(screen.getByRole('button', { name: 'Refresh' }));
      await waitFor(() => expect(screen.queryByText('Edge on Windows')).toBeNull());
      expect(await screen.findByText('Session list updated.')).toBeInTheDocument();
    });
  });

  describe('B10 help', () => {
    it('should show only the links supplied, and only safe ones', async () => {
      useScenario('typical');
      renderSection({ links: { changePassword: '/settings/password', support: 'javascript:alert(1)' } });
      await rows();
      const help = screen.getByRole('complementary', { name: "Don't recognize a session?" });
      expect(within(help).getByRole('link', { name: 'Change your password' })).toHaveAttribute('href', '/settings/password');
      expect(within(help).queryByRole('link', { name: 'Contact support' })).toBeNull();
      expect(within(help).queryByRole('link', { name: 'Review your sign-in methods' })).toBeNull();
    });

    it('should show no help block without links', async () => {
      useScenario('typical');
      renderSection();
      await rows();
      expect(screen.queryByRole('complementary')).toBeNull();
    });
  });

  describe('B11 scope', () => {
    it('should say in one line what it does not manage, and never list signed-out sessions', async () => {
      // A status the contract forbids, sent on purpose.
      useScenario({ sessions: [f.current, { ...f.other, status: 'signed_out' } as unknown as WireSession] });
      renderSection();
      expect(await rows()).toHaveLength(1);
      expect(screen.getByText(/Codex CLI sessions aren't shown here/)).toBeInTheDocument();
      expect(screen.getByText('This is the only active session on your account.')).toBeInTheDocument();
    });
  });

  describe('drop-in use', () => {
    it('should send one GET when the host re-renders with a client created inline', async () => {
      const store = useScenario('typical');
      const queryClient = new QueryClient();
      const host = () => <ActiveSessionsSection client={createFetchSessionsClient({ baseUrl: BASE_URL })} queryClient={queryClient} />;
      const view = render(host());
      await rows();
      view.rerender(host());
      view.rerender(host());
      await rows();
      expect(store.requests).toEqual(['GET /sessions']);
    });

    it('should explain a missing client instead of failing silently', () => {
      vi.spyOn(console, 'error').mockImplementation(() => {});
      // @ts-expect-error the type requires client; plain JavaScript can still leave it out
      expect(() => render(<ActiveSessionsSection />)).toThrow(/client/);
    });
  });

  describe('long lists', () => {
    it('should show 50 rows, then the next page on Show more with focus on the first new row', async () => {
      useScenario('many');
      const { user } = renderSection();
      expect(await rows()).toHaveLength(50);
      expect(screen.getByRole('list', { name: '201 active sessions' })).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Show 50 more sessions (151 not shown)' }));
      const shown = await rows();
      expect(shown).toHaveLength(100);
      expect(shown[50]).toHaveFocus();
      await user.click(screen.getByRole('button', { name: /Show 50 more/ }));
      await user.click(screen.getByRole('button', { name: /Show 50 more/ }));
      await user.click(screen.getByRole('button', { name: 'Show 1 more session (1 not shown)' }));
      expect(await rows()).toHaveLength(201);
      expect(screen.queryByRole('button', { name: /Show .* more/ })).toBeNull();
    }, 30_000); // 201 rows are slow to query in jsdom on a busy 2-core machine
  });

  describe('bad input', () => {
    it('should say how many rows could not be shown and keep the valid ones', async () => {
      useScenario('malformedRows');
      renderSection();
      expect(await rows()).toHaveLength(2);
      expect(screen.getByText(/2 sessions couldn't be shown/)).toBeInTheDocument();
    });

    it('should mirror for right-to-left locales', async () => {
      useScenario('typical');
      const { container } = renderSection({ locale: 'ar' });
      await rows();
      expect(container.querySelector('section')).toHaveAttribute('dir', 'rtl');
      expect(container.querySelector('section')).toHaveAttribute('lang', 'ar');
    });
  });
});
