import { composeStory, type Meta, type StoryObj } from '@storybook/react-vite';
import { vi } from 'vitest';
import { waitFor } from 'storybook/test';
import { commands, page, userEvent } from 'vitest/browser';
import type { StoryGlobals } from '../../stories/support/environment';
import { NOW } from '../../stories/support/sessions';

/** A stories module, as `import * as stories from '…stories'` gives it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any module's meta, whatever its component's props; composeStory takes it as it is
export type StoriesModule = { default: Meta<any> } & Record<string, unknown>;

/** How a story is looked at: the toolbar's globals, the viewport and the emulated media. */
export type Look = StoryGlobals & {
  /** CSS pixels: 320 is 1280 at 400% zoom (WCAG 1.4.10). */
  width: 320 | 1280;
  forcedColors?: boolean;
  colorScheme?: 'light' | 'dark';
};

export const HEIGHT = { 320: 640, 1280: 800 } as const;

// Stable pictures and measures: no animation, transition or caret; every row laid out (rows off
// screen skip layout and paint through content-visibility, which an element screenshot would show
// as blank rows); Storybook's padded layout.
const TEST_CSS = `
*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }
.fpas-row { content-visibility: visible !important; }
html { min-block-size: 100%; }
body { padding: 1rem; }
`;

/** Injects a style sheet for the rest of the test; returns a function that removes it. */
export function addStyle(css: string): () => void {
  const style = document.createElement('style');
  style.dataset.test = 'visual';
  style.textContent = css;
  document.head.append(style);
  return () => style.remove();
}

/**
 * Renders one story as Storybook shows it (decorators, loaders, MSW, play function), with the toolbar
 * set to `look`, the viewport resized and media emulated. The clock reads the stories' NOW, so dates
 * and "2 days ago" never drift from the references. `play: false` leaves the play function out (most
 * find things by their English names) and waits for the section to load instead.
 */
export async function renderStory(stories: StoriesModule, exportName: string, look: Look, { play = true } = {}) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  for (const style of document.querySelectorAll('style[data-test="visual"]')) style.remove();
  addStyle(TEST_CSS);
  await commands.emulateMedia({
    forcedColors: look.forcedColors ? 'active' : 'none',
    colorScheme: look.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  await page.viewport(look.width, HEIGHT[look.width]);
  const { width, forcedColors, colorScheme, ...globals } = look;
  const annotations = stories[exportName] as StoryObj;
  const story = composeStory(
    play ? annotations : { ...annotations, play: undefined },
    stories.default,
    // The stories' axe checks run in the storybook project; here they would only cost time.
    { initialGlobals: { locale: 'en', theme: 'light', dir: 'auto', ...globals, a11y: { manual: true } } },
    exportName,
  );
  await story.run();
  await waitFor(() => {
    if (document.querySelector('[data-slot="active-sessions"][data-state="loading"]'))
      throw new Error('renderStory: the section is still loading.');
  });
  await document.fonts.ready;
  await nextFrame();
  return story;
}

/** Resolves after the browser laid out and painted the current DOM. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** The section, row list or modal a story rendered: what the tests measure. */
export function storyRoot(): HTMLElement {
  const root = document.querySelector<HTMLElement>('.sb-canvas');
  if (!root) throw new Error('renderStory: no story is rendered (no .sb-canvas).');
  return root;
}

/** Stops faking the clock (each test's afterEach). */
export function restoreClock() {
  vi.useRealTimers();
}

/** A story to render, and how to bring it to the state measured or pictured. */
export type StoryCase = {
  stories: StoriesModule;
  story: string;
  /** Run the story's play function (only those that find things without English names, or in English). */
  play?: boolean;
  /** Brings the story to the state wanted, by data-slot and role, so it works in every locale. */
  drive?: () => Promise<void>;
};

/** Opens the Log out of all sessions modal from the section's card, in any locale. */
export async function openLogOutAll() {
  await userEvent.click(document.querySelector<HTMLElement>('[data-slot="logout-all-card"] button')!);
  await waitFor(() => {
    if (!document.querySelector('[role="dialog"]')) throw new Error('the Log out all dialog did not open');
  });
}

/** B14: opens "Don't recognize it?" on the first row that offers it, from its button or its row menu, in any locale. */
export async function openUnrecognized() {
  const button = document.querySelector<HTMLElement>('[data-slot="row-unrecognized"]');
  if (button) await userEvent.click(button);
  else {
    const row = [...document.querySelectorAll<HTMLElement>('[data-slot="session-row"]')].find((li) =>
      li.querySelector('[data-slot="row-actions"]'),
    )!;
    await userEvent.click(row.querySelector<HTMLElement>('[data-slot="row-actions"]')!);
    await waitFor(() => {
      if (document.querySelectorAll('[role="menuitem"]').length < 2) throw new Error('the row menu did not open');
    });
    await userEvent.click(document.querySelectorAll<HTMLElement>('[role="menuitem"]')[1]!);
  }
  await waitFor(() => {
    if (!document.querySelector('[data-slot="unrecognized-dialog"]')) throw new Error("the Don't recognize it? dialog did not open");
  });
}

/** B14: confirms it, and waits for the next steps above the list. */
export async function secureAccount() {
  await openUnrecognized();
  await userEvent.click(document.querySelector<HTMLElement>('[data-slot="unrecognized-dialog"] .fpas-button--danger')!);
  await waitFor(() => {
    if (document.querySelector('[role="dialog"]') || !document.querySelector('[data-slot="secure-account"]'))
      throw new Error('the next steps did not appear');
  });
}
