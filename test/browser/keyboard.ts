import { expect } from 'vitest';
import { userEvent } from 'vitest/browser';

/** Whether an ancestor that clips what overflows it (overflow, paint containment) cuts into the outline. */
function outlineIsClipped(element: Element, style: CSSStyleDeclaration) {
  const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
  if (reach <= 0) return false;
  const box = element.getBoundingClientRect();
  // Up to <body> (whose overflow is the viewport's, which scrolls rather than clips), and no higher than a
  // fixed-position box (the dialog), which its ancestors do not clip.
  for (let child = element; child.parentElement && child.parentElement !== document.body; child = child.parentElement) {
    if (getComputedStyle(child).position === 'fixed') break;
    const ancestor = child.parentElement;
    const clip = getComputedStyle(ancestor);
    const clips =
      clip.overflowX !== 'visible' ||
      clip.overflowY !== 'visible' ||
      clip.contentVisibility === 'auto' ||
      /paint|strict|content/.test(clip.contain);
    if (!clips) continue;
    const edge = ancestor.getBoundingClientRect();
    if (box.left - reach < edge.left || box.right + reach > edge.right || box.top - reach < edge.top || box.bottom + reach > edge.bottom)
      return true;
  }
  return false;
}

/** Whether the element draws a focus indicator: an outline no ancestor clips, or a box shadow, as computed. */
function drawsFocus(element: Element) {
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && !outlineIsClipped(element, style);
  return outline || style.boxShadow !== 'none';
}

/** The focused element, checked to show that it has focus: it matches :focus-visible and draws an indicator. */
export function focused(): HTMLElement {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement) || element === document.body) throw new Error('Focus is on the page, not on an element.');
  const label = element.getAttribute('aria-label') ?? element.textContent?.slice(0, 60);
  expect(element.matches(':focus-visible'), `:focus-visible on ${label}`).toBe(true);
  expect(drawsFocus(element), `a visible outline or shadow on ${label}`).toBe(true);
  return element;
}

/** Presses keys for real (Playwright's keyboard, not synthetic events), e.g. '{Tab}', '{Shift>}{Tab}{/Shift}'. */
export async function press(keys: string) {
  await userEvent.keyboard(keys);
}

/** Presses Tab (or Shift+Tab) until `name` has focus, checking at every stop that focus is visible. */
export async function tabTo(name: string | RegExp, { backwards = false, limit = 80 } = {}) {
  for (let step = 0; step < limit; step += 1) {
    await press(backwards ? '{Shift>}{Tab}{/Shift}' : '{Tab}');
    const element = focused();
    const accessibleName = element.getAttribute('aria-label') ?? element.textContent ?? '';
    if (typeof name === 'string' ? accessibleName === name : name.test(accessibleName)) return element;
  }
  throw new Error(`Tab never reached ${String(name)}.`);
}
