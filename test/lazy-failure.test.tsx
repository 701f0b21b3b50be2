import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { createFixtures } from '../mocks';
import { BASE_URL, useScenario } from './server';

// Issue 23: a chunk that cannot be fetched (a flaky network, or a deploy that replaced it) must not take
// the host's page down: the part stays closed, the section says so, the rest keeps working, and the next
// press fetches again.
const chunk = vi.hoisted(() => ({ failures: 0 }));
vi.mock('../src/components/actions', async (importOriginal) => {
  if (chunk.failures > 0) {
    chunk.failures -= 1;
    throw new TypeError('Failed to fetch dynamically imported module: /assets/actions-1a2b3c.js');
  }
  return importOriginal();
});

describe('a part whose code cannot be fetched', () => {
  it('should leave the dialog closed, say so, keep the section working, and open it on the next press', async () => {
    const f = createFixtures();
    useScenario({ sessions: [f.current, f.other] });
    // test/setup.ts fetched every part already; these modules are fresh, so nothing is loaded yet.
    vi.resetModules();
    const { ActiveSessionsSection, createFetchSessionsClient } = await import('../src');
    // Two failures: the prefetch when the pointer reaches Log out (quietly), then the fetch the press makes.
    chunk.failures = 2;
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

    await user.click(logOut);
    expect(await screen.findByRole('dialog', { name: 'Log out Edge on Windows?' })).toBeInTheDocument();
    expect(screen.queryByText("Couldn't open it. Check your connection and try again.")).toBeNull();
    error.mockRestore();
  });
});
