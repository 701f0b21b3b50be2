// Measures what WCAG 1.4.10 (reflow) and 1.4.12 (text spacing) ask, on the rendered DOM: no sideways
// scrolling, no text cut off by a box that hides its overflow, no text or control drawn over another.

/** WCAG 1.4.12's text spacing, as the W3C's own test bookmarklet applies it. */
export const TEXT_SPACING_CSS = `
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-block-end: 2em !important; }
`;

/** Sub-pixel slack: layout rounds to 1/64 px and text rects to whole glyph advances. */
const SLACK = 1;

/** "button.fpas-button "Log out Edge on…"": an element as a failure message names it. */
export function describe(element: Element): string {
  const classes = [...element.classList]
    .slice(0, 2)
    .map((name) => `.${name}`)
    .join('');
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return `${element.tagName.toLowerCase()}${classes}${text ? ` "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"` : ''}`;
}

function isShown(element: Element): boolean {
  if (element.closest('.fpas-visually-hidden')) return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
}

/** Elements that hold text of their own (not only through children). */
function textElements(root: Element): Element[] {
  return [root, ...root.querySelectorAll('*')].filter(
    (element) => isShown(element) && [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim()),
  );
}

type Piece = { owner: Element; label: string; box: DOMRect };

/** Every line of text (one rect per line of each text node) and every control and badge box under `root`. */
function pieces(root: Element): Piece[] {
  const found: Piece[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const owner = node.parentElement!;
    if (!node.textContent!.trim() || !isShown(owner)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) {
      if (box.width > SLACK && box.height > SLACK) found.push({ owner, label: `text "${node.textContent!.trim().slice(0, 30)}"`, box });
    }
  }
  for (const control of root.querySelectorAll('button, a, [role="menuitem"], .fpas-badge')) {
    if (isShown(control)) found.push({ owner: control, label: describe(control), box: control.getBoundingClientRect() });
  }
  return found;
}

function overlap(a: DOMRect, b: DOMRect): boolean {
  const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return width > SLACK && height > SLACK;
}

/**
 * Everything that breaks reflow under `root`, in words (an empty list when nothing does): sideways
 * scrolling of the page or of a part, content cut off by a box that hides its overflow, text running
 * out of its own box or off screen, and lines of text or controls drawn over one another.
 */
export function layoutProblems(root: Element): string[] {
  const problems: string[] = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + SLACK)
    problems.push(`the page scrolls sideways: ${page.scrollWidth} px of content in ${page.clientWidth} px`);

  const sticking: Element[] = [];
  for (const element of [root, ...root.querySelectorAll('*')]) {
    if (!isShown(element)) continue;
    const style = getComputedStyle(element);
    const wide = element.scrollWidth > element.clientWidth + SLACK;
    const tall = element.scrollHeight > element.clientHeight + SLACK;
    const hidesX = style.overflowX === 'hidden' || style.overflowX === 'clip';
    const hidesY = style.overflowY === 'hidden' || style.overflowY === 'clip';
    const scrollsX = style.overflowX === 'auto' || style.overflowX === 'scroll';
    if (wide && hidesX)
      problems.push(`${describe(element)} cuts off its content sideways (${element.scrollWidth} px in ${element.clientWidth} px)`);
    if (tall && hidesY)
      problems.push(`${describe(element)} cuts off its content at the bottom (${element.scrollHeight} px in ${element.clientHeight} px)`);
    if (wide && scrollsX) problems.push(`${describe(element)} scrolls sideways (${element.scrollWidth} px in ${element.clientWidth} px)`);
    const box = element.getBoundingClientRect();
    // Named once, at the outermost element that sticks out, not again for everything inside it.
    if ((box.left < -SLACK || box.right > innerWidth + SLACK) && !sticking.some((outer) => outer.contains(element))) {
      sticking.push(element);
      problems.push(
        `${describe(element)} sticks out of the ${innerWidth} px viewport (${Math.round(box.left)} to ${Math.round(box.right)} px)`,
      );
    }
  }

  for (const element of textElements(root)) {
    // Inline boxes have no client width; their text is measured line by line below.
    if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + SLACK) {
      problems.push(`${describe(element)}: its text runs out of its box (${element.scrollWidth} px in ${element.clientWidth} px)`);
    }
  }

  const all = pieces(root);
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      // A control and the text inside it, or two lines of one text node, share space by design.
      if (a.owner === b.owner || a.owner.contains(b.owner) || b.owner.contains(a.owner)) continue;
      if (overlap(a.box, b.box)) problems.push(`${a.label} overlaps ${b.label}`);
    }
  }
  return [...new Set(problems)];
}
