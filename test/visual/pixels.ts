import { page } from 'vitest/browser';

/** An RGB colour, 0–255 a channel. */
export type Rgb = [number, number, number];

/** A screenshot of one element, decoded: what the screen shows, pixel by pixel (1 CSS px = 1 pixel). */
export type Picture = { width: number; height: number; data: Uint8ClampedArray; box: DOMRect };

/** Screenshots `element` (its border box) in Chromium and decodes it, to read what is actually painted. */
export async function picture(element: Element): Promise<Picture> {
  const base64 = await page.screenshot({ element, save: false });
  // Read after the screenshot: taking it scrolls the element into view.
  const box = element.getBoundingClientRect();
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return { width: bitmap.width, height: bitmap.height, data: context.getImageData(0, 0, bitmap.width, bitmap.height).data, box };
}

/** The pixel at (x, y) of the picture, in CSS pixels from its top left. */
export function pixel({ width, data }: Picture, x: number, y: number): Rgb {
  const i = (Math.round(y) * width + Math.round(x)) * 4;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

/** WCAG relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Parses a computed colour (`rgb(…)` or `rgba(…)`); transparent reads as undefined. */
export function parseColor(value: string): Rgb | undefined {
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(value);
  if (!match || match[4] === '0') return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** What a system colour (`CanvasText`, `GrayText`, …) resolves to in the current (forced) palette. */
export function systemColor(name: string): Rgb {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const color = parseColor(getComputedStyle(probe).color);
  probe.remove();
  if (!color) throw new Error(`systemColor: ${name} did not resolve.`);
  return color;
}

/**
 * Counts the pixels inside `area` (CSS pixels, relative to the picture) that differ between two
 * pictures of the same element: what one change painted.
 */
export function changedPixels(before: Picture, after: Picture, area?: { x: number; y: number; width: number; height: number }): number {
  const { x = 0, y = 0, width = before.width, height = before.height } = area ?? {};
  let changed = 0;
  for (let row = Math.max(0, Math.floor(y)); row < Math.min(before.height, after.height, y + height); row++) {
    for (let column = Math.max(0, Math.floor(x)); column < Math.min(before.width, after.width, x + width); column++) {
      const a = pixel(before, column, row);
      const b = pixel(after, column, row);
      if (Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) > 48) changed++;
    }
  }
  return changed;
}

/** The pixels of `area` (relative to the picture) whose contrast with `background` is at least `ratio`. */
export function inkPixels(
  picture: Picture,
  background: Rgb,
  area: { x: number; y: number; width: number; height: number },
  ratio = 2,
): number {
  let ink = 0;
  for (let row = Math.max(0, Math.floor(area.y)); row < Math.min(picture.height, area.y + area.height); row++) {
    for (let column = Math.max(0, Math.floor(area.x)); column < Math.min(picture.width, area.x + area.width); column++) {
      if (contrast(pixel(picture, column, row), background) >= ratio) ink++;
    }
  }
  return ink;
}

/** Where `element` is inside `picture`, in the picture's CSS pixels. */
export function areaOf(element: Element, picture: Picture) {
  const box = element.getBoundingClientRect();
  return { x: box.left - picture.box.left, y: box.top - picture.box.top, width: box.width, height: box.height };
}
