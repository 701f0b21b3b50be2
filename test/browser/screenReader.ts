import { virtual } from '@guidepup/virtual-screen-reader';
import { waitFor } from '@testing-library/react';
import { afterEach, expect } from 'vitest';

/** One write to a live region, and whether a screen reader could hear it at that moment. */
export type LiveWrite = { text: string; exposed: boolean };

const LIVE = '[aria-live],[role="status"],[role="alert"],[role="log"]';

/**
 * Records every text change inside a live region of `container`, with whether the region was in the
 * accessibility tree right then. The virtual screen reader speaks any live-region change, but a real
 * one hears nothing from a region under `aria-hidden` or `inert` (what a modal dialog puts on the rest
 * of the page): mutation records come in order, so a hiding attribute removed later in the same batch
 * is still counted as in force when the text changed.
 */
function recordLiveWrites(_container: HTMLElement) {
  const writes: LiveWrite[] = [];
  const observer = new MutationObserver((records) => {
    records.forEach((record, index) => {
      if (record.type === 'attributes') return;
      const node = record.target;
      const region = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>(LIVE);
      if (!region) return;
      const text = region.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      const later = records.slice(index + 1);
      const hiddenThen = (element: Element, name: string) => {
        const change = later.find((r) => r.type === 'attributes' && r.target === element && r.attributeName === name);
        const value = change ? change.oldValue : element.getAttribute(name);
        return name === 'inert' ? value !== null : value === 'true';
      };
      let exposed = true;
      for (let element: Element | null = region; element; element = element.parentElement) {
        if (hiddenThen(element, 'aria-hidden') || hiddenThen(element, 'inert')) exposed = false;
      }
      if (text && writes.at(-1)?.text !== text) writes.push({ text, exposed });
    });
  });
  observer.observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeOldValue: true,
    attributeFilter: ['aria-hidden', 'inert'],
  });
  return { writes, stop: () => observer.disconnect() };
}

// The virtual screen reader names the nodes of each DOM change it sees; when a dialog closes, some of
// them are already detached, and dom-accessibility-api cannot name a detached node with
// aria-labelledby (its issue #1026): "root.getElementById is not a function", from a promise the
// reader does not await. Only that error is let through; any other unhandled rejection fails the test.
const unexpected: unknown[] = [];
function onRejection(event: PromiseRejectionEvent) {
  event.preventDefault();
  const detachedNode = event.reason instanceof TypeError && event.reason.message === 'root.getElementById is not a function';
  if (!detachedNode) unexpected.push(event.reason);
}

const isLive = (phrase: string | undefined) => /^(polite|assertive): /.test(phrase ?? '');

let running: { stop: () => void } | null = null;
afterEach(async () => {
  running?.stop();
  running = null;
  await virtual.stop();
  window.removeEventListener('unhandledrejection', onRejection);
  const errors = unexpected.splice(0);
  expect(errors, 'unhandled rejections during the test').toEqual([]);
});

/**
 * Starts @guidepup/virtual-screen-reader over `container` (the section: its dialogs portal inside it).
 * `spoken()` returns what it said since the last call; `live` lists the writes to live regions.
 */
export async function startScreenReader(container: HTMLElement) {
  const live = recordLiveWrites(container);
  running = live;
  window.addEventListener('unhandledrejection', onRejection);
  await virtual.start({ container });
  let heard = 0;
  async function since() {
    return (await virtual.spokenPhraseLog()).slice(heard);
  }
  return {
    live: live.writes,
    /**
     * The phrases spoken since the last call, in order. One DOM update inside a live region makes
     * several mutation records, and the virtual reader speaks the region once per record: a repeat
     * of the phrase just spoken is left out, as a screen reader says the update once.
     */
    async spoken(): Promise<string[]> {
      const phrases = await since();
      heard += phrases.length;
      return phrases.filter((phrase, index) => !(isLive(phrase) && phrase === phrases[index - 1]));
    },
    /** Waits until `phrase` has been spoken since the last `spoken()`. */
    async hears(phrase: string) {
      await waitFor(async () => expect(await since()).toContain(phrase), { timeout: 3000 });
    },
    /**
     * Reads `element` (the section, or an open dialog) from its start to its end, as a reader arrowing
     * down does, and returns what was said, from "region, …" or "dialog, …" to "end of …".
     */
    async read(element: Element = container): Promise<string[]> {
      for (let step = 0; step < 1000 && virtual.activeNode !== element; step += 1) await virtual.previous();
      // On its "end of …" phrase, one step more wraps around to its start.
      if ((await virtual.lastSpokenPhrase()).startsWith('end of ')) await virtual.next();
      heard = (await virtual.spokenPhraseLog()).length - 1;
      for (let step = 0; step < 1000; step += 1) {
        await virtual.next();
        if (virtual.activeNode === element) break;
      }
      const phrases = await since();
      heard += phrases.length;
      return phrases;
    },
  };
}
