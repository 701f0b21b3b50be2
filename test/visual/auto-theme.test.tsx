import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import * as modals from '../../stories/LogoutConfirmModal.stories';
import * as section from '../../stories/ActiveSessionsSection.stories';
import { picture, pixel } from './pixels';
import { nextFrame, renderStory, restoreClock, type Look } from './render';

// data-theme="auto" on an ancestor (as data-theme="dark" is used) makes the section follow the
// reader's system setting, prefers-color-scheme, emulated here through Chromium.

afterEach(restoreClock);

/** Every colour token and the color-scheme the element resolves, e.g. { '--fpas-color-bg': '#1b1b1d', … }. */
function palette(element: Element): Record<string, string> {
  const style = getComputedStyle(element);
  const tokens = Object.fromEntries(
    [...style].filter((name) => name.startsWith('--fpas-color-')).map((name) => [name, style.getPropertyValue(name).trim()]),
  );
  return { ...tokens, 'color-scheme': style.colorScheme };
}

function sectionElement(): HTMLElement {
  return document.querySelector<HTMLElement>('[data-slot="active-sessions"]')!;
}

/** The palette the section resolves under `look`, and the colour its background is painted. */
async function sectionPalette(look: Omit<Look, 'width'>) {
  await renderStory(section, 'Typical', { ...look, width: 1280 }, { play: false });
  const shot = await picture(sectionElement());
  return { tokens: palette(sectionElement()), painted: pixel(shot, 4, 4) };
}

describe('automatic theme (data-theme="auto")', () => {
  test('given a dark system preference, the section takes the dark palette, token for token, and paints it', async () => {
    const dark = await sectionPalette({ theme: 'dark' });
    expect(Object.keys(dark.tokens).length).toBeGreaterThan(15);
    expect(dark.tokens['--fpas-color-bg']).toBe('#1b1b1d');
    const auto = await sectionPalette({ theme: 'auto', colorScheme: 'dark' });
    expect(auto).toEqual(dark);
    expect(auto.painted).toEqual([0x1b, 0x1b, 0x1d]);
  });

  test('given a light system preference, the section keeps the light palette', async () => {
    const light = await sectionPalette({ theme: 'light' });
    expect(light.tokens['--fpas-color-bg']).toBe('#ffffff');
    const auto = await sectionPalette({ theme: 'auto', colorScheme: 'light' });
    expect(auto).toEqual(light);
    expect(auto.painted).toEqual([255, 255, 255]);
  });

  test('when the system preference changes while the section is shown, the palette follows without a re-render', async () => {
    await renderStory(section, 'Typical', { width: 1280, theme: 'auto', colorScheme: 'light' }, { play: false });
    const shown = sectionElement();
    expect(palette(shown)['--fpas-color-bg']).toBe('#ffffff');
    await commands.emulateMedia({ colorScheme: 'dark' });
    await nextFrame();
    expect(sectionElement()).toBe(shown);
    expect(palette(shown)['--fpas-color-bg']).toBe('#1b1b1d');
    await commands.emulateMedia({ colorScheme: 'light' });
    await nextFrame();
    expect(palette(shown)['--fpas-color-bg']).toBe('#ffffff');
  });

  test('given a dark system preference, a modal portaled outside the section follows it too', async () => {
    await renderStory(modals, 'LogOut', { width: 1280, theme: 'auto', colorScheme: 'dark' }, { play: false });
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(dialog.closest('.sb-canvas')).toBeNull();
    expect(palette(dialog)['--fpas-color-bg']).toBe('#1b1b1d');
    expect(pixel(await picture(dialog), 4, 20)).toEqual([0x1b, 0x1b, 0x1d]);
  });

  test('given an explicit theme, it wins over the system preference; without data-theme="auto" nothing follows the system', async () => {
    expect((await sectionPalette({ theme: 'dark', colorScheme: 'light' })).tokens['--fpas-color-bg']).toBe('#1b1b1d');
    expect((await sectionPalette({ theme: 'light', colorScheme: 'dark' })).tokens['--fpas-color-bg']).toBe('#ffffff');
  });
});
