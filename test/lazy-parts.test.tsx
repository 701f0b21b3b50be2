import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { ActiveSessionsSection, SessionRow, createFetchSessionsClient, pl, type ActiveSessionsSectionProps, type Session } from '../src';
import { createFixtures } from '../mocks';
import { BASE_URL, useScenario } from './server';

// Issue 23: the dialogs and the row menu load on demand, with the messages only they show.

const f = createFixtures();
const edge: Session = {
  id: 'sess_windows',
  isCurrent: false,
  isTrusted: false,
  status: 'active',
  apps: ['chatgpt'],
  device: { browser: 'Edge', os: 'Windows', type: 'desktop' },
};

function renderSection(props: Partial<ActiveSessionsSectionProps> = {}) {
  const client = createFetchSessionsClient({ baseUrl: BASE_URL });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<ActiveSessionsSection client={client} queryClient={queryClient} {...props} />);
  return userEvent.setup();
}

describe('parts loaded on demand', () => {
  describe('given a host that passes its own strings', () => {
    it("should show the confirmation in the host's language, its strings first", async () => {
      useScenario({ sessions: [f.current, f.other] });
      const user = renderSection({ locale: 'pl', strings: pl });
      await user.click(await screen.findByRole('button', { name: 'Wyloguj „Edge w systemie Windows”' }));

      expect(await screen.findByRole('dialog', { name: 'Wylogować „Edge w systemie Windows”?' })).toBeInTheDocument();
    });

    it("should read a message the host's catalog lacks in English, which came with the dialog", async () => {
      useScenario({ sessions: [f.current, f.other] });
      const { 'logOutAll.modal.title': _left, ...partial } = pl;
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const user = renderSection({ locale: 'pl', strings: partial });
      await user.click(await screen.findByRole('button', { name: 'Wyloguj wszystkie' }));

      const dialog = await screen.findByRole('dialog', { name: 'Log out of all devices?' });
      expect(within(dialog).getByRole('button', { name: pl['logOutAll.confirm'] })).toBeInTheDocument();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('"logOutAll.modal.title" is missing for "pl"'));
      warn.mockRestore();
    });
  });

  describe('given the row menu of a narrow container', () => {
    it('should show a closed menu button before it is opened, then Log out in the loaded menu', async () => {
      const onLogOut = vi.fn();
      const user = userEvent.setup();
      render(<SessionRow session={edge} canLogOut actions="menu" onLogOut={onLogOut} />);
      const trigger = screen.getByRole('button', { name: 'Actions for Edge on Windows' });
      expect(trigger).toHaveAttribute('aria-haspopup', 'menu');
      expect(trigger).toHaveAttribute('aria-expanded', 'false');

      await user.click(trigger);
      await user.click(await screen.findByRole('menuitem', { name: 'Log out Edge on Windows' }));
      expect(onLogOut).toHaveBeenCalledTimes(1);
    });

    it("should focus the menu's Log out when the keyboard opens it with ArrowDown", async () => {
      const user = userEvent.setup();
      render(<SessionRow session={edge} canLogOut actions="menu" onLogOut={() => {}} />);
      screen.getByRole('button', { name: 'Actions for Edge on Windows' }).focus();
      await user.keyboard('{ArrowDown}');

      const item = await screen.findByRole('menuitem', { name: 'Log out Edge on Windows' });
      await waitFor(() => expect(item).toHaveFocus());
    });
  });
});
