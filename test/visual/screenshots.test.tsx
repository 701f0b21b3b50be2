import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { commands, page, server, userEvent } from 'vitest/browser';
import * as modals from '../../stories/LogoutConfirmModal.stories';
import * as section from '../../stories/ActiveSessionsSection.stories';
import * as rows from '../../stories/SessionRow.stories';
import * as branded from '../../stories/SectionBranded.stories';
import * as activity from '../../stories/SessionActivity.stories';
import * as unrecognized from '../../stories/SectionUnrecognized.stories';
import {
  HEIGHT,
  nextFrame,
  openLogOutAll,
  openUnrecognized,
  renderStory,
  restoreClock,
  secureAccount,
  storyRoot,
  type Look,
  type StoryCase,
} from './render';

// Reference screenshots of the states a designer signs off, compared in Chromium with a tolerance.
// `npm run test:visual` compares them and writes the contact sheet (test/visual/report/index.html);
// `npm run test:visual -- --update` remakes them. Pixels are only comparable from one Chromium build
// to the same one: references/chromium.json records which made them, and a run on another build that
// finds differences says so, instead of failing with a pixel count.

// Vitest's file commands resolve from this suite's folder (its config's root), not the repository's.
const RECORD = 'references/chromium.json';
const RUN = 'report/run.json';

type Variant = 'light' | 'dark' | 'ar' | 'pseudo' | 'forced' | 'forced-dark';

const looks: Record<Variant, Omit<Look, 'width'>> = {
  light: {},
  dark: { theme: 'dark', colorScheme: 'dark' },
  ar: { locale: 'ar' },
  pseudo: { locale: 'pseudo' },
  forced: { forcedColors: true },
  'forced-dark': { forcedColors: true, colorScheme: 'dark' },
};

type Subject = StoryCase & {
  title: string;
  /** 'page': the viewport, for a modal over the page; else the whole story, however tall. */
  frame?: 'page';
  /**
   * Press a key for real before the story: Chromium draws :focus-visible on an element focused by script
   * only after keyboard use, and an earlier test's click would otherwise leave the play's focus ringless.
   */
  keyboard?: true;
};

const subjects = {
  'rows-every-state': { title: 'Rows / Every row state', stories: rows, story: 'EveryRowState', play: true },
  'rows-every-state-menu': { title: 'Rows / Every row state, Log out in a menu', stories: rows, story: 'EveryRowStateNarrow' },
  'section-typical': { title: 'Section / Typical', stories: section, story: 'Typical' },
  'section-every-row-state': { title: 'Section / Every row state', stories: section, story: 'EveryRowState' },
  'section-cannot-load': { title: 'Section / Cannot load', stories: section, story: 'CannotLoad' },
  'section-sso': { title: 'Section / SSO unavailable', stories: section, story: 'SsoUnavailable' },
  'section-signing-out': { title: 'Section / Signing out', stories: section, story: 'SigningOut', play: true },
  // The README's brand example: one radius and one accent on buttons, badges, links and the focus ring (its play focuses Log out).
  'section-branded': { title: 'Section / Branded', stories: branded, story: 'Branded', play: true, keyboard: true },
  'modal-log-out-and-remove': {
    title: 'Modal / Log out and remove (trusted device)',
    stories: modals,
    story: 'LogOutAndRemove',
    frame: 'page',
  },
  'modal-log-out-all': {
    title: 'Modal / Log out of all devices',
    stories: section,
    story: 'LogOutAllConfirming',
    drive: openLogOutAll,
    frame: 'page',
  },
  'row-new-sign-in': { title: 'Rows / New sign-in, last active', stories: activity, story: 'NewSignIn' },
  'section-new-sign-in': { title: 'Section / Last active and a new sign-in', stories: unrecognized, story: 'LastActiveAndNewSignIn' },
  'modal-secure-account': {
    title: 'Modal / Secure your account',
    stories: unrecognized,
    story: 'Dialog',
    drive: openUnrecognized,
    frame: 'page',
  },
  'section-next-steps': { title: 'Section / Next steps', stories: unrecognized, story: 'NextSteps', drive: secureAccount },
} satisfies Record<string, Subject>;

/** The chosen set: every subject at both widths in light; the other looks on the subjects they change most. */
const shots: (readonly [keyof typeof subjects, 320 | 1280, Variant])[] = [
  ['rows-every-state', 1280, 'light'],
  ['rows-every-state-menu', 320, 'light'],
  ...(
    [
      'section-typical',
      'section-cannot-load',
      'section-sso',
      'section-signing-out',
      'modal-log-out-and-remove',
      'modal-log-out-all',
    ] as const
  ).flatMap(
    (subject) =>
      [
        [subject, 320, 'light'],
        [subject, 1280, 'light'],
      ] as const,
  ),
  ['section-typical', 1280, 'dark'],
  ['section-every-row-state', 320, 'dark'],
  ['modal-log-out-all', 320, 'dark'],
  ['section-every-row-state', 1280, 'ar'],
  ['section-every-row-state', 320, 'ar'],
  ['modal-log-out-and-remove', 320, 'ar'],
  ['section-every-row-state', 320, 'pseudo'],
  ['rows-every-state', 1280, 'forced'],
  ['section-typical', 320, 'forced'],
  ['modal-log-out-and-remove', 1280, 'forced'],
  ['section-typical', 1280, 'forced-dark'],
  ['section-branded', 1280, 'light'],
  ['section-branded', 320, 'dark'],
  // B12–B14.
  ['row-new-sign-in', 1280, 'light'],
  ...(['section-new-sign-in', 'modal-secure-account', 'section-next-steps'] as const).flatMap(
    (subject) =>
      [
        [subject, 320, 'light'],
        [subject, 1280, 'light'],
      ] as const,
  ),
  ['section-next-steps', 320, 'ar'],
  ['section-next-steps', 320, 'pseudo'],
  ['section-next-steps', 1280, 'forced'],
];

const frames: HTMLElement[] = [];
// A frame left behind would make the next story's page taller, and scrollable where it is not.
afterEach(() => {
  for (const box of frames.splice(0)) box.remove();
});

/** A transparent box over part of the page: what the screenshot shows is what lies under it. */
function frame(left: number, top: number, width: number, height: number, position: 'fixed' | 'absolute'): HTMLElement {
  const box = document.createElement('div');
  box.style.cssText = `position: ${position}; left: ${left}px; top: ${top}px; width: ${width}px; height: ${height}px; pointer-events: none;`;
  document.body.append(box);
  frames.push(box);
  return box;
}

/**
 * The area pictured: the viewport, for a modal over the page; else the story's own element (the
 * section, the row list) and 8 px around it for focus rings, the viewport grown to hold all of it.
 */
async function frameOf(subject: Subject, width: 320 | 1280): Promise<HTMLElement> {
  if (subject.frame === 'page') {
    // The viewport as asked, settled, and the test page scrolled home: under load, a picture taken while
    // the frame was still being resized (or the test page was left scrolled by the click that opened the
    // modal) had its bottom rows blank.
    await page.viewport(width, HEIGHT[width]);
    window.parent.scrollTo(0, 0);
    // The page as it opens, whatever the click that opened the modal scrolled.
    window.scrollTo(0, 0);
    await nextFrame();
    if (innerHeight !== HEIGHT[width]) throw new Error(`the viewport is ${innerWidth}×${innerHeight}, not ${width}×${HEIGHT[width]}`);
    return frame(0, 0, innerWidth, innerHeight, 'fixed');
  }
  const story = storyRoot().firstElementChild!.getBoundingClientRect();
  const margin = 8;
  const bottom = Math.ceil(story.bottom + scrollY + margin);
  // The iframe shows only its viewport, and the Playwright page (4,000 px tall) must hold the iframe.
  if (bottom > 3900) throw new Error(`${subject.title} is ${bottom} px tall: too tall to picture whole.`);
  await page.viewport(width, Math.max(innerHeight, bottom));
  const box = storyRoot().firstElementChild!.getBoundingClientRect();
  return frame(
    Math.floor(box.left + scrollX - margin),
    Math.floor(box.top + scrollY - margin),
    Math.ceil(box.width + 2 * margin),
    Math.ceil(box.height + 2 * margin),
    'absolute',
  );
}

type ReferenceRecord = { chromium: string };
let running = '';
let recorded: ReferenceRecord | null = null;
const updating = server.config.snapshotOptions.updateSnapshot === 'all';
const differed: string[] = [];

function versionMessage(file: string): string {
  return [
    `${file} differs from its reference, but the references were made with Chromium ${recorded!.chromium} and this is Chromium ${running}:`,
    'pixels are only compared from one Chromium build to the same one. Review what changed in the contact sheet',
    '(test/visual/report/index.html), then remake the references with this Chromium: npm run test:visual -- --update',
  ].join('\n');
}

beforeAll(async () => {
  running = await commands.chromiumVersion();
  recorded = await commands.readFile(RECORD).then(
    (text) => JSON.parse(text) as ReferenceRecord,
    () => null,
  );
  // A first run (no record yet) or an update records the Chromium that made the references.
  if (updating || (!recorded && server.config.snapshotOptions.updateSnapshot === 'new')) {
    recorded = { chromium: running };
    await commands.writeFile(RECORD, `${JSON.stringify(recorded, null, 2)}\n`);
  }
});

afterEach(restoreClock);

afterAll(async () => {
  await commands.writeFile(
    RUN,
    JSON.stringify(
      {
        running,
        recorded: recorded?.chromium ?? null,
        updating,
        differed,
        shots: shots.map(([name, width, variant]) => ({
          file: `${name}_${width}_${variant}`,
          title: subjects[name].title,
          width,
          variant,
        })),
      },
      null,
      2,
    ),
  );
});

describe('reference screenshots', () => {
  for (const [name, width, variant] of shots) {
    const subject: Subject = subjects[name];
    const file = `${name}_${width}_${variant}`;
    test(`${subject.title}, ${width} px, ${variant}`, async () => {
      const look = { ...looks[variant], width };
      if (subject.keyboard) await userEvent.keyboard('{Shift}');
      await renderStory(subject.stories, subject.story, look, { play: (subject.play ?? false) && !look.locale });
      await subject.drive?.();
      const area = await frameOf(subject, width);
      const compare = () => expect.element(page.elementLocator(area)).toMatchScreenshot(file);
      if (!recorded || recorded.chromium === running || updating) return compare();
      // Another Chromium: compare anyway, so the contact sheet shows what it changed, but say why it fails.
      const matched = await compare().then(
        () => true,
        () => false,
      );
      if (matched) return;
      differed.push(file);
      throw new Error(versionMessage(file));
    });
  }
});
