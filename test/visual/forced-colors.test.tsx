import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import * as modals from '../../stories/LogoutConfirmModal.stories';
import * as section from '../../stories/ActiveSessionsSection.stories';
import * as rows from '../../stories/SessionRow.stories';
import * as activity from '../../stories/SessionActivity.stories';
import * as unrecognized from '../../stories/SectionUnrecognized.stories';
import { areaOf, changedPixels, contrast, inkPixels, parseColor, picture, pixel, systemColor, type Picture, type Rgb } from './pixels';
import { addStyle, nextFrame, renderStory, restoreClock, secureAccount, storyRoot } from './render';

// Windows High Contrast and other forced-colour modes replace every author colour with the user's
// system palette. Chromium emulates it (CDP Emulation.setEmulatedMedia, forced-colors: active), in a
// light palette, or a dark one when prefers-color-scheme is dark too. These tests read what is
// actually painted, from screenshots, because a colour that is forced to the background leaves the
// markup and axe untouched.

afterEach(restoreClock);

/** The contrast every non-text mark must keep against the background (WCAG 1.4.11). */
const NON_TEXT = 3;

/** The same element painted twice, the second time with `css` applied: what `css` hides was painted. */
async function paintedBy(element: Element, css: string): Promise<{ shown: Picture; hidden: Picture }> {
  const shown = await picture(element);
  const remove = addStyle(css);
  await nextFrame();
  const hidden = await picture(element);
  remove();
  await nextFrame();
  return { shown, hidden };
}

/**
 * Share of the columns along the top edge of `element` (rounded ends left out) where the edge stands
 * out from `background`: its first two pixel rows, since an edge at a fractional position is blended
 * over both.
 */
function edgeInk(shot: Picture, element: Element, background: Rgb): number {
  const area = areaOf(element, shot);
  const from = Math.ceil(area.x + area.height / 2);
  const to = Math.floor(area.x + area.width - area.height / 2);
  let inked = 0;
  for (let x = from; x < to; x++) {
    if (inkPixels(shot, background, { x, y: area.y, width: 1, height: 2 }, NON_TEXT) > 0) inked++;
  }
  return inked / Math.max(1, to - from);
}

/** The colour filling `element`, read just inside its start edge, below the border. */
function fillOf(shot: Picture, element: Element): Rgb {
  const area = areaOf(element, shot);
  return pixel(shot, area.x + area.height / 2, area.y + 2.5);
}

for (const palette of ['light', 'dark'] as const) {
  const look = { width: 1280, forcedColors: true, colorScheme: palette } as const;

  describe(`forced colours, ${palette} palette`, () => {
    test('given every device type, each row icon is painted against the background, each type its own shape', async () => {
      await renderStory(rows, 'EveryDeviceType', look);
      expect(matchMedia('(forced-colors: active)').matches).toBe(true);
      const canvas = systemColor('Canvas');
      const shapes = new Map<string, string>();
      for (const row of storyRoot().querySelectorAll<HTMLElement>('[data-slot="session-row"]')) {
        const { shown, hidden } = await paintedBy(row, '.fpas-row::before { visibility: hidden !important; }');
        const painted =
          inkPixels(shown, canvas, { x: 0, y: 0, width: shown.width, height: shown.height }, NON_TEXT) -
          inkPixels(hidden, canvas, { x: 0, y: 0, width: hidden.width, height: hidden.height }, NON_TEXT);
        expect(painted, `pixels painted by the ${row.dataset.device} icon`).toBeGreaterThanOrEqual(40);
        const bitmap: number[] = [];
        for (let y = 0; y < 48; y++) for (let x = 0; x < 48; x++) bitmap.push(changedPixels(shown, hidden, { x, y, width: 1, height: 1 }));
        shapes.set(row.dataset.device!, bitmap.join(''));
      }
      // Four masks (an unknown device shares the desktop one).
      expect(new Set(['desktop', 'mobile', 'tablet', 'app'].map((device) => shapes.get(device))).size).toBe(4);
    });

    test('given every row state, busy and signing-out icons stay painted too', async () => {
      await renderStory(rows, 'EveryRowState', look);
      const canvas = systemColor('Canvas');
      for (const row of storyRoot().querySelectorAll<HTMLElement>('[data-slot="session-row"]')) {
        const { shown, hidden } = await paintedBy(row, '.fpas-row::before { visibility: hidden !important; }');
        const whole = { x: 0, y: 0, width: shown.width, height: shown.height };
        const painted = inkPixels(shown, canvas, whole, NON_TEXT) - inkPixels(hidden, canvas, whole, NON_TEXT);
        expect(painted, `pixels painted by the ${row.dataset.device} icon of a ${row.dataset.state} row`).toBeGreaterThanOrEqual(40);
      }
    });

    test('given every row state, each badge keeps a visible outline and legible text, CURRENT SESSION is filled, and the trusted mark is painted', async () => {
      await renderStory(rows, 'EveryRowState', look);
      const canvas = systemColor('Canvas');
      const badges = [...storyRoot().querySelectorAll<HTMLElement>('.fpas-badge')];
      expect(badges.map((badge) => badge.textContent)).toEqual(
        expect.arrayContaining(['CURRENT SESSION', 'Trusted device', 'ChatGPT', 'Other app']),
      );
      for (const badge of badges) {
        const shot = await picture(badge.closest('li')!);
        const area = areaOf(badge, shot);
        const fill = fillOf(shot, badge);
        const text = inkPixels(shot, fill, { x: area.x + 3, y: area.y + 3, width: area.width - 6, height: area.height - 6 }, 3);
        expect(edgeInk(shot, badge, canvas), `share of the "${badge.textContent}" badge's top edge that is painted`).toBeGreaterThanOrEqual(
          0.9,
        );
        expect(text, `text pixels of the "${badge.textContent}" badge`).toBeGreaterThanOrEqual(20);
        // CURRENT SESSION stands apart from the other badges: filled with the text colour, not outlined.
        expect(contrast(fill, canvas) >= NON_TEXT, `"${badge.textContent}" badge is filled`).toBe(badge.textContent === 'CURRENT SESSION');
      }
      const trusted = badges.find((badge) => badge.textContent === 'Trusted device')!;
      const { shown, hidden } = await paintedBy(trusted, '.fpas-badge--trusted::before { visibility: hidden !important; }');
      expect(changedPixels(shown, hidden), 'pixels painted by the trusted mark ✓').toBeGreaterThanOrEqual(15);
    });

    test('given a new sign-in (B13), its badge keeps a visible outline and legible text, unfilled like the other badges', async () => {
      await renderStory(activity, 'NewSignIn', look);
      const canvas = systemColor('Canvas');
      const badge = storyRoot().querySelector<HTMLElement>('.fpas-badge--new')!;
      expect(badge.textContent).toBe('New sign-in');
      const shot = await picture(badge.closest('li')!);
      const area = areaOf(badge, shot);
      const fill = fillOf(shot, badge);
      expect(edgeInk(shot, badge, canvas), "share of the New sign-in badge's top edge that is painted").toBeGreaterThanOrEqual(0.9);
      expect(
        inkPixels(shot, fill, { x: area.x + 3, y: area.y + 3, width: area.width - 6, height: area.height - 6 }, 3),
        'text pixels of the New sign-in badge',
      ).toBeGreaterThanOrEqual(20);
      expect(contrast(fill, canvas) >= NON_TEXT, 'New sign-in badge is filled').toBe(false);
    });

    test('given the next steps (B14), the callout keeps its edge and its Log out of all sessions stands apart from Done', async () => {
      await renderStory(unrecognized, 'NextSteps', look, { play: false });
      await secureAccount();
      await nextFrame();
      const callout = storyRoot().querySelector<HTMLElement>('[data-slot="secure-account"]')!;
      const shot = await picture(callout);
      expect(edgeInk(shot, callout, systemColor('Canvas')), "share of the callout's top edge that is painted").toBeGreaterThanOrEqual(0.9);
      const danger = callout.querySelector<HTMLElement>('.fpas-button--danger')!;
      const done = [...callout.querySelectorAll<HTMLElement>('.fpas-button')].find((button) => button !== danger)!;
      expect(
        contrast(fillOf(shot, danger), fillOf(shot, done)),
        'contrast between the fills of Log out of all sessions and Done',
      ).toBeGreaterThanOrEqual(NON_TEXT);
      for (const link of callout.querySelectorAll<HTMLElement>('a')) {
        const linkShot = await picture(link);
        expect(
          inkPixels(linkShot, systemColor('Canvas'), { x: 0, y: 0, width: linkShot.width, height: linkShot.height }, 4.5),
          `text pixels of ${link.textContent}`,
        ).toBeGreaterThanOrEqual(40);
      }
      // The pointer rests where the dialog's confirm button was; moved off, so the next modal is not pictured hovered.
      await userEvent.hover(callout.querySelector('h3')!);
    });

    test('given a logout under way, its pending Log out reads as unavailable (GrayText) and differs from an enabled one', async () => {
      await renderStory(rows, 'EveryRowState', look);
      const pending = storyRoot().querySelector<HTMLElement>('.fpas-button[aria-disabled="true"]')!;
      const enabled = storyRoot().querySelector<HTMLElement>('.fpas-button:not([aria-disabled])')!;
      expect(pending).not.toBeNull();
      expect(parseColor(getComputedStyle(pending).color), 'text colour of the pending Log out').toEqual(systemColor('GrayText'));
      expect(parseColor(getComputedStyle(enabled).color), 'text colour of an enabled Log out').not.toEqual(systemColor('GrayText'));
      const shot = await picture(pending);
      const area = { x: 0, y: 0, width: shot.width, height: shot.height };
      expect(inkPixels(shot, fillOf(shot, pending), area, NON_TEXT), 'text pixels of the pending Log out').toBeGreaterThanOrEqual(40);
    });

    test('given the trusted-device modal, the danger action stands apart from Cancel and stays legible', async () => {
      await renderStory(modals, 'LogOutAndRemove', look);
      const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
      const danger = dialog.querySelector<HTMLElement>('.fpas-button--danger')!;
      const cancel = [...dialog.querySelectorAll<HTMLElement>('.fpas-button')].find((button) => button.textContent === 'Cancel')!;
      const shot = await picture(dialog);
      const dangerFill = fillOf(shot, danger);
      expect(
        contrast(dangerFill, fillOf(shot, cancel)),
        'contrast between the fills of Log out and remove and Cancel',
      ).toBeGreaterThanOrEqual(NON_TEXT);
      const dangerArea = areaOf(danger, shot);
      const label = { x: dangerArea.x + 4, width: dangerArea.width - 8, y: dangerArea.y + 4, height: dangerArea.height - 8 };
      expect(inkPixels(shot, dangerFill, label, 4.5), 'text pixels of Log out and remove at 4.5:1').toBeGreaterThanOrEqual(40);
      // The dialog keeps an edge: its shadow is gone in forced colours.
      expect(edgeInk(shot, dialog, systemColor('Canvas')), "share of the dialog's top edge that is painted").toBeGreaterThanOrEqual(0.9);
    });

    test('given the danger action pending, it reads as unavailable (GrayText), not as a live danger action', async () => {
      await renderStory(modals, 'LoggingOut', look);
      const confirm = document.querySelector<HTMLElement>('[role="dialog"] .fpas-button--danger')!;
      expect(confirm.getAttribute('aria-disabled')).toBe('true');
      expect(parseColor(getComputedStyle(confirm).color), 'text colour of the pending danger action').toEqual(systemColor('GrayText'));
      const shot = await picture(confirm);
      expect(
        inkPixels(shot, fillOf(shot, confirm), { x: 0, y: 0, width: shot.width, height: shot.height }, NON_TEXT),
        'text pixels of the pending danger action',
      ).toBeGreaterThanOrEqual(40);
    });

    test('given the section, the keyboard focus ring is painted around the focused button', async () => {
      await renderStory(section, 'Typical', look);
      const button = storyRoot().querySelector<HTMLElement>('[data-slot="session-row"] .fpas-button')!;
      const row = button.closest('li')!;
      const before = await picture(row);
      await userEvent.keyboard('{Tab}');
      await nextFrame();
      expect(document.activeElement).toBe(button);
      const after = await picture(row);
      const box = areaOf(button, before);
      const ring = { x: box.x - 5, y: box.y - 5, width: box.width + 10, height: box.height + 10 };
      const outside = changedPixels(before, after, ring) - changedPixels(before, after, box);
      // At least one pixel all the way round the button, outside it.
      expect(outside, 'pixels around the button that focus changed').toBeGreaterThanOrEqual(2 * (box.width + box.height));
      const ringInk = inkPixels(after, systemColor('Canvas'), ring, NON_TEXT) - inkPixels(after, systemColor('Canvas'), box, NON_TEXT);
      expect(ringInk, 'focus ring pixels at 3:1 against the background').toBeGreaterThanOrEqual(2 * (box.width + box.height));
    });
  });
}
