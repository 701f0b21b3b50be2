import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { ActiveSessionsSection, SessionRow, SessionsClientError, de, en, type Session, type SessionsClient } from '../src';

// What the section says for the two failures a first integration meets: a CSRF token the server
// refused, and an API on another origin that the browser blocked.
const current: Session = {
  id: 'sess_me',
  isCurrent: true,
  isTrusted: false,
  status: 'active',
  apps: ['chatgpt'],
  device: { browser: 'Chrome', os: 'macOS' },
};
const other: Session = {
  id: 'sess_edge',
  isCurrent: false,
  isTrusted: false,
  status: 'active',
  apps: ['chatgpt'],
  device: { browser: 'Edge', os: 'Windows' },
};

function renderSection(client: Partial<SessionsClient>, props: { locale?: string; strings?: typeof de } = {}) {
  const full: SessionsClient = {
    listSessions: async () => ({ availability: 'available', sessions: [current, other] }),
    logOutSession: async () => undefined,
    logOutAllSessions: async () => ({}),
    ...client,
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<ActiveSessionsSection client={full} queryClient={queryClient} {...props} />);
}

describe('ActiveSessionsSection, given a logout the server refuses for its CSRF token', () => {
  it('should tell the reader, on the row, to reload the page', async () => {
    const user = userEvent.setup();
    renderSection({
      logOutSession: async () => Promise.reject(new SessionsClientError('csrf', 'DELETE answered 403: csrf', { status: 403 })),
    });
    await user.click(await screen.findByRole('button', { name: 'Log out Edge on Windows' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Log out' }));
    const row = (await screen.findByText(en['row.status.failed'])).closest('li')!;
    expect(row).toHaveTextContent(en['failure.csrf']);
    expect(en['failure.csrf']).toMatch(/Reload the page/);
    expect(row).not.toHaveTextContent(en['failure.server']);
  });
});

describe('ActiveSessionsSection, given a list the browser blocked (another origin)', () => {
  it('should say the browser blocked the request, not "our side or your connection", and offer Try again', async () => {
    renderSection({ listSessions: async () => Promise.reject(new SessionsClientError('blocked', 'GET blocked')) });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(en['error.title']);
    expect(alert).toHaveTextContent(en['failure.blocked']);
    expect(alert).not.toHaveTextContent(en['error.body']);
    expect(within(alert).getByRole('button', { name: en['error.retry'] })).toBeInTheDocument();
  });

  it("should say so in the reader's language", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderSection(
      { listSessions: async () => Promise.reject(new SessionsClientError('blocked', 'GET blocked')) },
      { locale: 'de', strings: de },
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(de['failure.blocked']);
  });

  it('should keep the usual words for a network failure', async () => {
    renderSection({ listSessions: async () => Promise.reject(new SessionsClientError('network', 'offline')) });
    expect(await screen.findByRole('alert')).toHaveTextContent(en['error.body']);
  });
});

describe('SessionRow on its own, failed with no error given', () => {
  it('should say the server could not be reached, the message of an unknown failure', () => {
    const session: Session = { id: 'sess_x', isCurrent: false, isTrusted: false, status: 'active', apps: ['chatgpt'] };
    render(<SessionRow session={session} canLogOut state="failed" onLogOut={() => {}} />);
    expect(screen.getByText(en['failure.network'])).toBeInTheDocument();
  });
});
