import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { ar, de, ja, pl, pseudo } from '../src';
import { mockedApi } from './support/api';
import { onApi, sectionMeta } from './support/MockedSection';

/**
 * The section in every shipped language, right to left, dark, and at 320 px, each over the scenario
 * with every row state so translators and designers see every string. The toolbar switches any
 * other story the same way.
 */
const meta = {
  ...sectionMeta,
  title: 'Section/Languages and themes',
} satisfies Meta<typeof sectionMeta.component>;

export default meta;
type Story = StoryObj<typeof meta>;

async function findSection(canvasElement: HTMLElement, title: string) {
  const section = await within(canvasElement).findByRole('region', { name: title });
  // Wait for the rows: the session list is the one the section marks as such.
  await waitFor(() => expect(section.querySelector('[data-slot="session-list"]')).not.toBeNull());
  return section;
}

const polish = mockedApi('everyRowState');
export const Polish: Story = {
  name: 'Polish',
  globals: { locale: 'pl' },
  ...onApi(polish),
  async play({ canvasElement }) {
    const section = await findSection(canvasElement, pl['section.title']);
    await expect(section).toHaveAttribute('lang', 'pl');
    await expect(within(section).getByRole('button', { name: pl['logOutAll.button'] })).toBeVisible();
  },
};

const german = mockedApi('everyRowState');
export const German: Story = {
  name: 'German',
  globals: { locale: 'de' },
  ...onApi(german),
  async play({ canvasElement }) {
    await findSection(canvasElement, de['section.title']);
  },
};

const japanese = mockedApi('everyRowState');
export const Japanese: Story = {
  name: 'Japanese',
  globals: { locale: 'ja' },
  ...onApi(japanese),
  async play({ canvasElement }) {
    await findSection(canvasElement, ja['section.title']);
  },
};

const arabic = mockedApi('everyRowState');
export const ArabicRightToLeft: Story = {
  name: 'Arabic, right to left',
  globals: { locale: 'ar' },
  ...onApi(arabic),
  async play({ canvasElement }) {
    const section = await findSection(canvasElement, ar['section.title']);
    // Direction comes from the locale when the host passes none.
    await expect(section).toHaveAttribute('dir', 'rtl');
    await expect(section).toHaveAttribute('lang', 'ar');
  },
};

const arabicModal = mockedApi('typical');
export const ArabicModal: Story = {
  name: 'Arabic, log out modal',
  globals: { locale: 'ar' },
  ...onApi(arabicModal),
  async play({ canvasElement, userEvent }) {
    const section = await findSection(canvasElement, ar['section.title']);
    const logOutButtons = within(section).getAllByRole('button', { name: new RegExp(`^${ar['row.logOut']}`) });
    await userEvent.click(logOutButtons[0]!);
    const dialog = await within(canvasElement).findByRole('dialog');
    // The modal portals inside the section, so it keeps its direction.
    await expect(dialog.closest('[dir]')).toHaveAttribute('dir', 'rtl');
  },
};

const pseudoLocale = mockedApi('everyRowState');
export const PseudoLocale: Story = {
  name: 'Pseudo-locale',
  globals: { locale: 'pseudo' },
  ...onApi(pseudoLocale),
  async play({ canvasElement }) {
    await findSection(canvasElement, pseudo['section.title']);
  },
};

const pseudoNarrow = mockedApi('everyRowState');
export const PseudoLocaleNarrow: Story = {
  name: 'Pseudo-locale, 320 px',
  globals: { locale: 'pseudo', viewport: { value: 'narrow', isRotated: false } },
  ...onApi(pseudoNarrow),
  async play({ canvasElement }) {
    const section = await findSection(canvasElement, pseudo['section.title']);
    // Strings about 35% longer than English still fit: nothing overflows sideways or is clipped…
    await expect(section.scrollWidth).toBeLessThanOrEqual(section.clientWidth);
    for (const element of section.querySelectorAll<HTMLElement>('p, h2, h3, button, a, li')) {
      if (element.clientWidth === 0) continue;
      await expect({ text: element.textContent, overflow: element.scrollWidth - element.clientWidth }).toEqual({
        text: element.textContent,
        overflow: 0,
      });
    }
    // …and a row's text never runs under its actions.
    for (const row of section.querySelectorAll<HTMLElement>('[data-slot="session-row"]')) {
      const body = row.querySelector('.fpas-row__body')!.getBoundingClientRect();
      const actions = row.querySelector('[data-slot="row-actions"]')?.getBoundingClientRect();
      if (actions) await expect(body.right <= actions.left || actions.right <= body.left).toBe(true);
    }
  },
};

const forcedRtl = mockedApi('typical');
export const EnglishRightToLeft: Story = {
  name: 'English, forced right to left',
  globals: { dir: 'rtl' },
  ...onApi(forcedRtl),
  async play({ canvasElement }) {
    await expect(await findSection(canvasElement, 'Active sessions')).toHaveAttribute('dir', 'rtl');
  },
};

const dark = mockedApi('everyRowState');
export const Dark: Story = {
  name: 'Dark',
  globals: { theme: 'dark' },
  ...onApi(dark),
  async play({ canvasElement }) {
    await findSection(canvasElement, 'Active sessions');
    await expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
  },
};

const darkModal = mockedApi('typical');
export const DarkModal: Story = {
  name: 'Dark, log out all modal',
  globals: { theme: 'dark' },
  ...onApi(darkModal),
  async play({ canvasElement, userEvent }) {
    const section = await findSection(canvasElement, 'Active sessions');
    await userEvent.click(within(section).getByRole('button', { name: 'Log out all' }));
    await expect(await within(canvasElement).findByRole('dialog', { name: 'Log out of all devices?' })).toBeVisible();
  },
};

const narrow = mockedApi('everyRowState');
export const Narrow: Story = {
  name: '320 px',
  globals: { viewport: { value: 'narrow', isRotated: false } },
  ...onApi(narrow),
  async play({ canvasElement }) {
    const section = await findSection(canvasElement, 'Active sessions');
    // Nothing overflows sideways at 320 px.
    await expect(section.scrollWidth).toBeLessThanOrEqual(section.clientWidth);
  },
};

const narrowArabic = mockedApi('everyRowState');
export const NarrowArabicDark: Story = {
  name: '320 px, Arabic, dark',
  globals: { viewport: { value: 'narrow', isRotated: false }, locale: 'ar', theme: 'dark' },
  ...onApi(narrowArabic),
  async play({ canvasElement }) {
    const section = await findSection(canvasElement, ar['section.title']);
    await expect(section.scrollWidth).toBeLessThanOrEqual(section.clientWidth);
  },
};

const wide = mockedApi('typical');
export const Wide: Story = {
  name: '1280 px',
  globals: { viewport: { value: 'desktop', isRotated: false } },
  ...onApi(wide),
  async play({ canvasElement }) {
    await findSection(canvasElement, 'Active sessions');
  },
};
