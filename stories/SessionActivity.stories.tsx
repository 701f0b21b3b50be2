import type { ComponentProps, ComponentType } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { SessionRow, type Session } from '../src';
import { Frame } from './support/Frame';
import { fixtureSessions, NOW, type FixtureName } from './support/sessions';

type RowStoryArgs = Omit<ComponentProps<typeof SessionRow>, 'session' | 'ref'> & { fixture: FixtureName };

/**
 * B12–B14 on one row: when its device was last active, the New sign-in badge, and "Don't recognize
 * it?" beside Log out (or in the row menu). Each story is a fixture of mocks/fixtures.ts seen at NOW.
 */
const meta = {
  title: 'Rows/Activity',
  component: SessionRow as unknown as ComponentType<RowStoryArgs>,
  loaders: [async () => ({ sessions: await fixtureSessions() })],
  args: { fixture: 'other', state: 'idle', canLogOut: true, now: NOW, onLogOut: fn(), onUnrecognized: fn() },
  argTypes: {
    fixture: { control: 'select', options: ['current', 'other', 'trusted', 'newSignIn', 'severalProducts', 'tablet'] },
    actions: { control: 'inline-radio', options: ['button', 'menu'] },
  },
  render: ({ fixture, ...args }, { loaded }) => (
    <Frame>
      <ul className="fpas-list">
        <SessionRow {...args} session={(loaded.sessions as Record<FixtureName, Session>)[fixture]} />
      </ul>
    </Frame>
  ),
} satisfies Meta<RowStoryArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ActiveNow: Story = {
  name: 'Active now',
  args: { fixture: 'trusted', isActiveNow: true },
  async play({ canvas }) {
    const time = canvas.getByText('Active now');
    await expect(time).toBeVisible();
    await expect(time.tagName).toBe('TIME');
    await expect(time).toHaveAttribute('dateTime', '2026-03-02T09:58:00.000Z');
  },
};

export const CurrentSessionActiveNow: Story = {
  name: 'Active now (current session)',
  args: { fixture: 'current', canLogOut: false },
  async play({ canvas }) {
    await expect(canvas.getByText('Active now')).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const LastActive: Story = {
  name: 'Last active',
  args: { fixture: 'other' },
  async play({ canvas }) {
    const time = canvas.getByText('Last active 3 hours ago');
    await expect(time).toBeVisible();
    await expect(time).toHaveAttribute('dateTime', '2026-03-02T07:00:00.000Z');
    await expect(canvas.getByText(/Signed in .*\(2 days ago\)/)).toBeVisible();
  },
};

export const NewSignIn: Story = {
  name: 'New sign-in',
  args: { fixture: 'newSignIn', isNew: true },
  async play({ canvas }) {
    await expect(canvas.getByText('New sign-in')).toBeVisible();
    await expect(canvas.getByRole('listitem')).toHaveAccessibleName(/^Firefox on Ubuntu, New sign-in, /);
  },
};

export const DontRecognizeIt: Story = {
  name: "Don't recognize it?",
  args: { fixture: 'newSignIn', isNew: true },
  async play({ canvas, args, userEvent }) {
    await userEvent.click(canvas.getByRole('button', { name: "Don't recognize it? Firefox on Ubuntu" }));
    await expect(args.onUnrecognized).toHaveBeenCalledTimes(1);
    await expect(args.onLogOut).not.toHaveBeenCalled();
  },
};

export const DontRecognizeItInTheMenu: Story = {
  name: "Don't recognize it? in the row menu",
  args: { fixture: 'newSignIn', isNew: true, actions: 'menu' },
  async play({ canvas, args, userEvent }) {
    await userEvent.click(canvas.getByRole('button', { name: 'Actions for Firefox on Ubuntu' }));
    const menu = await within(document.body).findByRole('menu');
    await expect(within(menu).getByRole('menuitem', { name: 'Log out Firefox on Ubuntu' })).toBeVisible();
    await userEvent.click(within(menu).getByRole('menuitem', { name: "Don't recognize it? Firefox on Ubuntu" }));
    await expect(args.onUnrecognized).toHaveBeenCalledTimes(1);
  },
};
