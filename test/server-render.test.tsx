// @vitest-environment node
// Next.js App Router renders client components on the server first: the section must render there
// (no window, no document) as its loading state, without touching the network.
import { describe, expect, it, vi } from 'vitest';
import { renderToString } from 'react-dom/server';
import { ActiveSessionsSection, ar, type SessionsClient } from '../src';

describe('ActiveSessionsSection on the server', () => {
  it('should render the loading state with no DOM and send no request', () => {
    const client: SessionsClient = {
      listSessions: vi.fn(async () => ({ availability: 'available' as const, sessions: [] })),
      logOutSession: vi.fn(async () => {}),
      logOutAllSessions: vi.fn(async () => ({})),
    };
    expect(typeof document).toBe('undefined');
    const html = renderToString(<ActiveSessionsSection client={client} />);
    expect(html).toContain('Active sessions');
    expect(html).toContain('Loading active sessions…');
    expect(html).toContain('aria-busy="true"');
    expect(client.listSessions).not.toHaveBeenCalled();
  });

  it('should render the direction and language of the locale', () => {
    const client = { listSessions: async () => ({ availability: 'available' as const, sessions: [] }) } as unknown as SessionsClient;
    const html = renderToString(<ActiveSessionsSection client={client} locale="ar" strings={ar} />);
    expect(html).toMatch(/dir="rtl"/);
    expect(html).toMatch(/lang="ar"/);
    expect(html).toContain(ar['section.title']);
  });
});
