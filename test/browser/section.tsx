import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { afterEach, beforeEach, vi } from 'vitest';
import { createHandlers, type MockOptions } from '../../mocks';
import { ActiveSessionsSection, createFetchSessionsClient, type ActiveSessionsSectionProps } from '../../src';
import '../../src/styles.css';

/** The moment every browser test is seen from (in UTC, see vite.config.ts), so spoken dates never drift. */
export const NOW = Date.parse('2026-03-02T10:00:00Z');

beforeEach(() => {
  // Only Date: timers stay real, so React, Radix and the mocks run as in a browser.
  vi.useFakeTimers({ toFake: ['Date'], now: NOW, shouldAdvanceTime: true });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

type RenderOptions = Partial<ActiveSessionsSectionProps> & {
  /** A scenario of mocks/, as the stories use them. @default 'typical' */
  scenario?: MockOptions['scenario'];
  /** How many list requests fail with a 500 before the scenario answers. @default 0 */
  failedLoads?: number;
  /** The width of the host's column, in CSS pixels. @default 760 */
  width?: number;
};

/**
 * The drop-in section in real Chromium, with the stylesheet, over a scenario of mocks/ (answered by its
 * MSW handlers in-process), in a column `width` CSS pixels wide.
 */
export function renderSection({ scenario = 'typical', failedLoads = 0, width = 760, ...props }: RenderOptions = {}) {
  const baseUrl = `${location.origin}/api`;
  const handlers = createHandlers({ baseUrl, scenario });
  let failures = failedLoads;
  const failing: HttpHandler = http.get(`${baseUrl}/sessions`, () => {
    if (failures <= 0) return undefined;
    failures -= 1;
    return HttpResponse.json({ error: { code: 'internal' } }, { status: 500 });
  });
  const client = createFetchSessionsClient({
    baseUrl,
    fetch: async (input, init) =>
      (await getResponse([failing, ...handlers], new Request(input, init))) ?? new Response(null, { status: 404 }),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <main style={{ inlineSize: width, padding: 16 }}>
      <ActiveSessionsSection client={client} queryClient={queryClient} {...props} />
    </main>,
  );
  const section = view.container.querySelector<HTMLElement>('[data-slot="active-sessions"]')!;
  return { ...view, section, store: handlers.store };
}

/** The list of sessions, once loaded. */
export function findList() {
  return screen.findByRole('list', { name: /\d/ });
}

export { screen, within };
