import { describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { findList, renderSection, screen, within } from './section';
import { focused, press, tabTo } from './keyboard';

/**
 * Every flow with the keyboard alone, in Chromium with the stylesheet: real key presses (Playwright),
 * and after each one the focused element matches :focus-visible and draws an outline or a shadow.
 */

/** Waits until focus is on the element named `name`, and checks it shows. */
async function focusLandsOn(name: string | RegExp) {
  await waitFor(() => expect(document.activeElement).toHaveAccessibleName(name));
  return focused();
}

async function openDialog(name: string) {
  const dialog = await screen.findByRole('dialog', { name });
  await focusLandsOn('Cancel');
  return dialog;
}

describe('keyboard only', () => {
  describe('given a session to log out', () => {
    it('should log it out with Tab and Enter, then focus the row before it, the last row being gone (B12 lists Edge last)', async () => {
      const { store } = renderSection();
      await findList();
      await tabTo('Log out Edge on Windows');
      await press('{Enter}');
      await openDialog('Log out Edge on Windows?');
      await press('{Tab}');
      expect(focused()).toHaveAccessibleName('Log out');
      await press('{Enter}');
      await waitFor(() => expect(screen.queryByText('Edge on Windows')).toBeNull());
      await focusLandsOn('Log out Chrome on Windows');
      expect(store.requests).toContain('DELETE /sessions/sess_windows?remove_trusted_device=false');
    });

    it("should log out and remove a trusted device with Space, then focus the next row's Log out", async () => {
      const { store } = renderSection();
      await findList();
      await tabTo('Log out ChatGPT app on iOS');
      await press(' ');
      await openDialog('Log out ChatGPT app on iOS?');
      await press('{Tab}');
      expect(focused()).toHaveAccessibleName('Log out and remove');
      await press(' ');
      await waitFor(() => expect(screen.queryByText('ChatGPT app on iOS')).toBeNull());
      await focusLandsOn('Log out Chrome on Windows');
      expect(store.requests).toContain('DELETE /sessions/sess_iphone?remove_trusted_device=true');
    });

    it('should keep focus inside the dialog, and cancel with Esc back to the same Log out, sending nothing', async () => {
      const { store } = renderSection();
      await findList();
      const button = await tabTo('Log out Edge on Windows');
      await press('{Enter}');
      await openDialog('Log out Edge on Windows?');
      await press('{Tab}');
      await press('{Tab}');
      expect(focused()).toHaveAccessibleName('Cancel');
      await press('{Shift>}{Tab}{/Shift}');
      expect(focused()).toHaveAccessibleName('Log out');
      await press('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      await waitFor(() => expect(button).toHaveFocus());
      focused();
      expect(store.requests).toEqual(['GET /sessions']);
    });
  });

  describe('given Log out of all sessions', () => {
    it('should confirm with the keyboard and focus the outcome', async () => {
      const { store } = renderSection();
      await findList();
      await tabTo('Log out all');
      await press('{Enter}');
      await openDialog('Log out of all devices?');
      await press('{Tab}');
      expect(focused()).toHaveAccessibleName('Log out of all devices');
      await press('{Enter}');
      await waitFor(() => expect(document.activeElement).toHaveTextContent("You're being logged out of all sessions."));
      focused();
      expect(store.requests).toEqual(['GET /sessions', 'POST /sessions/logout_all']);
    });
  });

  describe('given a failing logout', () => {
    it('should keep focus on Log out to try again, then return to the row with Esc', async () => {
      const { store } = renderSection({ scenario: 'logoutFails' });
      await findList();
      await tabTo('Log out Edge on Windows');
      await press('{Enter}');
      const dialog = await openDialog('Log out Edge on Windows?');
      await press('{Tab}');
      await press('{Enter}');
      await within(dialog).findByRole('alert');
      expect(focused()).toHaveAccessibleName('Log out');
      await waitFor(() => expect(document.activeElement).not.toHaveAttribute('aria-disabled'));
      await press('{Enter}');
      await waitFor(() => expect(store.requests.filter((request) => request.startsWith('DELETE'))).toHaveLength(2));
      await waitFor(() => expect(document.activeElement).not.toHaveAttribute('aria-disabled'));
      expect(focused()).toHaveAccessibleName('Log out');
      await press('{Escape}');
      await focusLandsOn('Log out Edge on Windows');
      expect(screen.getByText("Couldn't log out.")).toBeVisible();
    });

    it('should load the list with Try again; the next Tab goes on to the first Log out', async () => {
      renderSection({ failedLoads: 2 });
      await screen.findByRole('alert');
      await tabTo('Try again');
      await press('{Enter}');
      await findList();
      // What the code does today: Try again goes away with the error, and focus with it, to the page.
      // Chromium carries on from where it was, so the next Tab reaches the first row's Log out.
      // (Focusing the first row instead costs about 35 bytes, over the section's byte guard.)
      expect(document.activeElement).toBe(document.body);
      await press('{Tab}');
      expect(focused()).toHaveAccessibleName('Log out ChatGPT app on iOS');
    });
  });

  describe("given Don't recognize it? (B14)", () => {
    it("should secure the account with Tab and Enter, then focus the next steps' heading with a visible ring, then Tab to its first step", async () => {
      const { store } = renderSection({ links: { changePassword: '/password', support: 'https://help.example/contact' } });
      await findList();
      await tabTo("Don't recognize it? Edge on Windows");
      await press('{Enter}');
      await openDialog('Secure your account');
      await press('{Tab}');
      expect(focused()).toHaveAccessibleName('Log out and secure account');
      await press('{Enter}');
      await focusLandsOn('Edge on Windows was logged out');
      expect(store.requests).toContain('DELETE /sessions/sess_windows?remove_trusted_device=true&reason=unrecognized');
      await press('{Tab}');
      expect(focused()).toHaveAccessibleName('Change your password');
    });
  });

  describe('given more sessions than a page', () => {
    it('should show more with Enter and focus the first row it revealed, then its Log out', async () => {
      renderSection({ scenario: 'many' });
      const list = await findList();
      expect(within(list).getAllByRole('listitem')).toHaveLength(50);
      // Two stops per row: Log out and Don't recognize it? (B14).
      await tabTo(/^Show \d+ more/, { limit: 160 });
      await press('{Enter}');
      await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(100));
      const row = within(list).getAllByRole('listitem')[50]!;
      await waitFor(() => expect(row).toHaveFocus());
      focused();
      await press('{Tab}');
      expect(focused()).toBe(within(row).getAllByRole('button')[0]);
    });
  });

  describe('at 320 px, where Log out is in a menu', () => {
    it('should open the menu with Enter, choose Log out, confirm, and focus the menu of the row before it, the last row being gone', async () => {
      const { store } = renderSection({ width: 320 });
      await findList();
      await tabTo('Actions for Edge on Windows');
      await press('{Escape}');
      await press('{ArrowDown}');
      await focusLandsOn('Log out Edge on Windows');
      await press('{Escape}');
      // The first open replaced the plain trigger with the loaded menu's own: the same button by name and place.
      await focusLandsOn('Actions for Edge on Windows');
      await press('{Enter}');
      await focusLandsOn('Log out Edge on Windows');
      await press('{Enter}');
      await openDialog('Log out Edge on Windows?');
      await press('{Tab}');
      await press('{Enter}');
      await waitFor(() => expect(screen.queryByText('Edge on Windows')).toBeNull());
      await focusLandsOn('Actions for Chrome on Windows');
      expect(store.requests).toContain('DELETE /sessions/sess_windows?remove_trusted_device=false');
    });
  });
});
