import { virtual } from '@guidepup/virtual-screen-reader';
import { afterEach } from 'vitest';

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
function recordLiveWrites(container: HTMLElement) {
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

let running: { stop: () => void } | null = null;
afterEach(async () => {
  running?.stop();
  running = null;
  await virtual.stop();
});

/**
 * Starts @guidepup/virtual-screen-reader over `container` (the section: its dialogs portal inside it).
 * `spoken()` returns what it said since the last call; `live` lists the writes to live regions.
 */
export async function startScreenReader(container: HTMLElement) {
  const live = recordLiveWrites(container);
  running = live;
  await virtual.start({ container });
  return {
    live: live.writes,
    /** The phrases spoken since the last call, in order. */
    async spoken(): Promise<string[]> {
      const log = await virtual.spokenPhraseLog();
      await virtual.clearSpokenPhraseLog();
      return log;
    },
    /** Moves the reading cursor through the whole container, as a reader arrowing down does; returns what was said. */
    async readAll(): Promise<string[]> {
      for (let step = 0; step < 1000; step += 1) {
        await virtual.next();
        if (virtual.activeNode === container) break;
      }
      const log = await virtual.spokenPhraseLog();
      await virtual.clearSpokenPhraseLog();
      // The last phrase is the container again, where the cursor wrapped around.
      return log.slice(0, -1);
    },
  };
}
