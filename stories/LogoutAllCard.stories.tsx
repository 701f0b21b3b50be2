import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { LogoutAllCard, SessionsClientError } from '../src';
import { Frame } from './support/Frame';

/**
 * "Log out of all sessions" (B6) on its own, with the modal it opens (`LogoutAllDialog`, loaded on intent). The card keeps the modal's
 * open state itself, so the states that live in the modal open it in their play function.
 */
const meta = {
  title: 'Cards/Log out of all sessions',
  component: LogoutAllCard,
  args: { state: 'idle', sessionCount: 4, onConfirm: fn() },
  argTypes: { state: { control: 'inline-radio', options: ['idle', 'pending', 'done', 'failed'] } },
  render: (args) => (
    <Frame>
      <LogoutAllCard {...args} />
    </Frame>
  ),
} satisfies Meta<typeof LogoutAllCard>;

export default meta;
type Story = StoryObj<typeof meta>;

async function openModal(canvasElement: HTMLElement, userEvent: { click: (element: Element) => Promise<void> }) {
  await userEvent.click(within(canvasElement).getByRole('button', { name: 'Log out all' }));
  return within(document.body).findByRole('dialog', { name: 'Log out of all devices?' });
}

export const Idle: Story = {
  name: 'Log out all',
  async play({ canvas }) {
    await expect(canvas.getByRole('region', { name: 'Log out of all sessions' })).toHaveTextContent(
      'End every session on every device, including this one.',
    );
    await expect(canvas.getByRole('button', { name: 'Log out all' })).toBeVisible();
  },
};

export const Confirming: Story = {
  name: 'Confirming',
  async play({ canvasElement, userEvent, args }) {
    const dialog = await openModal(canvasElement, userEvent);
    await expect(dialog).toHaveTextContent('up to 30 minutes');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out of all devices' }));
    await expect(args.onConfirm).toHaveBeenCalledTimes(1);
  },
};

export const OneSession: Story = {
  name: 'Confirming, one session',
  args: { sessionCount: 1 },
  async play({ canvasElement, userEvent }) {
    const dialog = await openModal(canvasElement, userEvent);
    await expect(dialog).not.toHaveTextContent(/all 1 session/);
  },
};

export const InProgress: Story = {
  name: 'In progress',
  args: { state: 'pending' },
  async play({ canvasElement, userEvent, args }) {
    const dialog = await openModal(canvasElement, userEvent);
    const confirm = within(dialog).getByRole('button', { name: 'Logging out…' });
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(confirm);
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

export const Failed: Story = {
  name: 'Failed',
  args: { state: 'failed', error: new SessionsClientError('server', 'POST answered 503.', { status: 503 }) },
  async play({ canvasElement, userEvent }) {
    const dialog = await openModal(canvasElement, userEvent);
    await expect(within(dialog).getByRole('alert')).toHaveTextContent('Something went wrong on our side. Try again later.');
    await expect(within(dialog).getByRole('button', { name: 'Log out of all devices' })).toBeVisible();
  },
};

export const Done: Story = {
  name: 'Done',
  args: { state: 'done', completesBy: '2026-03-02T10:30:00Z' },
  async play({ canvas }) {
    await expect(canvas.getByText(/You're being logged out of all sessions\. Every device will be signed out by/)).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Log out all' })).toBeNull();
  },
};

export const DoneWithoutTime: Story = {
  name: 'Done, no completion time',
  args: { state: 'done' },
  async play({ canvas }) {
    await expect(canvas.getByText("You're being logged out of all sessions. It may take up to 30 minutes.")).toBeVisible();
  },
};

export const Narrow: Story = {
  name: 'Log out all, 320 px',
  globals: { viewport: { value: 'narrow', isRotated: false } },
  async play({ canvas }) {
    await expect(canvas.getByRole('button', { name: 'Log out all' })).toBeVisible();
  },
};
