import { expect } from 'vitest';
import { userEvent } from 'vitest/browser';

/** Whether the element draws a focus indicator: an outline or a box shadow, as computed. */
function drawsFocus(element: Element) {
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
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
