import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { createFixtures } from '../mocks';
import { BASE_URL, useScenario } from './server';

// Issue 23: a chunk that cannot be fetched (a flaky network, or a deploy that replaced it) must not take
// the host's page down: the part stays closed, the section says so, the rest keeps working, and the next
// press fetches again.
const chunk = vi.hoisted(() => ({ offline: false }));
// Each part reads its export from the chunk's module; while offline, that read fails as a fetch would.
// (Getters, not a factory that throws: Vitest keeps a mocked module's first result across resetModules.)
vi.mock('../src/components/actions', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/components/actions')>();
  const fetched = <T,>(part: T) => {
    if (chunk.offline) throw new TypeError('Failed to fetch dynamically imported module: /assets/actions-1a2b3c.js');
    return part;
  };
  return {
    get LogoutConfirmModal() {
      return fetched(actual.LogoutConfirmModal);
    },
    get UnrecognizedSessionDialog() {
      return fetched(actual.UnrecognizedSessionDialog);
    },
    get LogoutAllDialog() {
      return fetched(actual.LogoutAllDialog);
    },
    get RowMenu() {
      return fetched(actual.RowMenu);
    },
    get SecureAccountCallout() {
      return fetched(actual.SecureAccountCallout);
    },
  };
});

describe('a part whose code cannot be fetched', () => {
  it('should leave the dialog closed, say so, keep the section working, and open it on the next press', async () => {
    const f = createFixtures();
    useScenario({ sessions: [f.current, f.other] });
    // test/setup.ts fetched every part already; these modules are fresh, so nothing is loaded yet.
    vi.resetModules();
    const { ActiveSessionsSection, createFetchSessionsClient } = await import('../src');
    // Offline: the prefetch when the pointer reaches Log out fails quietly, then the fetch the press makes.
    chunk.offline = true;
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const client = createFetchSessionsClient({ baseUrl: BASE_URL });
    render(<ActiveSessionsSection client={client} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })} />);
    const user = userEvent.setup();
    const logOut = await screen.findByRole('button', { name: 'Log out Edge on Windows' });

    await user.click(logOut);
    await waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringContaining('could not be fetched'), expect.any(Error)));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't open it. Check your connection and try again.");
    expect(logOut).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Log out all' })).toBeEnabled();

    chunk.offline = false;
    await user.click(logOut);
    expect(await screen.findByRole('dialog', { name: 'Log out Edge on Windows?' })).toBeInTheDocument();
    expect(screen.queryByText("Couldn't open it. Check your connection and try again.")).toBeNull();
    error.mockRestore();
  });
});

describe('Log out of all sessions when its chunk cannot be fetched', () => {
  it('should say so in the section and open the confirmation on the next press', async () => {
    const f = createFixtures();
    useScenario({ sessions: [f.current, f.other] });
    vi.resetModules();
    const { ActiveSessionsSection, createFetchSessionsClient } = await import('../src');
    chunk.offline = true;
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const client = createFetchSessionsClient({ baseUrl: BASE_URL });
    render(<ActiveSessionsSection client={client} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })} />);
    const user = userEvent.setup();
    const logOutAll = await screen.findByRole('button', { name: 'Log out all' });

    await user.click(logOutAll);
    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't open it. Check your connection and try again.");
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(logOutAll).toHaveFocus();

    chunk.offline = false;
    await user.click(logOutAll);
    expect(await screen.findByRole('dialog', { name: 'Log out of all devices?' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    error.mockRestore();
  });
});
