import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
// The README's theming example, word for word (test/readme.test.ts checks they are the same), applied
// only while this story is shown, so no other story is branded.
import brandCss from './brand.css?raw';
import { mockedApi } from './support/api';
import { onApi, sectionMeta } from './support/MockedSection';

/** The section in a product's brand: one radius and one accent colour reach every part. */
const meta = {
  ...sectionMeta,
  title: 'Section/Branded',
  decorators: [
    (Story) => (
      // The style element after the story: the visual test pictures the story root's first element.
      <>
        <Story />
        <style>{brandCss}</style>
      </>
    ),
  ],
} satisfies Meta<typeof sectionMeta.component>;

export default meta;
type Story = StoryObj<typeof meta>;

// brand.css's accent, light and dark.
const accentOf = (element: Element) => (element.closest('[data-theme="dark"]') ? 'rgb(181, 156, 245)' : 'rgb(110, 59, 216)');

const branded = mockedApi('everyRowState');
export const Branded: Story = {
  name: 'Branded',
  ...onApi(branded),
  async play({ canvasElement }) {
    const canvas = within(canvasElement);
    await canvas.findAllByRole('button', { name: /^Log out |^Actions for / });
    // A row's Log out button, or its menu button in a narrow container (a quiet button: no border).
    const logOut = canvasElement.querySelector<HTMLElement>('[data-slot="row-actions"]')!;
    const logOutAll = canvas.getByRole('button', { name: 'Log out all' });
    const current = canvasElement.querySelector<HTMLElement>('.fpas-badge--current')!;
    const app = canvasElement.querySelector<HTMLElement>('.fpas-badge--app')!;
    const link = canvas.getByRole('link', { name: 'Change your password' });
    const list = canvasElement.querySelector<HTMLElement>('[data-slot="session-list"]')!;
    const PURPLE = accentOf(list);
    // The radius: buttons and badges too, not only the cards.
    for (const part of [logOut, logOutAll, current, app, list]) await expect(getComputedStyle(part).borderTopLeftRadius).toBe('4px');
    // The accent: buttons, the current badge, links and the focus ring.
    await expect(getComputedStyle(logOut).color).toBe(PURPLE);
    if (!logOut.matches('.fpas-button--quiet')) await expect(getComputedStyle(logOut).borderTopColor).toBe(PURPLE);
    await expect(getComputedStyle(current).backgroundColor).toBe(PURPLE);
    await expect(getComputedStyle(link).color).toBe(PURPLE);
    logOut.focus();
    // The ring is drawn (its colour alone would also be the button's text colour, ring or not).
    await waitFor(() => expect(logOut).toHaveFocus());
    await waitFor(() => expect(getComputedStyle(logOut).outlineStyle).toBe('solid'));
    await expect(getComputedStyle(logOut).outlineColor).toBe(PURPLE);
  },
};
