import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { mockedApi } from './support/api';
import { onApi, sectionMeta } from './support/MockedSection';

/**
 * The whole section, one element, over the MSW-mocked API: every state it can be in, each from a
 * named scenario of mocks/scenarios.ts. Flows (logging out and so on) are under Section/Flows.
 */
const meta = {
  ...sectionMeta,
  title: 'Section/States',
} satisfies Meta<typeof sectionMeta.component>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Finds the list of sessions once it loaded, e.g. "4 active sessions". */
async function findRows(canvasElement: HTMLElement) {
  const list = await within(canvasElement).findByRole('list', { name: /active sessions?$/ });
  return within(list)
    .getAllByRole('listitem')
    .filter((item) => item.dataset.slot === 'session-row');
}

const typical = mockedApi('typical');
export const Typical: Story = {
  name: 'Typical',
  ...onApi(typical),
  async play({ canvasElement, canvas }) {
    const rows = await findRows(canvasElement);
    await expect(rows).toHaveLength(4);
    // B3: the current session comes first, labelled, without Log out.
    await expect(within(rows[0]!).getByText('CURRENT SESSION')).toBeVisible();
    await expect(within(rows[0]!).queryByRole('button', { name: /^Log out/ })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Log out Edge on Windows' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Log out all' })).toBeVisible();
    // B10, B11
    await expect(canvas.getByRole('link', { name: 'Change your password' })).toHaveAttribute('href', '/settings/security/password');
    await expect(canvas.getByText(/Codex CLI sessions aren't shown here/)).toBeVisible();
    await expect(typical.store.requests).toEqual(['GET /sessions']);
  },
};

const loading = mockedApi('loading');
export const Loading: Story = {
  name: 'Loading',
  ...onApi(loading),
  async play({ canvas }) {
    await expect(await canvas.findByText('Loading active sessions…')).toBeInTheDocument();
    await expect(canvas.getByRole('region', { name: 'Active sessions' })).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.queryByRole('list')).toBeNull();
  },
};

const cannotLoad = mockedApi('serverError');
export const CannotLoad: Story = {
  name: 'Cannot load',
  ...onApi(cannotLoad),
  async play({ canvas }) {
    // B8: never blank: it says to try again later and offers Try again.
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent("Active sessions couldn't load");
    await expect(alert).toHaveTextContent('Try again later');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

const expired = mockedApi('unauthorized');
export const SignInExpired: Story = {
  name: 'Sign-in expired',
  ...onApi(expired),
  async play({ canvas, args }) {
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Your sign-in has expired');
    await expect(canvas.queryByRole('button', { name: 'Try again' })).toBeNull();
    await waitFor(() => expect(args.onUnauthorized).toHaveBeenCalledTimes(1));
  },
};

const sso = mockedApi('sso');
export const SsoUnavailable: Story = {
  name: 'SSO unavailable',
  ...onApi(sso),
  async play({ canvas }) {
    // B7: explained calmly, not as an error.
    await expect(await canvas.findByText("Active sessions isn't available for this account")).toBeVisible();
    await expect(canvas.getByText(/SSO sign-in.*SAML or OIDC/)).toBeVisible();
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.queryByRole('list', { name: /active sessions?$/ })).toBeNull();
  },
};

const notSupported = mockedApi('notSupported');
export const NotSupported: Story = {
  name: 'Not supported',
  ...onApi(notSupported),
  async play({ canvas }) {
    await expect(await canvas.findByText("Active sessions isn't available for your account yet.")).toBeVisible();
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

const onlyCurrent = mockedApi('onlyCurrent');
export const OnlyTheCurrentSession: Story = {
  name: 'Only the current session',
  ...onApi(onlyCurrent),
  async play({ canvasElement, canvas }) {
    await expect(await findRows(canvasElement)).toHaveLength(1);
    await expect(canvas.getByText('This is the only active session on your account.')).toBeVisible();
  },
};

const everyRowState = mockedApi('everyRowState');
export const EveryRowState: Story = {
  name: 'Every row state',
  ...onApi(everyRowState),
  async play({ canvasElement, canvas }) {
    const rows = await findRows(canvasElement);
    await expect(rows).toHaveLength(8);
    await expect(within(rows[0]!).getByText('CURRENT SESSION')).toBeVisible();
    await expect(canvas.getByText('Session status unavailable')).toBeVisible();
    await expect(canvas.getByText('Other app')).toBeVisible();
    await expect(canvas.getByText('Unknown device')).toBeVisible();
  },
};

// B9 as a still picture: one logout accepted but still listed. Found by data-slot, not by name, so
// the story reaches the state in every toolbar language and at 320 px (where Log out is in a menu).
const lingering = mockedApi('logoutLingers');
export const SigningOut: Story = {
  name: 'Signing out',
  ...onApi(lingering),
  async play({ canvasElement, userEvent }) {
    const row = await waitFor(() => {
      const second = canvasElement.querySelectorAll<HTMLElement>('[data-slot="session-row"]')[1];
      void expect(second).toBeDefined();
      return second!;
    });
    const action = row.querySelector<HTMLElement>('[data-slot="row-actions"]')!;
    await userEvent.click(action);
    // The menu's first item is Log out (then Don't recognize it?, B14).
    if (action.getAttribute('aria-haspopup')) await userEvent.click((await within(canvasElement).findAllByRole('menuitem'))[0]!);
    const dialog = await within(canvasElement).findByRole('dialog');
    await userEvent.click(within(dialog).getAllByRole('button').at(-1)!);
    await waitFor(() => expect(within(canvasElement).queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="signing-out"]')).not.toBeNull());
    await expect(row).toHaveAttribute('data-state', 'signing-out');
  },
};

const many = mockedApi('many');
export const ManySessions: Story = {
  name: 'Many sessions (200)',
  ...onApi(many),
  async play({ canvasElement, canvas }) {
    // Long lists show a page at a time; the label still counts them all.
    await expect(await findRows(canvasElement)).toHaveLength(50);
    await expect(canvas.getByRole('list', { name: '201 active sessions' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Show 50 more sessions (151 not shown)' })).toBeVisible();
  },
};

const malformed = mockedApi('malformedRows');
export const MalformedRowsSkipped: Story = {
  name: 'Malformed rows skipped',
  ...onApi(malformed),
  async play({ canvasElement, canvas }) {
    // The valid rows beside the broken ones still render, and the section says what it left out.
    await expect(await findRows(canvasElement)).toHaveLength(2);
    await expect(canvas.getByText(/2 sessions couldn't be shown because the server sent incomplete details/)).toBeVisible();
  },
};

const noLinks = mockedApi('typical');
export const WithoutHelpLinks: Story = {
  name: 'Without help links',
  args: { links: undefined },
  ...onApi(noLinks),
  async play({ canvasElement, canvas }) {
    await findRows(canvasElement);
    // B10: a link the host does not supply is left out, and with none the block goes.
    await expect(canvas.queryByText("Don't recognize a session?")).toBeNull();
    await expect(canvas.queryByRole('link')).toBeNull();
  },
};

/** Opens the log-out-all modal and returns it. */
async function openLogOutAll(canvasElement: HTMLElement, userEvent: { click: (element: Element) => Promise<void> }) {
  await findRows(canvasElement);
  await userEvent.click(within(canvasElement).getByRole('button', { name: 'Log out all' }));
  return within(canvasElement).findByRole('dialog', { name: 'Log out of all devices?' });
}

const allConfirming = mockedApi('typical');
export const LogOutAllConfirming: Story = {
  name: 'Log out all: confirming',
  ...onApi(allConfirming),
  async play({ canvasElement, userEvent }) {
    const dialog = await openLogOutAll(canvasElement, userEvent);
    // B6: it ends every session, the current one included, and may take up to 30 minutes.
    await expect(dialog).toHaveTextContent("You'll be logged out of all 4 sessions, including the one you're using now.");
    await expect(dialog).toHaveTextContent('up to 30 minutes');
    await expect(within(dialog).getByRole('button', { name: 'Log out of all devices' })).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeVisible();
    await expect(allConfirming.store.requests).toEqual(['GET /sessions']);
  },
};

const allInProgress = mockedApi('logOutAllHangs');
export const LogOutAllInProgress: Story = {
  name: 'Log out all: in progress',
  ...onApi(allInProgress),
  async play({ canvasElement, userEvent, args }) {
    const dialog = await openLogOutAll(canvasElement, userEvent);
    const confirm = within(dialog).getByRole('button', { name: 'Log out of all devices' });
    await userEvent.click(confirm);
    await waitFor(() => expect(confirm).toHaveTextContent('Logging out…'));
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(confirm);
    await expect(allInProgress.store.requests.filter((request) => request.startsWith('POST'))).toEqual(['POST /sessions/logout_all']);
    await expect(args.onSignedOut).not.toHaveBeenCalled();
  },
};

const allDone = mockedApi('typical');
export const LogOutAllDone: Story = {
  name: 'Log out all: done',
  ...onApi(allDone),
  async play({ canvasElement, canvas, userEvent, args }) {
    const dialog = await openLogOutAll(canvasElement, userEvent);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out of all devices' }));
    await expect(await canvas.findByText(/You're being logged out of all sessions\. Every device will be signed out by/)).toBeVisible();
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(allDone.store.requests).toContain('POST /sessions/logout_all');
    // B6: the host is told, since its own session is ending.
    await expect(args.onSignedOut).toHaveBeenCalledTimes(1);
    await expect(args.onSignedOut).toHaveBeenCalledWith({ completesBy: expect.any(String) as string });
  },
};

const allFailed = mockedApi('logOutAllFails');
export const LogOutAllFailed: Story = {
  name: 'Log out all: failed',
  ...onApi(allFailed),
  async play({ canvasElement, userEvent, args }) {
    const dialog = await openLogOutAll(canvasElement, userEvent);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out of all devices' }));
    // The failure shows inside the modal, which stays open and usable.
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('Something went wrong on our side. Try again later.');
    await expect(within(dialog).getByRole('button', { name: 'Log out of all devices' })).not.toHaveAttribute('aria-disabled');
    await expect(args.onSignedOut).not.toHaveBeenCalled();
  },
};
