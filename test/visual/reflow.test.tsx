import { afterEach, describe, expect, test } from 'vitest';
import * as card from '../../stories/LogoutAllCard.stories';
import * as modals from '../../stories/LogoutConfirmModal.stories';
import * as section from '../../stories/ActiveSessionsSection.stories';
import * as rows from '../../stories/SessionRow.stories';
import * as activity from '../../stories/SessionActivity.stories';
import * as unrecognized from '../../stories/SectionUnrecognized.stories';
import { layoutProblems, TEXT_SPACING_CSS } from './layout';
import {
  addStyle,
  nextFrame,
  openLogOutAll,
  openUnrecognized,
  renderStory,
  restoreClock,
  secureAccount,
  storyRoot,
  type StoryCase,
} from './render';

// WCAG 1.4.10: at 320 CSS px (1280 px at 400% zoom) nothing scrolls sideways and nothing is cut off.
// WCAG 1.4.12: with line height 1.5, paragraph spacing 2em, letter spacing 0.12em and word spacing
// 0.16em forced on every element, nothing is cut off or drawn over something else. Measured on the
// rendered stories (layout.ts), in English, the pseudo-locale (about 35% longer, accented) and Arabic
// (right to left); at 1280 px too, with text spacing.

afterEach(restoreClock);

type Case = StoryCase & { name: string };

const cases: Case[] = [
  { name: 'section, typical', stories: section, story: 'Typical' },
  { name: 'section, every row state', stories: section, story: 'EveryRowState' },
  { name: 'section, cannot load', stories: section, story: 'CannotLoad' },
  { name: 'section, SSO unavailable', stories: section, story: 'SsoUnavailable' },
  { name: 'section, signing out', stories: section, story: 'SigningOut', play: true },
  { name: 'section, log out all modal', stories: section, story: 'LogOutAllConfirming', drive: openLogOutAll },
  { name: 'rows, every state with Log out buttons', stories: rows, story: 'EveryRowState' },
  { name: 'rows, every state with the menu', stories: rows, story: 'EveryRowStateNarrow' },
  { name: 'modal, log out and remove', stories: modals, story: 'LogOutAndRemove' },
  { name: 'modal, logout failed', stories: modals, story: 'LogoutFailed' },
  { name: 'card, log out all done', stories: card, story: 'Done' },
  { name: 'section, last active and a new sign-in (B12, B13)', stories: unrecognized, story: 'LastActiveAndNewSignIn' },
  { name: 'section, Secure your account dialog (B14)', stories: unrecognized, story: 'Dialog', drive: openUnrecognized },
  { name: 'section, next steps (B14)', stories: unrecognized, story: 'NextSteps', drive: secureAccount },
  { name: "row, new sign-in with Don't recognize it? (B13, B14)", stories: activity, story: 'NewSignIn' },
];

/** What a test measures: the open dialog when there is one (it covers the page), else the story. */
function measured(): Element {
  return document.querySelector('[role="dialog"]') ?? storyRoot();
}

for (const locale of ['en', 'pseudo', 'ar'] as const) {
  describe(`reflow and text spacing, ${locale}`, () => {
    for (const { name, stories, story, play = false, drive } of cases) {
      test(`given ${name} at 320 px, nothing scrolls sideways, is cut off or overlaps, with or without WCAG text spacing`, async () => {
        await renderStory(stories, story, { width: 320, locale }, { play });
        await drive?.();
        await nextFrame();
        expect(layoutProblems(measured())).toEqual([]);
        addStyle(TEXT_SPACING_CSS);
        await nextFrame();
        expect({ textSpacing: layoutProblems(measured()) }).toEqual({ textSpacing: [] });
      });

      test(`given ${name} at 1280 px with WCAG text spacing, nothing is cut off or overlaps`, async () => {
        await renderStory(stories, story, { width: 1280, locale }, { play });
        await drive?.();
        addStyle(TEXT_SPACING_CSS);
        await nextFrame();
        expect(layoutProblems(measured())).toEqual([]);
      });
    }
  });
}
