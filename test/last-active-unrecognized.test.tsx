import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import {
  ActiveSessionsProvider,
  ActiveSessionsSection,
  SessionRow,
  ar,
  createFetchSessionsClient,
  type ActiveSessionsSectionProps,
  type Session,
} from '../src';
import { createFixtures, createScenarios, minutesAgo } from '../mocks';
import { BASE_URL, useScenario } from './server';

// B12 last active, B13 new sign-ins and B14 "Don't recognize it?", as a reader meets them in the section.

const f = createFixtures();
// The mocks' newSignIn scenario, over these fixtures' times.
const newSignIn = { sessions: [f.current, f.other, f.newSignIn, f.trusted] };
const links = { changePassword: '/password', signInMethods: '/sign-in-methods', support: 'https://help.example/contact' };

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

async function openUnrecognized(user: ReturnType<typeof userEvent.setup>, device: string) {
  await user.click(await screen.findByRole('button', { name: `Don't recognize it? ${device}` }));
  return screen.findByRole('dialog', { name: 'Secure your account' });
}

describe('B12 last active', () => {
  it('should come with a scenario in the mocks whose new sign-in and last-active times differ from sign-in', () => {
    const scenario = createScenarios().newSignIn;
    expect(scenario.sessions.map((s) => s.id)).toEqual(newSignIn.sessions.map((s) => s.id));
    for (const session of scenario.sessions) expect(session.last_active_at).not.toBe(session.signed_in_at);
  });

  it('should read "Active now" on the current session and on one seen within 5 minutes, with the time in <time dateTime>', async () => {
    useScenario(newSignIn);
    renderSection();
    await rows();
    expect(within(rowOf('Chrome on macOS')).getByText('Active now')).toHaveAttribute('datetime', f.current.last_active_at);
    const iphone = within(rowOf('ChatGPT app on iOS')).getByText('Active now');
    expect(iphone.tagName).toBe('TIME');
    expect(iphone).toHaveAttribute('datetime', f.trusted.last_active_at);
  });

  it('should read "Last active {relative}" otherwise, with the absolute time in <time dateTime>', async () => {
    useScenario(newSignIn);
    renderSection();
    await rows();
    const edge = within(rowOf('Edge on Windows')).getByText('Last active 3 hours ago');
    expect(edge.tagName).toBe('TIME');
    expect(edge).toHaveAttribute('datetime', f.other.last_active_at);
    expect(rowOf('Edge on Windows')).toHaveAccessibleName(/Last active 3 hours ago$/);
  });

  it('should leave an unknown last-active time out of another row, and still say "Active now" on the current one', async () => {
    useScenario({
      sessions: [
        { ...f.current, last_active_at: null },
        { ...f.other, last_active_at: null },
      ],
    });
    const { container } = renderSection();
    await rows();
    expect(rowOf('Chrome on macOS')).toHaveTextContent('Active now');
    expect(rowOf('Edge on Windows')).not.toHaveTextContent(/active/i);
    expect(container.textContent).not.toMatch(/undefined|null|NaN|Invalid Date/);
  });

  it('should list the current session first, then the most recently active', async () => {
    useScenario(newSignIn);
    renderSection();
    const listed = await rows();
    expect(listed.map((row) => row.querySelector('bdi')?.textContent)).toEqual([
      'Chrome on macOS',
      'ChatGPT app on iOS',
      'Firefox on Ubuntu',
      'Edge on Windows',
    ]);
  });
});

describe('B13 new sign-ins', () => {
  it('should mark another session signed in within 24 hours of loading as "New sign-in", also in its accessible phrase', async () => {
    useScenario(newSignIn);
    renderSection();
    await rows();
    const fresh = rowOf('Firefox on Ubuntu');
    expect(within(fresh).getByText('New sign-in')).toBeInTheDocument();
    expect(fresh).toHaveAccessibleName(/^Firefox on Ubuntu, New sign-in, /);
    expect(screen.getAllByText('New sign-in')).toHaveLength(1);
    // The current session signed in 12 minutes ago and is never "new".
    expect(rowOf('Chrome on macOS')).not.toHaveTextContent('New sign-in');
  });

  it('should take newSince as a Date or an ISO string, and turn the badge off with null', async () => {
    useScenario(newSignIn);
    const { rerender } = renderSection({ newSince: new Date(Date.now() - 6 * 24 * 3600_000) });
    await rows();
    // Signed in 2 days (Edge) and 5 days ago (iPhone), and 2 hours ago: all after 6 days ago.
    await waitFor(() => expect(screen.getAllByText('New sign-in')).toHaveLength(3));
    const client = createFetchSessionsClient({ baseUrl: BASE_URL });
    rerender(<ActiveSessionsSection client={client} newSince={minutesAgo(60)} />);
    await rows();
    await waitFor(() => expect(screen.queryByText('New sign-in')).toBeNull());
    rerender(<ActiveSessionsSection client={client} newSince={null} />);
    await rows();
    expect(screen.queryByText('New sign-in')).toBeNull();
  });
});

describe("B14 Don't recognize it?", () => {
  it('should be offered on every row that offers Log out, and nowhere else', async () => {
    useScenario('everyRowState');
    renderSection();
    await rows();
    const logOuts = screen.getAllByRole('button', { name: /^Log out / }).filter((button) => button.closest('li'));
    const unrecognized = screen.getAllByRole('button', { name: /^Don't recognize it\? / });
    expect(unrecognized.map((button) => button.closest('li'))).toEqual(logOuts.map((button) => button.closest('li')));
    expect(within(rowOf('Safari on macOS')).queryByRole('button', { name: /Don't recognize/ })).toBeNull();
    expect(within(rowOf('Firefox on Linux')).queryByRole('button', { name: /Don't recognize/ })).toBeNull();
  });

  it('should open "Secure your account" naming the device, and change nothing on Cancel or Esc', async () => {
    const store = useScenario(newSignIn);
    const { user } = renderSection();
    let dialog = await openUnrecognized(user, 'Firefox on Ubuntu');
    expect(dialog).toHaveTextContent('The session on Firefox on Ubuntu will be logged out.');
    expect(within(dialog).getByRole('button', { name: 'Log out and secure account' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    dialog = await openUnrecognized(user, 'Firefox on Ubuntu');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(store.requests.filter((r) => r.startsWith('DELETE'))).toEqual([]);
    expect(rowOf('Firefox on Ubuntu')).toBeInTheDocument();
  });

  it('should say a trusted device is also removed from trusted devices', async () => {
    useScenario(newSignIn);
    const { user } = renderSection();
    const dialog = await openUnrecognized(user, 'ChatGPT app on iOS');
    expect(dialog).toHaveTextContent('removed from your trusted devices');
  });

  it("should send remove_trusted_device=true&reason=unrecognized, remove the row and focus the next steps' heading", async () => {
    const store = useScenario(newSignIn);
    const { user } = renderSection({ links });
    const dialog = await openUnrecognized(user, 'Firefox on Ubuntu');
    await user.click(within(dialog).getByRole('button', { name: 'Log out and secure account' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(store.requests).toContain('DELETE /sessions/sess_new_linux?remove_trusted_device=true&reason=unrecognized');
    expect(store.reasons.get('sess_new_linux')).toBe('unrecognized');
    await waitFor(() => expect(screen.queryByText('Firefox on Ubuntu', { selector: 'bdi' })).toBeNull());
    const heading = screen.getByRole('heading', { name: 'Firefox on Ubuntu was logged out' });
    await waitFor(() => expect(heading).toHaveFocus());
    // Above the list.
    const list = screen.getByRole('list', { name: /active sessions$/ });
    expect(heading.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("should list the host links and Log out of all sessions as next steps, which opens B6's confirmation", async () => {
    useScenario(newSignIn);
    const { user } = renderSection({ links });
    await user.click(within(await openUnrecognized(user, 'Edge on Windows')).getByRole('button', { name: 'Log out and secure account' }));
    const steps = await screen.findByRole('list', { name: 'Next steps' });
    expect(within(steps).getByRole('link', { name: 'Change your password' })).toHaveAttribute('href', '/password');
    expect(within(steps).getByRole('link', { name: 'Review your sign-in methods' })).toHaveAttribute('href', '/sign-in-methods');
    expect(within(steps).getByRole('link', { name: 'Contact support' })).toHaveAttribute('href', 'https://help.example/contact');
    await user.click(within(steps).getByRole('button', { name: 'Log out of all sessions' }));
    const confirm = await screen.findByRole('dialog', { name: 'Log out of all devices?' });
    expect(within(confirm).getByRole('button', { name: 'Log out of all devices' })).toBeInTheDocument();
  });

  it('should leave out each link the host does not supply', async () => {
    useScenario(newSignIn);
    const { user } = renderSection({ links: { support: 'https://help.example/contact' } });
    await user.click(within(await openUnrecognized(user, 'Edge on Windows')).getByRole('button', { name: 'Log out and secure account' }));
    const steps = await screen.findByRole('list', { name: 'Next steps' });
    expect(
      within(steps)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Contact support']);
    expect(within(steps).getByRole('button', { name: 'Log out of all sessions' })).toBeInTheDocument();
  });

  it('should stay until Done, then go with focus on the list', async () => {
    useScenario(newSignIn);
    const { user } = renderSection();
    await user.click(within(await openUnrecognized(user, 'Edge on Windows')).getByRole('button', { name: 'Log out and secure account' }));
    await screen.findByRole('heading', { name: 'Edge on Windows was logged out' });
    await user.click(within(await openUnrecognized(user, 'Firefox on Ubuntu')).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('heading', { name: 'Edge on Windows was logged out' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('heading', { name: /was logged out/ })).toBeNull();
    expect(document.activeElement?.closest('li')).toBe(rowOf('Chrome on macOS'));
  });

  it('should show a failure in the dialog and on the row as in B4, with no next steps', async () => {
    useScenario({ sessions: [f.current, f.other], logOut: 'fail' });
    const { user } = renderSection();
    const dialog = await openUnrecognized(user, 'Edge on Windows');
    await user.click(within(dialog).getByRole('button', { name: 'Log out and secure account' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Something went wrong on our side');
    await user.keyboard('{Escape}');
    expect(rowOf('Edge on Windows')).toHaveTextContent("Couldn't log out.");
    expect(screen.queryByRole('heading', { name: /was logged out/ })).toBeNull();
  });

  it('should offer it as an item of the row menu in actions="menu"', async () => {
    const user = userEvent.setup();
    const onUnrecognized = vi.fn();
    const session: Session = {
      id: 's',
      isCurrent: false,
      isTrusted: false,
      status: 'active',
      apps: [],
      device: { browser: 'Edge', os: 'Windows' },
    };
    render(
      <ActiveSessionsProvider client={createFetchSessionsClient({ baseUrl: BASE_URL })}>
        <ul>
          <SessionRow session={session} canLogOut actions="menu" onLogOut={() => {}} onUnrecognized={onUnrecognized} />
        </ul>
      </ActiveSessionsProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Actions for Edge on Windows' }));
    await user.click(await screen.findByRole('menuitem', { name: "Don't recognize it? Edge on Windows" }));
    expect(onUnrecognized).toHaveBeenCalledTimes(1);
  });

  it('should read right to left in Arabic', async () => {
    useScenario(newSignIn);
    const { user, container } = renderSection({ locale: 'ar', strings: ar, links });
    await screen.findByText('تسجيل دخول جديد');
    expect(container.querySelector('section')).toHaveAttribute('dir', 'rtl');
    await user.click(screen.getByRole('button', { name: /^لا تتعرّف عليها؟ Firefox/ }));
    const dialog = await screen.findByRole('dialog', { name: 'تأمين حسابك' });
    await user.click(within(dialog).getByRole('button', { name: 'تسجيل الخروج وتأمين الحساب' }));
    expect(await screen.findByRole('heading', { name: /^تم تسجيل الخروج من Firefox/ })).toBeInTheDocument();
  });
});
