import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, waitFor, within } from 'storybook/test';
import { BASE_URL, mockedApi } from './support/api';
import { onApi, sectionMeta } from './support/MockedSection';

/**
 * What a reader does in the section, as play functions over the MSW-mocked API: each asserts what the
 * reader sees (by role and accessible name) and which requests went out.
 */
const meta = {
  ...sectionMeta,
  title: 'Section/Flows',
} satisfies Meta<typeof sectionMeta.component>;

export default meta;
type Story = StoryObj<typeof meta>;

async function findList(canvasElement: HTMLElement) {
  return within(canvasElement).findByRole('list', { name: /active sessions?$/ });
}

const logOut = mockedApi('typical');
export const LogOutASession: Story = {
  name: 'Log out a session',
  ...onApi(logOut),
  async play({ canvasElement, canvas, userEvent }) {
    await findList(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Log out Chrome on Windows' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Log out Chrome on Windows?' });
    await expect(dialog).toHaveTextContent('Anyone using it will need to sign in again.');
    // Nothing is sent before the reader confirms (B4).
    await expect(logOut.store.requests).toEqual(['GET /sessions']);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out' }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(canvas.queryByText('Chrome on Windows')).toBeNull());
    await expect(logOut.store.requests).toContain('DELETE /sessions/sess_products?remove_trusted_device=false');
    await expect(canvas.getByRole('list', { name: '3 active sessions' })).toBeVisible();
    // Focus lands on the next row's Log out, not on the page; the outcome is said once it is there.
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName('Log out Edge on Windows'));
    await expect(await canvas.findByText('Logged out Chrome on Windows.')).toBeInTheDocument();
  },
};

const logOutTrusted = mockedApi('typical');
export const LogOutATrustedDevice: Story = {
  name: 'Log out a trusted device',
  ...onApi(logOutTrusted),
  async play({ canvasElement, canvas, userEvent }) {
    await findList(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Log out ChatGPT app on iOS' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Log out ChatGPT app on iOS?' });
    await expect(dialog).toHaveTextContent('removes it from your trusted devices');
    await expect(within(dialog).queryByRole('button', { name: 'Log out' })).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out and remove' }));
    await waitFor(() => expect(canvas.queryByText('ChatGPT app on iOS')).toBeNull());
    // B4: the same call also removes the device from trusted devices.
    await expect(logOutTrusted.store.requests).toContain('DELETE /sessions/sess_iphone?remove_trusted_device=true');
  },
};

const cancel = mockedApi('typical');
export const CancelChangesNothing: Story = {
  name: 'Cancel changes nothing',
  ...onApi(cancel),
  async play({ canvasElement, canvas, userEvent }) {
    await findList(canvasElement);
    const button = canvas.getByRole('button', { name: 'Log out Edge on Windows' });
    await userEvent.click(button);
    const dialog = await canvas.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(cancel.store.requests).toEqual(['GET /sessions']);
    await expect(canvas.getByText('Edge on Windows')).toBeVisible();
    await waitFor(() => expect(button).toHaveFocus());
  },
};

const escape = mockedApi('typical');
export const EscChangesNothing: Story = {
  name: 'Esc changes nothing',
  ...onApi(escape),
  async play({ canvasElement, canvas, userEvent }) {
    await findList(canvasElement);
    const button = canvas.getByRole('button', { name: 'Log out Edge on Windows' });
    await userEvent.click(button);
    await canvas.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(escape.store.requests).toEqual(['GET /sessions']);
    await expect(canvas.getByText('Edge on Windows')).toBeVisible();
    await waitFor(() => expect(button).toHaveFocus());
  },
};

const logOutAll = mockedApi('typical');
export const LogOutOfAllSessions: Story = {
  name: 'Log out of all sessions',
  ...onApi(logOutAll),
  async play({ canvasElement, canvas, userEvent, args }) {
    await findList(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Log out all' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Log out of all devices?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out of all devices' }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(logOutAll.store.requests).toEqual(['GET /sessions', 'POST /sessions/logout_all']);
    await expect(canvas.getByText(/You're being logged out of all sessions/)).toHaveFocus();
    await expect(canvas.queryByRole('button', { name: 'Log out all' })).toBeNull();
    await expect(args.onSignedOut).toHaveBeenCalledTimes(1);
  },
};

const failing = mockedApi('logoutFails');
export const FailingLogout: Story = {
  name: 'Failing logout',
  ...onApi(failing),
  async play({ canvasElement, canvas, userEvent }) {
    await findList(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Log out Edge on Windows' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out' }));
    // The error shows inside the modal, which stays open and usable.
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('Something went wrong on our side. Try again later.');
    const confirm = within(dialog).getByRole('button', { name: 'Log out' });
    await expect(confirm).not.toHaveAttribute('aria-disabled');
    await userEvent.click(confirm);
    await waitFor(() =>
      expect(failing.store.requests.filter((request) => request.startsWith('DELETE'))).toEqual([
        'DELETE /sessions/sess_windows?remove_trusted_device=false',
        'DELETE /sessions/sess_windows?remove_trusted_device=false',
      ]),
    );
    await expect(await within(dialog).findByRole('alert')).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    // The row stays, says why, and offers to try again.
    await expect(canvas.getByText("Couldn't log out.")).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Log out Edge on Windows' })).toBeVisible();
  },
};

const lingering = mockedApi('logoutLingers');
export const SigningOutThenRefresh: Story = {
  name: 'Signing out, then Refresh',
  ...onApi(lingering),
  async play({ canvasElement, canvas, userEvent }) {
    await findList(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Log out Edge on Windows' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out' }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    // B9: accepted, still listed: the row reads as signing out and the section offers Refresh.
    await expect(await canvas.findByText('Signing out')).toBeVisible();
    await expect(canvas.getByText(/1 session is still signing out/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(canvas.queryByText('Edge on Windows')).toBeNull());
    await expect(lingering.store.requests).toEqual([
      'GET /sessions',
      'DELETE /sessions/sess_windows?remove_trusted_device=false',
      'GET /sessions',
      'GET /sessions',
    ]);
  },
};

// Fails the first two list calls (the first try and the query's one quick retry), then lets the
// scenario answer: the reader sees "cannot load", presses Try again, and gets the list.
let failedListCalls = 0;
const flaky = mockedApi('typical', () => {
  failedListCalls = 0;
  return [
    http.get(`${BASE_URL}/sessions`, () => {
      if (failedListCalls >= 2) return undefined;
      failedListCalls += 1;
      return HttpResponse.json({ error: { code: 'internal' } }, { status: 500 });
    }),
  ];
});
export const RetryAfterCannotLoad: Story = {
  name: 'Retry after cannot load',
  ...onApi(flaky),
  async play({ canvas, canvasElement, userEvent }) {
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent("Active sessions couldn't load");
    await expect(failedListCalls).toBe(2);
    await expect(flaky.store.requests).toEqual([]);
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(
      within(await findList(canvasElement))
        .getAllByRole('listitem')
        .filter((item) => item.dataset.slot === 'session-row'),
    ).toHaveLength(4);
    await expect(flaky.store.requests).toEqual(['GET /sessions']);
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

const narrow = mockedApi('typical');
export const LogOutFromTheRowMenuAt320px: Story = {
  name: 'Log out from the row menu, 320 px',
  globals: { viewport: { value: 'narrow', isRotated: false } },
  ...onApi(narrow),
  async play({ canvasElement, canvas, userEvent }) {
    await findList(canvasElement);
    // Narrow containers move Log out into a menu per row.
    await userEvent.click(canvas.getByRole('button', { name: 'Actions for Edge on Windows' }));
    await userEvent.click(await within(document.body).findByRole('menuitem', { name: 'Log out Edge on Windows' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out' }));
    await waitFor(() => expect(canvas.queryByText('Edge on Windows')).toBeNull());
    await expect(narrow.store.requests).toContain('DELETE /sessions/sess_windows?remove_trusted_device=false');
  },
};

const hanging = mockedApi('logoutHangs');
export const LogoutInProgress: Story = {
  name: 'Logout in progress',
  ...onApi(hanging),
  async play({ canvasElement, canvas, userEvent }) {
    await findList(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Log out Edge on Windows' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    const confirm = within(dialog).getByRole('button', { name: 'Log out' });
    await userEvent.click(confirm);
    await waitFor(() => expect(confirm).toHaveTextContent('Logging out…'));
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    // Pressing again while it runs sends nothing more.
    await userEvent.click(confirm);
    await expect(hanging.store.requests.filter((request) => request.startsWith('DELETE'))).toHaveLength(1);
  },
};

// The scenario's per-row outcomes (a failing, a lingering and a hanging logout) bring its rows into
// every state at once, inside the real section.
const everyState = mockedApi('everyRowState');
export const EveryRowStateInTheSection: Story = {
  name: 'Every row state, driven',
  ...onApi(everyState),
  async play({ canvasElement, canvas, userEvent }) {
    await findList(canvasElement);
    async function logOut(device: string) {
      await userEvent.click(canvas.getByRole('button', { name: `Log out ${device}` }));
      const dialog = await canvas.findByRole('dialog', { name: `Log out ${device}?` });
      await userEvent.click(within(dialog).getByRole('button', { name: 'Log out' }));
      return dialog;
    }
    // Fails: the modal says why; the reader cancels and the row keeps the failure.
    const failed = await logOut('Chrome on Windows');
    await within(failed).findByRole('alert');
    await userEvent.click(within(failed).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    // Accepted but still listed: signing out.
    await logOut('Sora app on Android');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await canvas.findByText('Signing out');
    // Never answers: the reader closes the modal and the row stays logging out.
    const pending = await logOut('iPadOS');
    await waitFor(() => expect(within(pending).getByRole('button', { name: 'Logging out…' })).toBeVisible());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    const states = [...canvasElement.querySelectorAll<HTMLElement>('[data-slot="session-row"]')].map((row) => row.dataset.state);
    await expect(new Set(states)).toEqual(new Set(['idle', 'failed', 'signing-out', 'logging-out']));
  },
};

const longList = mockedApi('many');
export const LogOutFarDownALongList: Story = {
  name: 'Log out far down a long list',
  ...onApi(longList),
  async play({ canvasElement, canvas, userEvent }) {
    const list = await findList(canvasElement);
    const rows = within(list).getAllByRole('listitem');
    const far = rows[40]!;
    far.scrollIntoView({ block: 'center' });
    await userEvent.click(within(far).getByRole('button', { name: /^Log out / }));
    const dialog = await canvas.findByRole('dialog');
    // The dialog sits in the viewport wherever the reader scrolled to, not in the middle of the section.
    const box = dialog.getBoundingClientRect();
    await expect(box.top).toBeGreaterThanOrEqual(0);
    await expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
  },
};
