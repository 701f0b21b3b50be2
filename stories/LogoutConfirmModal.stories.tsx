import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentProps, ComponentType } from 'react';
import { expect, fn, screen, waitFor, within } from 'storybook/test';
import { LogoutConfirmModal, SessionsClientError, type Session } from '../src';
import { Frame } from './support/Frame';
import { fixtureSessions, type FixtureName } from './support/sessions';

type ModalStoryArgs = Omit<ComponentProps<typeof LogoutConfirmModal>, 'session'> & { fixture: FixtureName };

/**
 * The confirmation before one session is logged out (B4), open, on its own. Radix portals it to
 * <body>, so the play functions look for it on the whole page. It is the library's one
 * `ConfirmDialog` (title, body, an error inside, Cancel and a pending-aware confirm), which the
 * log-out-all card's modal shares: these stories show its every state.
 */
const meta = {
  title: 'Modals/Log out one session',
  // The story picks a fixture by name; the modal still documents its own props.
  component: LogoutConfirmModal as unknown as ComponentType<ModalStoryArgs>,
  loaders: [async () => ({ sessions: await fixtureSessions() })],
  args: { fixture: 'other', open: true, pending: false, onOpenChange: fn(), onConfirm: fn() },
  argTypes: {
    fixture: { control: 'select', options: ['other', 'trusted', 'severalProducts', 'unknownProduct', 'incomplete', 'tablet'] },
  },
  render: ({ fixture, ...args }, { loaded }) => (
    <Frame>
      <LogoutConfirmModal {...args} session={(loaded.sessions as Record<FixtureName, Session>)[fixture]} />
    </Frame>
  ),
} satisfies Meta<ModalStoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const LogOut: Story = {
  name: 'Log out',
  async play({ args, userEvent }) {
    const dialog = await screen.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    await expect(dialog).toHaveTextContent('This ends the session on Edge on Windows.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out' }));
    await expect(args.onConfirm).toHaveBeenCalledTimes(1);
  },
};

export const LogOutAndRemove: Story = {
  name: 'Log out and remove (trusted device)',
  args: { fixture: 'trusted' },
  async play({ args, userEvent }) {
    const dialog = await screen.findByRole('dialog', { name: 'Log out ChatGPT app on iOS?' });
    await expect(dialog).toHaveTextContent('removes it from your trusted devices');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out and remove' }));
    await expect(args.onConfirm).toHaveBeenCalledTimes(1);
  },
};

export const Cancel: Story = {
  name: 'Cancel and Esc',
  async play({ args, userEvent }) {
    const dialog = await screen.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expect(args.onOpenChange).toHaveBeenLastCalledWith(false);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(args.onOpenChange).toHaveBeenCalledTimes(2));
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

export const LoggingOut: Story = {
  name: 'Logging out',
  args: { pending: true },
  async play({ args, userEvent }) {
    const dialog = await screen.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    const confirm = within(dialog).getByRole('button', { name: 'Logging out…' });
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(confirm);
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

export const LogoutFailed: Story = {
  name: 'Logout failed',
  args: { error: new SessionsClientError('server', 'DELETE answered 500.', { status: 500 }) },
  async play({ args, userEvent }) {
    const dialog = await screen.findByRole('dialog', { name: 'Log out Edge on Windows?' });
    await expect(within(dialog).getByRole('alert')).toHaveTextContent('Something went wrong on our side. Try again later.');
    // Still usable: the reader can try again or cancel.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out' }));
    await expect(args.onConfirm).toHaveBeenCalledTimes(1);
  },
};

export const IncompleteDetails: Story = {
  name: 'Incomplete details',
  args: { fixture: 'incomplete' },
  async play() {
    const dialog = await screen.findByRole('dialog', { name: 'Log out Unknown device?' });
    await expect(dialog.textContent).not.toMatch(/undefined|null|NaN/);
  },
};

export const Narrow: Story = {
  name: 'Log out and remove, 320 px',
  args: { fixture: 'trusted' },
  globals: { viewport: { value: 'narrow', isRotated: false } },
  async play() {
    const dialog = await screen.findByRole('dialog', { name: 'Log out ChatGPT app on iOS?' });
    await expect(dialog.getBoundingClientRect().width).toBeLessThanOrEqual(320);
    await expect(within(dialog).getByRole('button', { name: 'Log out and remove' })).toBeVisible();
  },
};
