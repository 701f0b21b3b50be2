import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ar, pseudo } from '../src';
import { mockedApi } from './support/api';
import { onApi, sectionMeta } from './support/MockedSection';

/**
 * B12–B14 in the section: last active times, a new sign-in, and what a reader who fears someone else
 * is in their account does next — "Don't recognize it?", its dialog and the next steps above the list.
 */
const meta = {
  ...sectionMeta,
  title: "Section/Don't recognize it",
} satisfies Meta<typeof sectionMeta.component>;

export default meta;
type Story = StoryObj<typeof meta>;

const allLinks = sectionMeta.args.links;

async function findList(canvasElement: HTMLElement) {
  return within(canvasElement).findByRole('list', { name: /active sessions?$/ });
}

type Play = NonNullable<Story['play']>;
type PlayContext = Parameters<Play>[0];

/** Opens "Don't recognize it?" on the new sign-in's row and returns its dialog. */
async function openDialog({ canvasElement, canvas, userEvent }: PlayContext, device = 'Firefox on Ubuntu') {
  await findList(canvasElement);
  await userEvent.click(canvas.getByRole('button', { name: `Don't recognize it? ${device}` }));
  return canvas.findByRole('dialog', { name: 'Secure your account' });
}

/** Confirms it and returns the next steps' heading, once it has focus. */
async function secure(context: PlayContext) {
  const dialog = await openDialog(context);
  await context.userEvent.click(within(dialog).getByRole('button', { name: 'Log out and secure account' }));
  const heading = await context.canvas.findByRole('heading', { name: 'Firefox on Ubuntu was logged out' });
  await waitFor(() => expect(heading).toHaveFocus());
  return heading;
}

const newSignIn = mockedApi('newSignIn');
export const LastActiveAndNewSignIn: Story = {
  name: 'Last active and a new sign-in',
  ...onApi(newSignIn),
  async play({ canvasElement, canvas }) {
    const list = await findList(canvasElement);
    const rows = within(list).getAllByRole('listitem');
    // B12: current first, then the most recently active.
    await expect(rows.map((row) => row.querySelector('bdi')?.textContent)).toEqual([
      'Chrome on macOS',
      'ChatGPT app on iOS',
      'Firefox on Ubuntu',
      'Edge on Windows',
    ]);
    await expect(canvas.getAllByText('Active now')).toHaveLength(2);
    await expect(canvas.getByText('Last active 3 hours ago')).toBeVisible();
    await expect(canvas.getByText('New sign-in')).toBeVisible();
  },
};

const dialog = mockedApi('newSignIn');
export const Dialog: Story = {
  name: 'Secure your account dialog',
  ...onApi(dialog),
  async play(context) {
    const open = await openDialog(context);
    await expect(open).toHaveTextContent('The session on Firefox on Ubuntu will be logged out.');
    await expect(within(open).getByRole('button', { name: 'Log out and secure account' })).toBeVisible();
    await expect(dialog.store.requests).toEqual(['GET /sessions']);
  },
};

const trustedDialog = mockedApi('newSignIn');
export const TrustedDeviceDialog: Story = {
  name: 'Secure your account dialog, trusted device',
  ...onApi(trustedDialog),
  async play(context) {
    const open = await openDialog(context, 'ChatGPT app on iOS');
    await expect(open).toHaveTextContent('removed from your trusted devices');
  },
};

const everyLink = mockedApi('newSignIn');
export const NextSteps: Story = {
  name: 'Next steps, every link',
  ...onApi(everyLink),
  async play(context) {
    await secure(context);
    await expect(everyLink.store.requests).toContain('DELETE /sessions/sess_new_linux?remove_trusted_device=true&reason=unrecognized');
    const steps = context.canvas.getByRole('list', { name: 'Next steps' });
    await expect(within(steps).getAllByRole('link')).toHaveLength(3);
    await expect(within(steps).getByRole('button', { name: 'Log out of all sessions' })).toBeVisible();
  },
};

function withoutLink(key: keyof typeof allLinks, label: string): Story {
  const api = mockedApi('newSignIn');
  const links = { ...allLinks };
  delete links[key];
  return {
    name: `Next steps, without ${label}`,
    args: { links },
    ...onApi(api),
    async play(context) {
      await secure(context);
      const steps = context.canvas.getByRole('list', { name: 'Next steps' });
      await expect(within(steps).getAllByRole('link')).toHaveLength(2);
      await expect(within(steps).queryByRole('link', { name: label })).toBeNull();
    },
  };
}

export const NextStepsWithoutChangePassword = withoutLink('changePassword', 'Change your password');
export const NextStepsWithoutSignInMethods = withoutLink('signInMethods', 'Review your sign-in methods');
export const NextStepsWithoutSupport = withoutLink('support', 'Contact support');

const noLinks = mockedApi('newSignIn');
export const NextStepsWithoutLinks: Story = {
  name: 'Next steps, no links',
  args: { links: {} },
  ...onApi(noLinks),
  async play(context) {
    await secure(context);
    const steps = context.canvas.getByRole('list', { name: 'Next steps' });
    await expect(within(steps).queryByRole('link')).toBeNull();
    await expect(within(steps).getByRole('button', { name: 'Log out of all sessions' })).toBeVisible();
  },
};

const thenAll = mockedApi('newSignIn');
export const NextStepLogOutOfAllSessions: Story = {
  name: 'Next steps, then Log out of all sessions',
  ...onApi(thenAll),
  async play(context) {
    await secure(context);
    await context.userEvent.click(context.canvas.getByRole('button', { name: 'Log out of all sessions' }));
    await expect(await context.canvas.findByRole('dialog', { name: 'Log out of all devices?' })).toBeVisible();
  },
};

export const Failure: Story = {
  name: 'Secure your account fails',
  ...onApi(mockedApi('logoutFails')),
  async play(context) {
    const open = await openDialog(context, 'Edge on Windows');
    await context.userEvent.click(within(open).getByRole('button', { name: 'Log out and secure account' }));
    await expect(await within(open).findByRole('alert')).toHaveTextContent('Something went wrong on our side');
    await expect(context.canvas.queryByRole('heading', { name: /was logged out/ })).toBeNull();
  },
};

const narrow = mockedApi('newSignIn');
export const MenuItemAt320px: Story = {
  name: "Don't recognize it? from the row menu, 320 px",
  globals: { viewport: { value: 'narrow', isRotated: false } },
  ...onApi(narrow),
  async play({ canvasElement, canvas, userEvent }) {
    await findList(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Actions for Firefox on Ubuntu' }));
    await userEvent.click(await within(document.body).findByRole('menuitem', { name: "Don't recognize it? Firefox on Ubuntu" }));
    await expect(await canvas.findByRole('dialog', { name: 'Secure your account' })).toBeVisible();
  },
};

const arabic = mockedApi('newSignIn');
export const ArabicNextSteps: Story = {
  name: 'Next steps, Arabic (right to left)',
  globals: { locale: 'ar' },
  ...onApi(arabic),
  async play({ canvasElement, canvas, userEvent }) {
    await canvas.findByText(ar['row.new']);
    await expect(canvasElement.querySelector('section')).toHaveAttribute('dir', 'rtl');
    await userEvent.click(canvas.getByRole('button', { name: /^لا تتعرّف عليها؟ Firefox/ }));
    const open = await canvas.findByRole('dialog', { name: ar['unrecognized.title'] });
    await userEvent.click(within(open).getByRole('button', { name: ar['unrecognized.confirm'] }));
    await expect(await canvas.findByRole('heading', { name: /^تم تسجيل الخروج من Firefox/ })).toBeVisible();
  },
};

const pseudoNarrow = mockedApi('newSignIn');
export const PseudoLocaleNarrow: Story = {
  name: 'Next steps, pseudo-locale, 320 px',
  globals: { locale: 'pseudo', viewport: { value: 'narrow', isRotated: false } },
  ...onApi(pseudoNarrow),
  async play({ canvasElement, canvas, userEvent }) {
    await canvas.findByText(pseudo['row.new']);
    const actions = canvas.getAllByRole('button', { name: /^\[Àçţîöñš ƒöŕ/ });
    // The new sign-in's row: the third (current, then the most recently active).
    await userEvent.click(actions[1]!);
    const items = await within(document.body).findAllByRole('menuitem');
    await userEvent.click(items[1]!);
    const open = await canvas.findByRole('dialog');
    await userEvent.click(within(open).getAllByRole('button')[1]!);
    await canvas.findByRole('list', { name: pseudo['secure.steps.label'] });
    const section = canvasElement.querySelector<HTMLElement>('[data-slot="active-sessions"]')!;
    // Strings about 35% longer than English still fit at 320 px: nothing overflows sideways or is clipped.
    await expect(section.scrollWidth).toBeLessThanOrEqual(section.clientWidth);
    for (const element of section.querySelectorAll<HTMLElement>('[data-slot="secure-account"] *, [data-slot="session-row"] p')) {
      if (element.clientWidth === 0) continue;
      await expect({ text: element.textContent, overflow: element.scrollWidth - element.clientWidth }).toEqual({
        text: element.textContent,
        overflow: 0,
      });
    }
  },
};
