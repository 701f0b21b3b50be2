// Every docs page of the static Storybook (`npm run build-storybook` → storybook-static/), opened in
// Debian's Chromium as a designer opens it, and checked with axe like the stories are. A page fails on
// any violation; its message names the page, the rule and the elements.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumLaunchOptions } from '../../scripts/chromium.ts';
import { serveStatic } from './staticServer';

const root = path.resolve(import.meta.dirname, '../..');
const staticDir = path.join(root, 'storybook-static');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

if (!existsSync(CHROMIUM_PATH)) {
  throw new Error(
    `Chromium is missing at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` or \`bash .ci/run\` (CHROMIUM_PATH names another).`,
  );
}
if (!existsSync(path.join(staticDir, 'index.json'))) {
  throw new Error('storybook-static/ is missing: run `npm run build-storybook` first (`npm run test:docs` does).');
}

type IndexEntry = { id: string; title: string; name: string; type: 'docs' | 'story'; importPath: string };
const index = JSON.parse(readFileSync(path.join(staticDir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
const docsPages = Object.values(index.entries).filter((entry) => entry.type === 'docs');

type Violation = { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  server = await serveStatic(staticDir);
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a docs page and waits until it and every story frame on it have rendered and run their play functions. */
async function openDocs(page: Page, id: string) {
  // axe in every frame: each story on a docs page is a document of its own (.storybook/docs.tsx).
  await page.addInitScript({ content: axeSource });
  await page.goto(`${server.url}/iframe.html?viewMode=docs&id=${encodeURIComponent(id)}`);
  await page.locator('#storybook-docs .sbdocs-content').first().waitFor({ timeout: 60_000 });
  const frames = page.locator('iframe[id^="iframe--"]');
  const count = await frames.count();
  for (let i = 0; i < count; i += 1) {
    // Story frames load lazily, as a reader scrolls to them.
    await frames.nth(i).evaluate((element) => element.scrollIntoView());
    const frame = await (await frames.nth(i).elementHandle())?.contentFrame();
    if (!frame) throw new Error(`docs page ${id}: story frame ${i} has no document`);
    // Storybook's render phase: a story is done once rendered, played and checked ('finished').
    const phaseOf = () =>
      (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender?.phase;
    try {
      await frame.waitForFunction(
        () => {
          const phase = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__
            ?.currentRender?.phase;
          return phase === 'finished' || phase === 'errored' || phase === 'aborted';
        },
        undefined,
        { timeout: 60_000, polling: 250 },
      );
    } catch (error) {
      const phase = await frame.evaluate(phaseOf).catch(() => 'unknown');
      throw new Error(`docs page ${id}: the story in ${frame.url()} did not finish (phase: ${phase})`, { cause: error });
    }
    // A story whose render or play function fails on a docs page shows an error, not the state.
    expect(await frame.evaluate(phaseOf), `${frame.url()} on docs page ${id}`).toBe('finished');
  }
  await page.waitForTimeout(300);
  return page.frames();
}

/**
 * Under load, Storybook's preview (not this project's code: nothing here reads its store) now and then
 * throws this while a frame waits for the story index. A page that shows it is opened a second time.
 */
const storybookIndexRace = 'Cannot access the Story Store until the index is ready.';

/** A fresh page on the docs page `id`, with every uncaught error it threw while it and its story frames loaded. */
async function openPage(id: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    return { page, errors, frames: await openDocs(page, id) };
  } catch (error) {
    await page.close();
    throw error;
  }
}

describe('Storybook docs pages', () => {
  it('has docs pages: one for each group of stories, and the guides', () => {
    const titles = docsPages.map((entry) => entry.title);
    for (const title of [
      'Guides/The section',
      'Guides/Theming',
      'Guides/Localization',
      'Guides/States',
      'Section/States',
      'Rows/Session row',
    ]) {
      expect(titles).toContain(title);
    }
  });

  describe.each(docsPages.map((entry) => [`${entry.title} (${entry.id})`, entry] as const))('%s', (_, entry) => {
    it('passes axe with no violation', async () => {
      let { page, errors, frames } = await openPage(entry.id);
      if (errors.length > 0 && errors.every((error) => error.startsWith(storybookIndexRace))) {
        // Storybook's own start-up race, not the page's: once more, and it fails if it happens again.
        await page.close();
        ({ page, errors, frames } = await openPage(entry.id));
      }
      try {
        // Each document on its own: the docs page, then each story's frame (a frame's landmarks and headings
        // are its own). As @storybook/addon-a11y runs it on stories: every rule but `region`.
        const violations: (Violation & { document: string })[] = [];
        for (const frame of frames) {
          const found = await frame.evaluate(async () => {
            const axe = (
              window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> } }
            ).axe;
            // The docs page is a page (one main, one h1); a story's frame is a part of one, checked from its body as the addon does.
            const context = window.parent === window ? document : document.body;
            const result = await axe.run(context, { iframes: false, rules: { region: { enabled: false } } });
            return result.violations.map(({ id, help, nodes }) => ({
              id,
              help,
              nodes: nodes.slice(0, 5).map(({ target, failureSummary }) => ({ target, failureSummary })),
            }));
          });
          violations.push(
            ...found.map((violation) => ({ ...violation, document: new URL(frame.url()).searchParams.get('id') ?? frame.url() })),
          );
        }
        if (entry.importPath.endsWith('.stories.tsx')) {
          // A component's page: its props table, read from the TypeScript types, one description per prop.
          const props = await page.locator('.docblock-argstable tbody tr').evaluateAll((rows) =>
            rows.map((row) => ({
              name: row.children[0]?.textContent ?? '',
              description: row.children[1]?.querySelector('div > span')?.textContent?.trim() ?? '',
            })),
          );
          expect(props.length, 'rows in the props table').toBeGreaterThan(0);
          expect(
            props.filter((prop) => !prop.description).map((prop) => prop.name),
            'props without a description',
          ).toEqual([]);
        }
        if (entry.id === 'guides-theming--docs') {
          // Every custom property the stylesheet declares, each with a live swatch in light and in dark.
          const declared = [
            ...new Set(
              [...readFileSync(path.join(root, 'src/styles.css'), 'utf8').matchAll(/(--fpas-[a-z0-9-]+)\s*:/g)].map(([, name]) => name),
            ),
          ];
          const listed = await page.locator('[data-slot="theme-variables"] tbody th').allTextContents();
          expect(listed.sort()).toEqual(declared.sort());
          for (const name of declared) expect(await page.locator(`[data-variable="${name}"]`).count(), name).toBe(2);
        }
        if (entry.id === 'guides-the-section--docs') {
          // Every rule of docs/rules.md, in order, each with a live story.
          const rules = [...readFileSync(path.join(root, 'docs/rules.md'), 'utf8').matchAll(/^## (B\d+ .+)$/gm)].map(
            ([, heading]) => heading,
          );
          expect(rules).toHaveLength(17);
          expect(await page.locator('h3[id^="rule-b"]').allTextContents()).toEqual(rules);
          expect(await page.locator('iframe[id^="iframe--"]').count()).toBe(17);
        }
        expect(errors, 'uncaught errors on the page').toEqual([]);
        expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  });
});
