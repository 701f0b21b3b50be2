import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { ActiveSessionsSection, type ActiveSessionsLinks, type SessionsClient } from '../src';

// B10 + security: which help links a host's values become. Each case is one link a host could pass;
// the section is rendered as a product team renders it, and the reader sees a link or none.

// A client that answers at once with the reader's own session: the help block shows once the list is in.
const client: SessionsClient = {
  listSessions: async () => ({
    availability: 'available',
    sessions: [{ id: 'own', isCurrent: true, isTrusted: false, status: 'active', apps: ['chatgpt'] }],
  }),
  logOutSession: async () => undefined,
  logOutAllSessions: async () => ({}),
};

async function renderWithLinks(links: ActiveSessionsLinks) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<ActiveSessionsSection client={client} queryClient={queryClient} links={links} />);
  await screen.findByRole('list', { name: /active sessions?$/i });
}

function helpLink(name: string) {
  const help = screen.queryByRole('complementary', { name: "Don't recognize a session?" });
  return help ? within(help).queryByRole('link', { name }) : null;
}

describe('help links (B10)', () => {
  describe('given a link the host supplies', () => {
    it('should render a plain http link, as the README promises', async () => {
      await renderWithLinks({ support: 'http://help.example.com/sessions' });
      expect(helpLink('Contact support')).toHaveAttribute('href', 'http://help.example.com/sessions');
    });

    it('should render a link given with spaces around it, without the spaces', async () => {
      await renderWithLinks({ changePassword: '  https://example.com/password\n' });
      expect(helpLink('Change your password')).toHaveAttribute('href', 'https://example.com/password');
    });
  });

  describe('given a link with whitespace or a control character inside', () => {
    // A URL parser drops or encodes these, so the scheme check alone would let them through; a host value
    // carrying them is a mistake or an attack, and the link is left out.
    it.each([
      ['a NUL character', 'https://example.com/\u0000password'],
      ['a control character at the start of the range', 'https://example.com/\u0001password'],
      ['a control character at the end of the range', 'https://example.com/\u001Fpassword'],
      ['DEL', 'https://example.com/\u007Fpassword'],
      ['a space', 'https://example.com/change password'],
      ['a no-break space', '/settings/\u00A0password'],
      ['a line separator', '/settings/\u2028password'],
    ])('should leave out a link with %s', async (_, href) => {
      await renderWithLinks({ changePassword: href, support: 'https://help.example.com/' });
      expect(helpLink('Change your password')).toBeNull();
      expect(helpLink('Contact support')).toHaveAttribute('href', 'https://help.example.com/');
    });
  });

  describe('given values that are not links at all', () => {
    it('should leave out blank and non-text values, and show no help block when none is left', async () => {
      // A host without TypeScript can pass anything; the section must still render.
      const links = { changePassword: '   ', signInMethods: 42, support: { href: '/support' } } as unknown as ActiveSessionsLinks;
      await renderWithLinks(links);
      expect(screen.queryByRole('complementary')).toBeNull();
      expect(screen.queryByRole('link')).toBeNull();
    });
  });
});
