import type { ComponentProps, ComponentType } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { SessionRow, SessionsClientError, type Session } from '../src';
import { Frame } from './support/Frame';
import { fixtureSessions, NOW, type FixtureName } from './support/sessions';

type RowStoryArgs = Omit<ComponentProps<typeof SessionRow>, 'session' | 'ref'> & { fixture: FixtureName };

/**
 * One row of the list, on its own: no network, English unless the toolbar picks another locale. Each
 * story is one fixture of mocks/fixtures.ts, so it looks exactly as that session does in the section.
 */
const meta = {
  title: 'Rows/Session row',
  // The story picks a fixture by name; the row itself still documents its own props.
  component: SessionRow as unknown as ComponentType<RowStoryArgs>,
  loaders: [async () => ({ sessions: await fixtureSessions() })],
  args: { fixture: 'other', state: 'idle', canLogOut: true, now: NOW, onLogOut: fn() },
  argTypes: {
    fixture: {
      control: 'select',
      options: [
        'current',
        'currentTrusted',
        'other',
        'trusted',
        'unavailable',
        'severalProducts',
        'unknownProduct',
        'incomplete',
        'tablet',
      ],
    },
    state: { control: 'inline-radio', options: ['idle', 'logging-out', 'failed', 'signing-out'] },
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

export const CurrentSession: Story = {
  name: 'Current session',
  args: { fixture: 'current', canLogOut: false },
  async play({ canvas }) {
    await expect(canvas.getByText('Chrome on macOS')).toBeVisible();
    await expect(canvas.getByText('CURRENT SESSION')).toBeVisible();
    // B3: no Log out on the reader's own session.
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const CurrentAndTrusted: Story = {
  name: 'Current and trusted',
  args: { fixture: 'currentTrusted', canLogOut: false },
  async play({ canvas }) {
    await expect(canvas.getByText('CURRENT SESSION')).toBeVisible();
    await expect(canvas.getByText('Trusted device')).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const OtherSession: Story = {
  name: 'Other session',
  args: { fixture: 'other' },
  async play({ canvas, args, userEvent }) {
    await expect(canvas.getByText('Austin, Texas, United States (approximate)')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Log out Edge on Windows' }));
    await expect(args.onLogOut).toHaveBeenCalledTimes(1);
  },
};

export const LogOutInAMenu: Story = {
  name: 'Log out in a menu (narrow)',
  args: { fixture: 'other', actions: 'menu' },
  async play({ canvas, args, userEvent }) {
    await expect(canvas.queryByRole('button', { name: 'Log out Edge on Windows' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Actions for Edge on Windows' }));
    await userEvent.click(await within(document.body).findByRole('menuitem', { name: 'Log out Edge on Windows' }));
    await expect(args.onLogOut).toHaveBeenCalledTimes(1);
  },
};

export const TrustedDevice: Story = {
  name: 'Trusted device',
  args: { fixture: 'trusted' },
  async play({ canvas }) {
    await expect(canvas.getByText('Trusted device')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Log out ChatGPT app on iOS' })).toBeVisible();
  },
};

export const StatusUnavailable: Story = {
  name: 'Status unavailable',
  args: { fixture: 'unavailable', canLogOut: false },
  async play({ canvas }) {
    await expect(canvas.getByText('Session status unavailable')).toBeVisible();
    // B5: no Log out; the row points to Log out of all sessions instead.
    await expect(canvas.getByText(/use Log out of all sessions/)).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const SeveralProducts: Story = {
  name: 'Several products',
  args: { fixture: 'severalProducts' },
  async play({ canvas }) {
    // B1: one browser row can span several first-party apps.
    for (const app of ['ChatGPT', 'Codex', 'API Platform']) await expect(canvas.getByText(app)).toBeVisible();
  },
};

export const UnknownProduct: Story = {
  name: 'Unknown product',
  args: { fixture: 'unknownProduct' },
  async play({ canvas }) {
    // B2: an app id the strings do not know is shown under a generic label, never dropped.
    await expect(canvas.getByText('Other app')).toBeVisible();
  },
};

export const IncompleteDetails: Story = {
  name: 'Incomplete details',
  args: { fixture: 'incomplete' },
  async play({ canvasElement, canvas }) {
    await expect(canvas.getByText('Unknown device')).toBeVisible();
    // B2: a missing field is left out cleanly.
    await expect(canvasElement.textContent).not.toMatch(/undefined|null|Invalid Date|NaN|\(\s*\)|,\s*,/);
    await expect(canvasElement.querySelector('[data-slot="row-apps"]')).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Log out Unknown device' })).toBeVisible();
  },
};

export const LoggingOut: Story = {
  name: 'Logging out',
  args: { fixture: 'other', state: 'logging-out', canLogOut: false },
  async play({ canvas, args, userEvent }) {
    const button = canvas.getByRole('button', { name: 'Log out Edge on Windows' });
    await expect(canvas.getByText('Logging out…')).toBeVisible();
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(button);
    await expect(args.onLogOut).not.toHaveBeenCalled();
  },
};

export const LogoutFailed: Story = {
  name: 'Logout failed',
  args: {
    fixture: 'other',
    state: 'failed',
    error: new SessionsClientError('server', 'DELETE /sessions/sess_windows answered 500.', { status: 500 }),
  },
  async play({ canvas }) {
    await expect(canvas.getByText("Couldn't log out.")).toBeVisible();
    await expect(canvas.getByText('Something went wrong on our side. Try again later.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Log out Edge on Windows' })).toBeVisible();
  },
};

export const SigningOut: Story = {
  name: 'Signing out',
  args: { fixture: 'other', state: 'signing-out', canLogOut: false },
  async play({ canvas }) {
    // B9: accepted by the server but still listed.
    await expect(canvas.getByText('Signing out')).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

type GridRow = {
  fixture: FixtureName;
  state?: ComponentProps<typeof SessionRow>['state'];
  canLogOut: boolean;
  error?: SessionsClientError;
};

/** Every row state at once, in the order the section would list them. */
const grid: GridRow[] = [
  { fixture: 'current', canLogOut: false },
  { fixture: 'currentTrusted', canLogOut: false },
  { fixture: 'other', canLogOut: true },
  { fixture: 'trusted', canLogOut: true },
  { fixture: 'unavailable', canLogOut: false },
  { fixture: 'severalProducts', canLogOut: true },
  { fixture: 'unknownProduct', canLogOut: true },
  { fixture: 'incomplete', canLogOut: true },
  { fixture: 'tablet', state: 'logging-out', canLogOut: false },
  { fixture: 'severalProducts', state: 'failed', canLogOut: true, error: new SessionsClientError('network', 'offline') },
  { fixture: 'unknownProduct', state: 'signing-out', canLogOut: false },
];

export const EveryRowState: Story = {
  name: 'Every row state',
  render: ({ onLogOut, actions }, { loaded }) => {
    const sessions = loaded.sessions as Record<FixtureName, Session>;
    return (
      <Frame>
        <ul className="fpas-list">
          {grid.map(({ fixture, state, canLogOut, error }) => (
            <SessionRow
              key={`${fixture}-${state ?? 'idle'}`}
              session={sessions[fixture]}
              state={state}
              canLogOut={canLogOut}
              error={error}
              now={NOW}
              actions={actions}
              onLogOut={onLogOut}
            />
          ))}
        </ul>
      </Frame>
    );
  },
  async play({ canvas }) {
    await expect(canvas.getAllByRole('listitem').filter((item) => item.dataset.slot === 'session-row')).toHaveLength(grid.length);
    for (const state of ['idle', 'logging-out', 'failed', 'signing-out']) {
      await expect(canvas.getAllByRole('listitem').some((item) => item.dataset.state === state)).toBe(true);
    }
  },
};

export const EveryRowStateNarrow: Story = {
  ...EveryRowState,
  name: 'Every row state, 320 px',
  args: { actions: 'menu' },
  globals: { viewport: { value: 'narrow', isRotated: false } },
};

// Every device type the contract knows, and none: the row's icon (a CSS mask by `data-device`) and its generic device line.
const deviceTypes = ['desktop', 'mobile', 'tablet', 'app', undefined] as const;
export const EveryDeviceType: Story = {
  name: 'Every device type (icons)',
  render: ({ onLogOut }, { loaded }) => {
    const base = (loaded.sessions as Record<FixtureName, Session>).other;
    return (
      <Frame>
        <ul className="fpas-list">
          {deviceTypes.map((type) => (
            <SessionRow
              key={type ?? 'none'}
              session={{ ...base, id: `type-${type ?? 'none'}`, device: type ? { type } : undefined }}
              canLogOut
              now={NOW}
              onLogOut={onLogOut}
            />
          ))}
        </ul>
      </Frame>
    );
  },
  async play({ canvas }) {
    for (const name of ['Unknown desktop device', 'Unknown mobile device', 'Unknown tablet', 'Unknown app', 'Unknown device']) {
      await expect(canvas.getByText(name)).toBeVisible();
    }
    // The icons are decorative (a CSS mask, nothing in the accessibility tree): one per type, by data-device.
    const rows = canvas.getAllByRole('listitem');
    await expect(rows.map((row) => row.dataset.device)).toEqual(['desktop', 'mobile', 'tablet', 'app', 'unknown']);
    const masks = rows.map((row) => getComputedStyle(row, '::before').maskImage);
    await expect(new Set(masks.slice(0, 4)).size).toBe(4);
    await expect(masks[4]).toBe(masks[0]);
  },
};
