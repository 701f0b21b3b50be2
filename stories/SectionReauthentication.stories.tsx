import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { mockedApi, type MockedApi } from './support/api';
import { onApi, sectionMeta } from './support/MockedSection';
import { PromptedSection } from './support/HostPrompt';

/**
 * B16: the server asks for a recent sign-in before it ends sessions (403 reauthentication_required).
 * The section steps its modal aside for the host's own prompt, then repeats the same call once.
 */
const meta = {
  ...sectionMeta,
  title: 'Section/Re-authentication',
  args: { ...sectionMeta.args, onReauthenticate: fn() },
} satisfies Meta<typeof sectionMeta.component>;

export default meta;
type Story = StoryObj<typeof meta>;

const WINDOWS = 'DELETE /sessions/sess_windows?remove_trusted_device=false';
const SIGN_IN_AGAIN = 'For your security, this needs a recent sign-in. Sign in again, then try again.';
const writes = (api: MockedApi) => api.store.requests.filter((request) => !request.startsWith('GET'));

/** A story whose host answers `onReauthenticate` with its own password prompt. */
function withPrompt(api: MockedApi): Pick<Story, 'beforeEach' | 'render'> {
  return { beforeEach: api.beforeEach, render: (args) => <PromptedSection {...args} api={api} /> };
}

// The play function's own canvas (`ReturnType<typeof within>` picks an overload typed `any`).
type Canvas = Parameters<NonNullable<Story['play']>>[0]['canvas'];
type User = { click: (element: Element) => Promise<void>; type: (element: Element, text: string) => Promise<void> };

async function confirmLogOut(canvas: Canvas, userEvent: User) {
  await userEvent.click(await canvas.findByRole('button', { name: 'Log out Edge on Windows' }));
  const dialog = await canvas.findByRole('dialog', { name: 'Log out Edge on Windows?' });
  await userEvent.click(within(dialog).getByRole('button', { name: 'Log out' }));
}

/** The host's prompt, once it has focus: the section's modal is gone and does not take focus back. */
async function findPrompt(canvas: Canvas) {
  const prompt = await canvas.findByRole('dialog', { name: 'Confirm it’s you' });
  const password = within(prompt).getByLabelText('Password');
  await waitFor(() => expect(password).toHaveFocus());
  await expect(canvas.queryByRole('dialog', { name: /^Log out/ })).toBeNull();
  return { prompt, password };
}

const accepted = mockedApi('reauthOnce');
export const PromptAccepted: Story = {
  name: 'Prompt accepted',
  ...withPrompt(accepted),
  async play({ canvas, userEvent, args }) {
    await confirmLogOut(canvas, userEvent);
    const { prompt, password } = await findPrompt(canvas);
    await userEvent.type(password, 'secret');
    await userEvent.click(within(prompt).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(canvas.queryByText('Edge on Windows')).toBeNull());
    await expect(canvas.queryByRole('dialog')).toBeNull();
    // Focus lands on the next row's Log out, as after any logout.
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName('Log out ChatGPT app on iOS'));
    // The same call, exactly once more.
    await expect(writes(accepted)).toEqual([WINDOWS, WINDOWS]);
    await expect(args.onReauthenticate).toHaveBeenCalledTimes(1);
  },
};

const declined = mockedApi('reauthAlways');
export const PromptDeclined: Story = {
  name: 'Prompt declined',
  ...withPrompt(declined),
  async play({ canvas, userEvent }) {
    await confirmLogOut(canvas, userEvent);
    const { prompt } = await findPrompt(canvas);
    await userEvent.click(within(prompt).getByRole('button', { name: 'Cancel' }));
    // Back to where it was, quietly: no dialog, no failure, Log out offered again and focused.
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    const button = canvas.getByRole('button', { name: 'Log out Edge on Windows' });
    await waitFor(() => expect(button).toHaveFocus());
    await expect(canvas.queryByText("Couldn't log out.")).toBeNull();
    await expect(writes(declined)).toEqual([WINDOWS]);
  },
};

const absent = mockedApi('reauthAlways');
export const NoPrompt: Story = {
  name: 'No prompt (host without onReauthenticate)',
  ...onApi(absent),
  args: { onReauthenticate: undefined },
  async play({ canvas, userEvent }) {
    await confirmLogOut(canvas, userEvent);
    const dialog = await canvas.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent(SIGN_IN_AGAIN);
    await expect(writes(absent)).toEqual([WINDOWS]);
  },
};

const refusedAgain = mockedApi('reauthAlways');
export const RefusedAgain: Story = {
  name: 'Refused again after the prompt',
  ...withPrompt(refusedAgain),
  async play({ canvas, userEvent }) {
    await confirmLogOut(canvas, userEvent);
    const { prompt, password } = await findPrompt(canvas);
    await userEvent.type(password, 'secret');
    await userEvent.click(within(prompt).getByRole('button', { name: 'Confirm' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent(SIGN_IN_AGAIN);
    // Never a loop: two requests, no third, and no second prompt.
    await expect(writes(refusedAgain)).toEqual([WINDOWS, WINDOWS]);
    await expect(canvas.queryByRole('dialog', { name: 'Confirm it’s you' })).toBeNull();
  },
};

const allAccepted = mockedApi('reauthOnce');
export const LogOutOfAllSessionsAfterThePrompt: Story = {
  name: 'Log out of all sessions, prompt accepted',
  ...withPrompt(allAccepted),
  async play({ canvas, userEvent, args }) {
    await userEvent.click(await canvas.findByRole('button', { name: 'Log out all' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Log out of all devices?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out of all devices' }));
    const { prompt, password } = await findPrompt(canvas);
    await userEvent.type(password, 'secret');
    await userEvent.click(within(prompt).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(args.onSignedOut).toHaveBeenCalledTimes(1));
    await expect(writes(allAccepted)).toEqual(['POST /sessions/logout_all', 'POST /sessions/logout_all']);
  },
};
