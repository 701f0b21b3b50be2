import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentProps } from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';
import type { ActiveSessionsLinks } from '../src';
import { SecureAccountCallout } from '../src/components/SecureAccountCallout';
import { Frame } from './support/Frame';

type CalloutArgs = ComponentProps<typeof SecureAccountCallout> & { links: ActiveSessionsLinks };

/**
 * B14's next steps on their own: what the section shows above the list once "Log out and secure
 * account" has logged out a session the reader did not recognize (Section/Don't recognize it shows
 * them in the flow). Each help link appears only when the host gave it; focus lands on the heading.
 */
const meta = {
  title: 'Callouts/Secure your account',
  component: SecureAccountCallout,
  args: {
    device: 'Firefox on Ubuntu',
    onDone: fn(),
    onLogOutAll: fn(),
    links: {
      changePassword: '/settings/security/password',
      signInMethods: '/settings/security/sign-in-methods',
      support: 'https://help.example.com/contact',
    },
  },
  argTypes: { headingRef: { control: false } },
  render: ({ links, ...args }) => (
    <Frame links={links}>
      <SecureAccountCallout {...args} />
    </Frame>
  ),
} satisfies Meta<CalloutArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const NextSteps: Story = {
  name: 'Next steps',
  async play({ canvas, args, userEvent }) {
    const heading = canvas.getByRole('heading', { name: 'Firefox on Ubuntu was logged out' });
    await waitFor(() => expect(heading).toHaveFocus());
    const steps = canvas.getByRole('list', { name: 'Next steps' });
    await expect(within(steps).getByRole('link', { name: 'Change your password' })).toHaveAttribute('href', '/settings/security/password');
    await expect(within(steps).getByRole('link', { name: 'Review your sign-in methods' })).toBeVisible();
    await expect(within(steps).getByRole('link', { name: 'Contact support' })).toHaveAttribute('href', 'https://help.example.com/contact');
    await userEvent.click(within(steps).getByRole('button', { name: 'Log out of all sessions' }));
    await expect(args.onLogOutAll).toHaveBeenCalledTimes(1);
    await userEvent.click(canvas.getByRole('button', { name: 'Done' }));
    await expect(args.onDone).toHaveBeenCalledTimes(1);
  },
};

export const NoHelpLinks: Story = {
  name: 'No help links from the host',
  args: { links: {} },
  async play({ canvas }) {
    const steps = canvas.getByRole('list', { name: 'Next steps' });
    await expect(within(steps).queryAllByRole('link')).toHaveLength(0);
    await expect(within(steps).getByRole('button', { name: 'Log out of all sessions' })).toBeVisible();
  },
};

export const UnsafeLink: Story = {
  name: 'A help link that is not http(s) is left out',
  args: { links: { changePassword: 'javascript:alert(1)', support: 'https://help.example.com/contact' } },
  async play({ canvas }) {
    const steps = canvas.getByRole('list', { name: 'Next steps' });
    await expect(
      within(steps)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Contact support']);
  },
};

export const OnlyDone: Story = {
  name: 'No steps to offer',
  args: { links: {}, onLogOutAll: undefined },
  async play({ canvas }) {
    await expect(canvas.queryByRole('list', { name: 'Next steps' })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Done' })).toBeVisible();
  },
};
