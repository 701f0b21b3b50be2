import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentProps } from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';
import { ActiveSessionsList, ActiveSessionsProvider } from '../src';
import { mockedApi, type MockedApi } from './support/api';
import { useStoryEnvironment } from './support/environment';

/** The list on its own, inside a provider, as a host that lays out its own section uses it. */
function ListOnApi({ api, ...props }: ComponentProps<typeof ActiveSessionsList> & { api: MockedApi }) {
  const { locale, strings, dir } = useStoryEnvironment();
  return (
    <ActiveSessionsProvider client={api.client} queryClient={api.queryClient} locale={locale} strings={strings}>
      <div className="fpas-theme" dir={dir}>
        <ActiveSessionsList {...props} />
      </div>
    </ActiveSessionsProvider>
  );
}

/**
 * `ActiveSessionsList`: the rows, the one-session logout modal and focus after it, with no heading,
 * states or card around them (those are the section's). Renders nothing until the list is ready.
 */
const meta = {
  title: 'Rows/Session list',
  component: ActiveSessionsList,
  args: { onAnnounce: fn() },
} satisfies Meta<typeof ActiveSessionsList>;

export default meta;
type Story = StoryObj<typeof meta>;

function onApi(api: MockedApi): Pick<Story, 'beforeEach' | 'render'> {
  return { beforeEach: api.beforeEach, render: (args) => <ListOnApi {...args} api={api} /> };
}

const typical = mockedApi('typical');
export const Typical: Story = {
  name: 'Typical',
  ...onApi(typical),
  async play({ canvas, userEvent, args }) {
    const list = await canvas.findByRole('list', { name: '4 active sessions' });
    await userEvent.click(within(list).getByRole('button', { name: 'Log out Edge on Windows' }));
    // Outside a section the modal portals to <body>.
    const dialog = await within(document.body).findByRole('dialog', { name: 'Log out Edge on Windows?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Log out' }));
    await waitFor(() => expect(args.onAnnounce).toHaveBeenCalledWith('Logged out Edge on Windows.'));
    await expect(typical.store.requests).toContain('DELETE /sessions/sess_windows?remove_trusted_device=false');
  },
};

const everyRowState = mockedApi('everyRowState');
export const EveryRowState: Story = {
  name: 'Every row state',
  ...onApi(everyRowState),
  async play({ canvas }) {
    await expect(await canvas.findByRole('list', { name: '8 active sessions' })).toBeVisible();
  },
};

const many = mockedApi('many');
export const ShowMore: Story = {
  name: 'Long list, a page at a time',
  args: { pageSize: 10 },
  ...onApi(many),
  async play({ canvas, userEvent }) {
    const list = await canvas.findByRole('list', { name: '201 active sessions' });
    const rowsOf = () =>
      within(list)
        .getAllByRole('listitem')
        .filter((item) => item.dataset.slot === 'session-row');
    await expect(rowsOf()).toHaveLength(10);
    await userEvent.click(canvas.getByRole('button', { name: /Show/ }));
    await waitFor(() => expect(rowsOf()).toHaveLength(20));
    // Focus moves to the first row revealed.
    await expect(rowsOf()[10]).toHaveFocus();
  },
};
