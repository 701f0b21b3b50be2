import { describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { findList, renderSection, screen } from './section';
import { startScreenReader } from './screenReader';
import { press, tabTo } from './keyboard';

/**
 * What a screen-reader user hears, from @guidepup/virtual-screen-reader over the section in Chromium,
 * driven by real key presses. Its phrases put the role first ("button, Log out Edge on Windows")
 * where NVDA or VoiceOver would say it last.
 */
// The confirm button says "Logging out…" while the request runs (its own aria-live); against the
// in-process mocks that may be too quick to be heard, so flows leave it out.
const withoutProgress = (phrases: string[]) => phrases.filter((phrase) => phrase !== 'polite: Logging out…');

describe('screen reader', () => {
  describe('given a logout that succeeds', () => {
    it('should say the dialog, then where focus lands, then "Logged out …", written where it can be heard', async () => {
      const { section } = renderSection({ scenario: 'typical' });
      await findList();
      const reader = await startScreenReader(section);
      await tabTo('Log out Edge on Windows');
      await reader.spoken();

      await press('{Enter}');
      await screen.findByRole('dialog');
      await press('{Tab}');
      expect(await reader.spoken()).toEqual([
        'dialog, Log out Edge on Windows?, This ends the session on Edge on Windows. Anyone using it will need to sign in again.',
        'button, Cancel',
        'button, Log out',
      ]);

      await press('{Enter}');
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      await reader.hears('polite: Logged out Edge on Windows.');
      expect(withoutProgress(await reader.spoken())).toEqual([
        'button, Log out ChatGPT app on iOS',
        'polite: Logged out Edge on Windows.',
      ]);
      // Written while the dialog still hid the rest of the section, it would never reach a screen reader.
      expect(reader.live.filter((write) => write.text.startsWith('Logged out'))).toEqual([{ text: 'Logged out Edge on Windows.', exposed: true }]);
    });
  });
});
