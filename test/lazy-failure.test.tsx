import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { createFixtures } from '../mocks';
import { BASE_URL, useScenario } from './server';

// Issue 23: a chunk that cannot be fetched (a flaky network, or a deploy that replaced it) must not take
// the host's page down: the part stays closed, the section says so, the rest keeps working, and the next
// press fetches again.
const chunk = vi.hoisted(() => ({ offline: false, fetches: 0 }));
// Each part reads its export from the chunk's module; while offline, that read fails as a fetch would.
// (Getters, not a factory that throws: Vitest keeps a mocked module's first result across resetModules.)
vi.mock('../src/components/actions', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/components/actions')>();
  const fetched = <T,>(part: T) => {
    if (chunk.offline) throw new TypeError('Failed to fetch dynamically imported module: /assets/actions-1a2b3c.js');
    chunk.fetches += 1;
    return part;
  };
  // Every export of the chunk, read through `fetched` (a part added to it later is covered too).
  return Object.defineProperties(
    {},
    Object.fromEntries(Object.entries(actual).map(([name, part]) => [name, { enumerable: true, get: () => fetched(part) }])),
  );
});

const OPEN_FAILED = "Couldn't open it. Check your connection and try again.";

/** The section from modules loaded afresh: test/setup.ts fetched every part already, these have fetched none. */
async function renderFresh() {
  const f = createFixtures();
  useScenario({ sessions: [f.current, f.other] });
  vi.resetModules();
  chunk.fetches = 0;
  const { ActiveSessionsSection, createFetchSessionsClient } = await import('../src');
  const client = createFetchSessionsClient({ baseUrl: BASE_URL });
  render(<ActiveSessionsSection client={client} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })} />);
  return { user: userEvent.setup(), logOut: await screen.findByRole('button', { name: 'Log out Edge on Windows' }) };
}

afterEach(() => {
  chunk.offline = false;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('a part whose code cannot be fetched', () => {
  it('should leave the dialog closed, say so, keep the section working, and open it on the next press', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { user, logOut } = await renderFresh();
    // Offline: the prefetch when the pointer reaches Log out fails quietly, then the fetch the press makes.
    chunk.offline = true;

    await user.click(logOut);
    await waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringContaining('could not be fetched'), expect.any(Error)));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('alert')).toHaveTextContent(OPEN_FAILED);
    expect(logOut).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Log out all' })).toBeEnabled();

    chunk.offline = false;
    await user.click(logOut);
    expect(await screen.findByRole('dialog', { name: 'Log out Edge on Windows?' })).toBeInTheDocument();
    expect(screen.queryByText(OPEN_FAILED)).toBeNull();
  });

  it('should say so for Log out of all sessions too, and open its confirmation on the next press', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { user } = await renderFresh();
    const logOutAll = screen.getByRole('button', { name: 'Log out all' });
    chunk.offline = true;

    await user.click(logOutAll);
    expect(await screen.findByRole('alert')).toHaveTextContent(OPEN_FAILED);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(logOutAll).toHaveFocus();

    chunk.offline = false;
    await user.click(logOutAll);
    expect(await screen.findByRole('dialog', { name: 'Log out of all devices?' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

/** A device whose primary pointer can or cannot hover (a mouse, or a touch screen). */
const pointer = (canHover: boolean) =>
  vi.stubGlobal('matchMedia', (media: string) => ({
    media,
    matches: media === (canHover ? '(hover: hover)' : '(hover: none)'),
    addEventListener: () => {},
    removeEventListener: () => {},
  }));

describe('the parts loaded on intent, by pointer', () => {
  it('should fetch them once the list shows on a touch screen, so the first tap opens the dialog even offline', async () => {
    pointer(false);
    const { user, logOut } = await renderFresh();
    await waitFor(() => expect(chunk.fetches).toBeGreaterThan(0));
    chunk.offline = true;

    await user.click(logOut);
    expect(await screen.findByRole('dialog', { name: 'Log out Edge on Windows?' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('should fetch nothing before intent where the pointer can hover', async () => {
    pointer(true);
    const { user, logOut } = await renderFresh();
    // Longer than the touch screen's wait for idle time (200 ms where the browser has no requestIdleCallback).
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(chunk.fetches).toBe(0);

    await user.hover(logOut);
    await waitFor(() => expect(chunk.fetches).toBeGreaterThan(0));
  });
});
