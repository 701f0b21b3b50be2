import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import fc from 'fast-check';
import { ActiveSessionsSection, createFetchSessionsClient, type ActiveSessionsSectionProps } from '../src';
import type { WireSession } from '../kit/src/contract';
import { createFixtures } from '../mocks';
import { BASE_URL } from './server';
import { createFaultyApi, sleep } from './faultyApi';

// Security of the rendered section: server text is inert and bounded, host links are filtered, the
// reader's own session cannot be logged out from its row, and nothing destructive happens unconfirmed.

const f = createFixtures();
// eslint-disable-next-line no-control-regex -- the test looks for control characters that must not reach the page
const BIDI_AND_INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\u2060\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

declare global {
  interface Window {
    __pwned?: number;
  }
}

function renderSection(props: Partial<ActiveSessionsSectionProps> = {}) {
  const user = userEvent.setup();
  const client = createFetchSessionsClient({ baseUrl: BASE_URL });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(<ActiveSessionsSection client={client} queryClient={queryClient} {...props} />);
  return { user, queryClient, ...view };
}

async function rows() {
  const list = await screen.findByRole('list', { name: /active sessions?$/i });
  return within(list).getAllByRole('listitem');
}

function section() {
  return document.querySelector('[data-slot="active-sessions"]') as HTMLElement;
}

/** Every piece of text a person or a screen reader can get: text nodes and the attributes that are read out. */
function everyText(root: HTMLElement): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.nodeValue ?? '');
  for (const element of root.querySelectorAll('*')) {
    for (const name of ['aria-label', 'title', 'alt', 'aria-description', 'placeholder']) {
      const value = element.getAttribute(name);
      if (value !== null) texts.push(value);
    }
  }
  return texts;
}

afterEach(() => {
  delete window.__pwned;
  vi.restoreAllMocks();
});

describe('security of the rendered section', () => {
  describe('given hostile device, browser, OS and location strings', () => {
    const hostile: WireSession = {
      ...f.other,
      id: 'sess_hostile',
      device: {
        browser: '<script>window.__pwned = 1</script>',
        os: '<img src=x onerror="window.__pwned = 2">',
        type: 'desktop',
      },
      location: {
        city: '"><svg onload="window.__pwned=3"><b>Bold</b>',
        region: '<iframe src="javascript:window.__pwned=4"></iframe>',
        country: '<a href="javascript:alert(1)">click</a>',
      },
      apps: ['<style>*{display:none}</style>'],
    };

    it('should render them as inert text: no element made from them, no script run', async () => {
      createFaultyApi([f.current, hostile]);
      renderSection();
      await rows();
      await sleep(20);
      const root = section();
      expect(root.querySelectorAll('script, img, iframe, style, b, object, embed')).toHaveLength(0);
      expect(root.querySelectorAll('[onload], [onerror], [onclick]')).toHaveLength(0);
      // The only links are the help links (none supplied here).
      expect(root.querySelectorAll('a')).toHaveLength(0);
      expect(window.__pwned).toBeUndefined();
      const row = screen.getByText(/window\.__pwned = 1/, { selector: 'bdi' }).closest('li')!;
      expect(row).toHaveTextContent('<script>window.__pwned = 1</script> on <img src=x onerror="window.__pwned = 2">');
      expect(row).toHaveTextContent('"><svg onload="window.__pwned=3"><b>Bold</b>');
      // An unknown app id reads as the generic label, never as markup.
      expect(within(row).getByText('Other app')).toBeInTheDocument();
    });

    it('should strip bidi overrides, isolates, zero-width and control characters from everything shown', async () => {
      createFaultyApi([
        f.current,
        {
          ...f.other,
          id: 'sess_bidi',
          device: { browser: 'Chrome\u202E\u200Bexe.cod', os: 'Win\u2060dows\u0007', type: 'desktop' },
          location: { city: '\u2066Evil\u2069\u202Dville', region: 'Re\uFEFFgion', country: 'PL' },
        },
      ]);
      renderSection();
      await rows();
      for (const text of everyText(section())) expect(text).not.toMatch(BIDI_AND_INVISIBLE);
      expect(screen.getByText('Chromeexe.cod on Windows', { selector: 'bdi' })).toBeInTheDocument();
      expect(screen.getByText('Evilville, Region, Poland (approximate)', { selector: 'bdi' })).toBeInTheDocument();
    });

    it('should cut 10,000-character names with an ellipsis, in the text and in accessible names', async () => {
      const huge = 'W'.repeat(10_000);
      createFaultyApi([
        f.current,
        { ...f.other, id: 'sess_huge', device: { browser: huge, os: '😀'.repeat(10_000) }, location: { city: huge } },
      ]);
      renderSection();
      await rows();
      const device = screen.getByText(/^W+… on 😀+…$/u, { selector: 'bdi' });
      expect(Array.from(device.textContent).length).toBeLessThanOrEqual(2 * 80 + ' on '.length);
      expect(device.textContent).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      const logOut = within(device.closest('li')!).getByRole('button', { name: /^Log out / });
      expect(logOut.getAttribute('aria-label')!.length).toBeLessThan(400);
      expect(section().textContent.length).toBeLessThan(5_000);
    });

    it('should show server text that happens to read "undefined" or "null" as it is, adding nothing of its own', async () => {
      createFaultyApi([f.current, { ...f.other, id: 'sess_words', device: { browser: 'undefined', os: 'null' } }]);
      renderSection();
      await rows();
      expect(screen.getByText('undefined on null', { selector: 'bdi' })).toBeInTheDocument();
      const others = everyText(section()).filter((text) => !text.includes('undefined on null'));
      for (const text of others) expect(text).not.toMatch(/undefined|null|NaN|Invalid Date/);
    });
  });

  describe('given help links from the host (B10)', () => {
    it.each([
      ['javascript:', 'javascript:alert(document.cookie)'],
      ['JavaScript: in mixed case', 'JaVaScRiPt:alert(1)'],
      ['javascript: after a space', '  javascript:alert(1)'],
      ['javascript: split by a tab', 'java\tscript:alert(1)'],
      ['javascript: split by a newline', 'java\nscript:alert(1)'],
      ['data:', 'data:text/html,<script>alert(1)</script>'],
      ['data: in base64', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
      ['vbscript:', 'vbscript:msgbox(1)'],
      ['file:', 'file:///etc/passwd'],
    ])('should not render a %s link', async (_, href) => {
      createFaultyApi([f.current]);
      renderSection({ links: { changePassword: href, signInMethods: '/settings/sign-in', support: 'https://help.example.com/' } });
      await rows();
      expect(screen.queryByRole('link', { name: 'Change your password' })).toBeNull();
      expect(screen.getByRole('link', { name: 'Review your sign-in methods' })).toHaveAttribute('href', '/settings/sign-in');
      for (const link of section().querySelectorAll('a')) {
        expect(link.getAttribute('href')).toMatch(/^(https:\/\/|\/)/);
      }
    });

    it('should render https and relative links', async () => {
      createFaultyApi([f.current]);
      renderSection({
        links: { changePassword: 'https://example.com/password', signInMethods: '/security/methods', support: 'support' },
      });
      await rows();
      expect(screen.getByRole('link', { name: 'Change your password' })).toHaveAttribute('href', 'https://example.com/password');
      expect(screen.getByRole('link', { name: 'Review your sign-in methods' })).toHaveAttribute('href', '/security/methods');
      expect(screen.getByRole('link', { name: 'Contact support' })).toHaveAttribute('href', 'support');
    });
  });

  describe('given the current session (B3)', () => {
    it('should never offer Log out on it, even when a later response marks it not current', async () => {
      const api = createFaultyApi([f.current, f.other]);
      const { queryClient } = renderSection();
      await rows();
      const currentRow = () => screen.getByText('Chrome on macOS', { selector: 'bdi' }).closest('li')!;
      expect(within(currentRow()).queryByRole('button', { name: /log out/i })).toBeNull();
      // A later (buggy or tampered) response says it is no longer current.
      api.sessions = api.sessions.map((s) => ({ ...s, is_current: false }));
      await act(() => queryClient.refetchQueries());
      expect(api.count('GET')).toBe(2);
      expect(within(currentRow()).queryByRole('button', { name: /log out/i })).toBeNull();
      expect(within(currentRow()).getByText('CURRENT SESSION')).toBeInTheDocument();
      // The other row still has its Log out.
      const otherRow = screen.getByText('Edge on Windows', { selector: 'bdi' }).closest('li')!;
      expect(within(otherRow).getByRole('button', { name: /log out/i })).toBeInTheDocument();
      expect(api.count('DELETE')).toBe(0);
    });

    it('should not offer Log out on a row when a repeated copy of it in the response says it is current', async () => {
      // A buggy server lists the reader's session twice; only the second copy says it is current.
      const api = createFaultyApi([{ ...f.current, is_current: false }, f.other, f.current]);
      renderSection();
      await rows();
      const row = screen.getByText('Chrome on macOS', { selector: 'bdi' }).closest('li')!;
      expect(within(row).queryByRole('button', { name: /log out/i })).toBeNull();
      expect(within(row).getByText('CURRENT SESSION')).toBeInTheDocument();
      expect(api.count('DELETE')).toBe(0);
    });
  });

  describe('given a destructive action (B4, B6)', () => {
    it('should send no DELETE until the modal confirm, and none on Cancel or Esc', async () => {
      const api = createFaultyApi([f.current, f.other, f.trusted]);
      const { user } = renderSection();
      await rows();
      const logOutEdge = () => screen.getByRole('button', { name: 'Log out Edge on Windows' });

      await user.click(logOutEdge());
      const dialog = await screen.findByRole('dialog');
      expect(api.count('DELETE')).toBe(0);
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(api.count('DELETE')).toBe(0);

      await user.click(logOutEdge());
      await screen.findByRole('dialog');
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(api.count('DELETE')).toBe(0);

      await user.click(logOutEdge());
      await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Log out' }));
      await waitFor(() => expect(api.count('DELETE')).toBe(1));
      expect(api.requests).toContain('DELETE /sessions/sess_windows?remove_trusted_device=false');
    });

    it('should confirm a trusted device with Log out and remove before sending anything', async () => {
      const api = createFaultyApi([f.current, f.trusted]);
      const { user } = renderSection();
      await rows();
      await user.click(screen.getByRole('button', { name: 'Log out ChatGPT app on iOS' }));
      const dialog = await screen.findByRole('dialog');
      expect(api.count('DELETE')).toBe(0);
      await user.click(within(dialog).getByRole('button', { name: 'Log out and remove' }));
      await waitFor(() => expect(api.requests).toContain('DELETE /sessions/sess_iphone?remove_trusted_device=true'));
    });

    it('should send no POST for Log out all until "Log out of all devices" is confirmed', async () => {
      const api = createFaultyApi([f.current, f.other]);
      const onSignedOut = vi.fn();
      const { user } = renderSection({ onSignedOut });
      await rows();
      await user.click(screen.getByRole('button', { name: 'Log out all' }));
      let dialog = await screen.findByRole('dialog');
      expect(api.count('POST')).toBe(0);
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      await user.click(screen.getByRole('button', { name: 'Log out all' }));
      await screen.findByRole('dialog');
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(api.count('POST')).toBe(0);
      expect(onSignedOut).not.toHaveBeenCalled();

      await user.click(screen.getByRole('button', { name: 'Log out all' }));
      dialog = await screen.findByRole('dialog');
      await user.click(within(dialog).getByRole('button', { name: 'Log out of all devices' }));
      await waitFor(() => expect(api.count('POST')).toBe(1));
      await waitFor(() => expect(onSignedOut).toHaveBeenCalledTimes(1));
    });
  });
});

// ————— property: arbitrary near-valid payloads rendered —————

const SEED = 20_240_611;
let renderedCases = 0;
afterAll(() => console.log(`[security] fast-check rendered the section for ${renderedCases} generated payloads (seed ${SEED})`));

const FORBIDDEN = /undefined|null|nan|invalid date/i;
// Server text that does not itself contain the words checked for, nor separators we add.
const serverText = fc
  .oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', '   ', '\u202E', '\u200B', '<b>x</b>', '😀'.repeat(90), 'Z'.repeat(200)))
  .filter((s) => !FORBIDDEN.test(s));
const optional = <T,>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), fc.constant(null), arb);
const validRow = fc.record(
  {
    id: fc.uuid(),
    is_current: fc.constant(false),
    is_trusted: fc.boolean(),
    status: fc.constantFrom('active', 'unavailable', 'quarantined'),
    apps: optional(fc.array(fc.oneof(fc.constantFrom('chatgpt', 'codex', 'api_platform'), serverText), { maxLength: 3 })),
    device: optional(
      fc.record(
        { browser: optional(serverText), os: optional(serverText), type: optional(fc.constantFrom('desktop', 'mobile', 'fridge')) },
        { requiredKeys: [] },
      ),
    ),
    location: optional(
      fc.record(
        {
          city: optional(serverText),
          region: optional(serverText),
          country: optional(fc.oneof(serverText, fc.constantFrom('PL', 'jp', 'ZZ'))),
        },
        { requiredKeys: [] },
      ),
    ),
    signed_in_at: optional(
      fc.oneof(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom('yesterday', '2024-13-45', ''),
      ),
    ),
  },
  { requiredKeys: ['id', 'is_current', 'is_trusted', 'status'] },
);
const invalidRow = fc.oneof(
  validRow.map((row) => ({ ...row, id: 42 })),
  validRow.map((row) => ({ ...row, is_trusted: 'yes' })),
  validRow.map((row) => ({ ...row, apps: 'chatgpt' })),
  validRow.map((row) => ({ ...row, device: { browser: 7 } })),
  validRow.map((row) => ({ ...row, signed_in_at: 12345 })),
  fc.constantFrom(null, 'row', 3, []),
);
const payload = fc.record({
  current: validRow.map((row) => ({ ...row, is_current: true, status: 'active' })),
  others: fc.array(
    fc.oneof(
      { weight: 3, arbitrary: validRow.map((wire) => ({ valid: true as const, wire })) },
      { weight: 1, arbitrary: invalidRow.map((wire) => ({ valid: false as const, wire })) },
    ),
    { maxLength: 8 },
  ),
});

describe('the section, given arbitrary near-valid payloads', () => {
  it('never shows "undefined", "null", "NaN" or "Invalid Date", and renders every valid row beside invalid ones', async () => {
    await fc.assert(
      fc.asyncProperty(payload, async ({ current, others }) => {
        renderedCases += 1;
        const body = JSON.stringify({ sessions: [current, ...others.map((o) => o.wire)] });
        const client = createFetchSessionsClient({
          baseUrl: 'https://sessions.example/api',
          fetch: async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
        });
        const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
        try {
          render(<ActiveSessionsSection client={client} queryClient={queryClient} />);
          const list = await screen.findByRole('list', { name: /active sessions?$/i });
          const validCount = 1 + others.filter((o) => o.valid).length;
          const invalidCount = others.length - (validCount - 1);
          expect(within(list).getAllByRole('listitem')).toHaveLength(validCount);
          if (invalidCount > 0) {
            expect(section().querySelector('[data-slot="skipped"]')).toHaveTextContent(
              invalidCount === 1 ? "1 session couldn't be shown" : `${invalidCount} sessions couldn't be shown`,
            );
          } else {
            expect(section().querySelector('[data-slot="skipped"]')).toBeNull();
          }
          for (const text of everyText(section())) {
            expect(text).not.toMatch(/undefined|null|NaN|Invalid Date/);
            expect(text).not.toMatch(/[\u202A-\u202E\u200B]/);
          }
          // The current session has no Log out (B3), whatever else the payload holds.
          const currentRow = section().querySelector('[data-current]')!;
          expect(within(currentRow as HTMLElement).queryByRole('button', { name: /log out/i })).toBeNull();
        } finally {
          cleanup();
          queryClient.clear();
        }
      }),
      { seed: SEED, numRuns: 30 },
    );
  }, 30_000);
});
