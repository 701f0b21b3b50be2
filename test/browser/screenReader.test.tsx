import { describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { ar, pl } from '../../src';
import { findList, renderSection, screen } from './section';
import { startScreenReader } from './screenReader';
import { press, tabTo } from './keyboard';

/**
 * What a screen-reader user hears, from @guidepup/virtual-screen-reader over the section in Chromium
 * (with the stylesheet, so what CSS hides or shows counts), driven by real key presses. Its phrases put
 * the role first ("button, Log out Edge on Windows") where NVDA or VoiceOver would say it last; a live
 * region's update reads "polite: …". The mocks' sessions are seen from a fixed moment, in UTC.
 */

// The confirm button says "Logging out…" while the request runs (its own aria-live); against the
// in-process mocks that may be too quick to be heard, so flows leave it out.
const withoutProgress = (phrases: string[]) => phrases.filter((phrase) => !/^polite: (Logging out…|Log out)$/.test(phrase));

/** Only the phrases that name a part (region, heading, list, row, button, dialog, alert), not each text run inside. */
const outline = (phrases: string[]) =>
  phrases.filter((phrase) => /^(region|heading|list|listitem|button|dialog|alert|status), /.test(phrase));

async function openAndConfirm(device: string | RegExp) {
  await tabTo(device);
  await press('{Enter}');
  await screen.findByRole('dialog');
  await press('{Tab}');
  await press('{Enter}');
}

describe('screen reader', () => {
  describe('given the typical list, in English', () => {
    it('should read the heading, the intro, each row as one phrase, its Log out button and the rest, in order', async () => {
      const { section } = renderSection();
      await findList();
      const reader = await startScreenReader(section);
      expect(await reader.read()).toEqual([
        'region, Active sessions',
        'heading, Active sessions, level 2',
        'paragraph',
        "Review where your account is signed in. If you don't recognize a session, log it out.",
        'end of paragraph',
        'list, 4 active sessions',
        'listitem, Chrome on macOS, CURRENT SESSION, Apps: ChatGPT, San Francisco, California, United States (approximate), Signed in Mar 2, 2026, 9:48 AM (12 minutes ago), Active now, level 1, position 1, set size 4',
        'paragraph',
        'Chrome on macOS',
        'CURRENT SESSION',
        'end of paragraph',
        'paragraph',
        'Apps:',
        'ChatGPT',
        'end of paragraph',
        'paragraph',
        'San Francisco, California, United States (approximate)',
        'time',
        'Signed in Mar 2, 2026, 9:48 AM (12 minutes ago)',
        'end of time',
        'time',
        'Active now',
        'end of time',
        'end of paragraph',
        'end of listitem, Chrome on macOS, CURRENT SESSION, Apps: ChatGPT, San Francisco, California, United States (approximate), Signed in Mar 2, 2026, 9:48 AM (12 minutes ago), Active now, level 1, position 1, set size 4',
        'listitem, ChatGPT app on iOS, Trusted device, Apps: ChatGPT, Berlin, Germany (approximate), Signed in Feb 25, 2026, 10:00 AM (5 days ago), Active now, level 1, position 2, set size 4',
        'paragraph',
        'ChatGPT app on iOS',
        'Trusted device',
        'end of paragraph',
        'paragraph',
        'Apps:',
        'ChatGPT',
        'end of paragraph',
        'paragraph',
        'Berlin, Germany (approximate)',
        'time',
        'Signed in Feb 25, 2026, 10:00 AM (5 days ago)',
        'end of time',
        'time',
        'Active now',
        'end of time',
        'end of paragraph',
        'button, Log out ChatGPT app on iOS',
        'Log out',
        'end of button, Log out ChatGPT app on iOS',
        "button, Don't recognize it? ChatGPT app on iOS",
        "Don't recognize it?",
        "end of button, Don't recognize it? ChatGPT app on iOS",
        'end of listitem, ChatGPT app on iOS, Trusted device, Apps: ChatGPT, Berlin, Germany (approximate), Signed in Feb 25, 2026, 10:00 AM (5 days ago), Active now, level 1, position 2, set size 4',
        'listitem, Chrome on Windows, New sign-in, Apps: ChatGPT, Codex, API Platform, Tokyo, Japan (approximate), Signed in Mar 2, 2026, 7:00 AM (3 hours ago), Last active 50 minutes ago, level 1, position 3, set size 4',
        'paragraph',
        'Chrome on Windows',
        'New sign-in',
        'end of paragraph',
        'paragraph',
        'Apps:',
        'ChatGPT',
        'Codex',
        'API Platform',
        'end of paragraph',
        'paragraph',
        'Tokyo, Japan (approximate)',
        'time',
        'Signed in Mar 2, 2026, 7:00 AM (3 hours ago)',
        'end of time',
        'time',
        'Last active 50 minutes ago',
        'end of time',
        'end of paragraph',
        'button, Log out Chrome on Windows',
        'Log out',
        'end of button, Log out Chrome on Windows',
        "button, Don't recognize it? Chrome on Windows",
        "Don't recognize it?",
        "end of button, Don't recognize it? Chrome on Windows",
        'end of listitem, Chrome on Windows, New sign-in, Apps: ChatGPT, Codex, API Platform, Tokyo, Japan (approximate), Signed in Mar 2, 2026, 7:00 AM (3 hours ago), Last active 50 minutes ago, level 1, position 3, set size 4',
        'listitem, Edge on Windows, Apps: ChatGPT, Austin, Texas, United States (approximate), Signed in Feb 28, 2026, 10:00 AM (2 days ago), Last active 3 hours ago, level 1, position 4, set size 4',
        'paragraph',
        'Edge on Windows',
        'end of paragraph',
        'paragraph',
        'Apps:',
        'ChatGPT',
        'end of paragraph',
        'paragraph',
        'Austin, Texas, United States (approximate)',
        'time',
        'Signed in Feb 28, 2026, 10:00 AM (2 days ago)',
        'end of time',
        'time',
        'Last active 3 hours ago',
        'end of time',
        'end of paragraph',
        'button, Log out Edge on Windows',
        'Log out',
        'end of button, Log out Edge on Windows',
        "button, Don't recognize it? Edge on Windows",
        "Don't recognize it?",
        "end of button, Don't recognize it? Edge on Windows",
        'end of listitem, Edge on Windows, Apps: ChatGPT, Austin, Texas, United States (approximate), Signed in Feb 28, 2026, 10:00 AM (2 days ago), Last active 3 hours ago, level 1, position 4, set size 4',
        'end of list, 4 active sessions',
        'region, Log out of all sessions',
        'heading, Log out of all sessions, level 3',
        'paragraph',
        'End every session on every device, including this one.',
        'end of paragraph',
        'button, Log out all, not expanded, has popup dialog',
        'end of region, Log out of all sessions',
        'paragraph',
        "Third-party app sessions, connected apps, Sign in with ChatGPT sessions used only for third-party services, and Codex CLI sessions aren't shown here.",
        'end of paragraph',
        'status',
        'end of region, Active sessions',
      ]);
    });
  });

  describe('given every row state', () => {
    it('should read each row as one phrase: device, badges, apps, approximate place, sign-in time and status', async () => {
      const { section } = renderSection({ scenario: 'everyRowState' });
      await findList();
      const reader = await startScreenReader(section);
      // The scenario fails Chrome on Windows, keeps Sora listed as signing out and never answers for iPadOS.
      for (const device of ['Chrome on Windows', 'Sora app on Android', 'iPadOS']) {
        await tabTo(`Log out ${device}`);
        await press('{Enter}');
        await screen.findByRole('dialog');
        await press('{Tab}');
        await press('{Enter}');
        if (device !== 'Sora app on Android') {
          await waitFor(() => expect(screen.getByRole('dialog')).toHaveTextContent(/Logging out…|Something went wrong/));
          await press('{Escape}');
        }
        await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      }
      await reader.spoken();
      const rows = (await reader.read()).filter((phrase) => phrase.startsWith('listitem, '));
      expect(rows).toEqual([
        'listitem, Safari on macOS, CURRENT SESSION, Trusted device, Apps: ChatGPT, Codex, Warsaw, Poland (approximate), Signed in Mar 2, 2026, 9:20 AM (40 minutes ago), Active now, level 1, position 1, set size 8',
        'listitem, ChatGPT app on iOS, Trusted device, Apps: ChatGPT, Berlin, Germany (approximate), Signed in Feb 25, 2026, 10:00 AM (5 days ago), Active now, level 1, position 2, set size 8',
        "listitem, Chrome on Windows, New sign-in, Apps: ChatGPT, Codex, API Platform, Tokyo, Japan (approximate), Signed in Mar 2, 2026, 7:00 AM (3 hours ago), Last active 50 minutes ago, Couldn't log out., level 1, position 3, set size 8",
        'listitem, Edge on Windows, Apps: ChatGPT, Austin, Texas, United States (approximate), Signed in Feb 28, 2026, 10:00 AM (2 days ago), Last active 3 hours ago, level 1, position 4, set size 8',
        'listitem, Sora app on Android, Apps: Other app, São Paulo, Brazil (approximate), Signed in Mar 1, 2026, 8:00 AM (yesterday), Last active yesterday, Signing out, level 1, position 5, set size 8',
        'listitem, Firefox on Linux, Apps: ChatGPT, Canada (approximate), Signed in Feb 18, 2026, 10:00 AM (last week), Last active last week, Session status unavailable, level 1, position 6, set size 8',
        'listitem, iPadOS, Apps: Codex, Ontario, Canada (approximate), Signed in Jan 16, 2026, 10:00 AM (last month), Last active last month, Logging out…, level 1, position 7, set size 8',
        'listitem, Unknown device, level 1, position 8, set size 8',
      ]);
    });
  });

  describe('given a logout that succeeds', () => {
    it('should say the dialog, then where focus lands, then "Logged out …", written where it can be heard', async () => {
      const { section } = renderSection();
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
      // Edge on Windows was the last row (B12: least recently active): focus goes to the row before it.
      expect(withoutProgress(await reader.spoken())).toEqual(['button, Log out Chrome on Windows', 'polite: Logged out Edge on Windows.']);
      // Written while the dialog still hid the rest of the section, it would never reach a screen reader.
      expect(reader.live.filter((write) => write.text.startsWith('Logged out'))).toEqual([
        { text: 'Logged out Edge on Windows.', exposed: true },
      ]);
    });

    it('should say "Log out and remove" for a trusted device, then the next row', async () => {
      const { section } = renderSection();
      await findList();
      const reader = await startScreenReader(section);
      await openAndConfirm('Log out ChatGPT app on iOS');
      await reader.hears('polite: Logged out ChatGPT app on iOS.');
      expect(withoutProgress(await reader.spoken()).slice(-5)).toEqual([
        'dialog, Log out ChatGPT app on iOS?, This logs out ChatGPT app on iOS and removes it from your trusted devices. Anyone using it will need to sign in again.',
        'button, Cancel',
        'button, Log out and remove',
        'button, Log out Chrome on Windows',
        'polite: Logged out ChatGPT app on iOS.',
      ]);
    });
  });

  describe("given Don't recognize it? (B14)", () => {
    it("should say the dialog, then the next steps' heading where focus lands, then each step", async () => {
      const { section, store } = renderSection({ links: { changePassword: '/password', support: 'https://help.example/contact' } });
      await findList();
      const reader = await startScreenReader(section);
      await tabTo("Don't recognize it? Edge on Windows");
      await reader.spoken();
      await press('{Enter}');
      await screen.findByRole('dialog');
      await press('{Tab}');
      expect(await reader.spoken()).toEqual([
        'dialog, Secure your account, The session on Edge on Windows will be logged out. Anyone using it will need to sign in again.',
        'button, Cancel',
        'button, Log out and secure account',
      ]);
      await press('{Enter}');
      const heading = await screen.findByRole('heading', { name: 'Edge on Windows was logged out' });
      await waitFor(() => expect(heading).toHaveFocus());
      expect(store.requests).toContain('DELETE /sessions/sess_windows?remove_trusted_device=true&reason=unrecognized');
      await reader.hears('heading, Edge on Windows was logged out, level 3');
      const callout = section.querySelector('[data-slot="secure-account"]')!;
      expect(await reader.read(callout)).toEqual([
        'region, Edge on Windows was logged out',
        'heading, Edge on Windows was logged out, level 3',
        'paragraph',
        'If someone else may have used your account, take these next steps:',
        'end of paragraph',
        'list, Next steps',
        'listitem, level 1, position 1, set size 3',
        'link, Change your password',
        'end of listitem, level 1, position 1, set size 3',
        'listitem, level 1, position 2, set size 3',
        'link, Contact support',
        'end of listitem, level 1, position 2, set size 3',
        'listitem, level 1, position 3, set size 3',
        'button, Log out of all sessions',
        'end of listitem, level 1, position 3, set size 3',
        'end of list, Next steps',
        'button, Done',
        'end of region, Edge on Windows was logged out',
      ]);
    });
  });

  describe('given a logout that fails', () => {
    it('should show the error as an alert in the dialog, and say "Couldn\'t log out …" once the reader leaves it', async () => {
      const { section } = renderSection({ scenario: 'logoutFails' });
      await findList();
      const reader = await startScreenReader(section);
      await openAndConfirm('Log out Edge on Windows');
      const dialog = await screen.findByRole('dialog');
      await waitFor(() => expect(dialog).toHaveTextContent('Something went wrong'));
      expect(await reader.read(dialog)).toEqual([
        'dialog, Log out Edge on Windows?, This ends the session on Edge on Windows. Anyone using it will need to sign in again.',
        'heading, Log out Edge on Windows?, level 2',
        'paragraph',
        'This ends the session on Edge on Windows. Anyone using it will need to sign in again.',
        'end of paragraph',
        'alert',
        'Something went wrong on our side. Try again later.',
        'end of alert',
        'button, Cancel',
        'button, Log out',
        'end of dialog, Log out Edge on Windows?, This ends the session on Edge on Windows. Anyone using it will need to sign in again.',
      ]);
      await press('{Escape}');
      await reader.hears("polite: Couldn't log out Edge on Windows.");
      expect(withoutProgress(await reader.spoken())).toEqual([
        'button, Log out Edge on Windows',
        "polite: Couldn't log out Edge on Windows.",
      ]);
    });
  });

  describe('given Log out of all sessions', () => {
    it('should say the dialog, then, once focus is on the outcome, that every session is being logged out', async () => {
      const { section } = renderSection();
      await findList();
      const reader = await startScreenReader(section);
      await tabTo('Log out all');
      await reader.spoken();
      await press('{Enter}');
      await screen.findByRole('dialog');
      await press('{Tab}');
      await press('{Enter}');
      await reader.hears('polite: Logging out of all sessions. It may take up to 30 minutes.');
      expect(withoutProgress(await reader.spoken())).toEqual([
        "dialog, Log out of all devices?, You'll be logged out of all 4 sessions, including the one you're using now. It may take up to 30 minutes for every device to sign out.",
        'button, Cancel',
        'button, Log out of all devices',
        // Focus on the outcome (a paragraph that takes focus): the virtual reader says only its role.
        'paragraph',
        'polite: Logging out of all sessions. It may take up to 30 minutes.',
      ]);
      expect(document.activeElement).toHaveTextContent("You're being logged out of all sessions.");
      expect(reader.live.filter((write) => write.text.startsWith('Logging out of all'))).toEqual([
        { text: 'Logging out of all sessions. It may take up to 30 minutes.', exposed: true },
      ]);
    });

    it('should say a failure once the reader moves on in the dialog', async () => {
      const { section } = renderSection({ scenario: 'logOutAllFails' });
      await findList();
      const reader = await startScreenReader(section);
      await tabTo('Log out all');
      await press('{Enter}');
      await screen.findByRole('dialog');
      await press('{Tab}');
      await press('{Enter}');
      await screen.findByRole('alert');
      await reader.spoken();
      await press('{Shift>}{Tab}{/Shift}');
      await reader.hears("polite: Couldn't log out of all sessions.");
      expect(withoutProgress(await reader.spoken())).toEqual(['button, Cancel', "polite: Couldn't log out of all sessions."]);
      // Written with the dialog open: the region must be one the dialog's aria-hidden spares.
      expect(reader.live.filter((write) => write.text.startsWith("Couldn't"))).toEqual([
        { text: "Couldn't log out of all sessions.", exposed: true },
      ]);
    });
  });

  describe('given a logout that stays listed (B9)', () => {
    it('should say the row is signing out, then "Session list updated." after Refresh', async () => {
      const { section } = renderSection({ scenario: 'logoutLingers' });
      await findList();
      const reader = await startScreenReader(section);
      await openAndConfirm('Log out Edge on Windows');
      await reader.hears('polite: Edge on Windows is signing out. It may stay listed for a while.');
      expect(withoutProgress(await reader.spoken()).slice(-2)).toEqual([
        'listitem, Edge on Windows, Apps: ChatGPT, Austin, Texas, United States (approximate), Signed in Feb 28, 2026, 10:00 AM (2 days ago), Last active 3 hours ago, Signing out, level 1, position 3, set size 3',
        'polite: Edge on Windows is signing out. It may stay listed for a while.',
      ]);
      await tabTo('Refresh', { backwards: true });
      expect((await reader.spoken()).at(-1)).toBe('button, Refresh');
      await press('{Enter}');
      await reader.hears('polite: Session list updated.');
      await waitFor(() => expect(screen.queryByText('Edge on Windows')).toBeNull());
    });
  });

  describe('given a list that cannot load', () => {
    it('should read the error as an alert with Try again, then say "Session list updated." once it loads', async () => {
      const { section } = renderSection({ failedLoads: 2 });
      const loading = section.querySelector('[data-slot="loading"]');
      expect(loading).toHaveAttribute('role', 'status');
      const alert = await screen.findByRole('alert');
      // A new element, which screen readers announce as it appears, not the loading status turned into one.
      expect(loading).not.toBe(alert);
      expect(loading).not.toBeInTheDocument();
      const reader = await startScreenReader(section);
      expect((await reader.read()).slice(0, 15)).toEqual([
        'region, Active sessions',
        'heading, Active sessions, level 2',
        'paragraph',
        "Review where your account is signed in. If you don't recognize a session, log it out.",
        'end of paragraph',
        'alert',
        'paragraph',
        "Active sessions couldn't load",
        'end of paragraph',
        'paragraph',
        'Something went wrong on our side or with your connection. Try again later.',
        'end of paragraph',
        'button, Try again',
        'end of alert',
        'paragraph',
      ]);
      await tabTo('Try again');
      await press('{Enter}');
      await reader.hears('polite: Session list updated.');
      await findList();
    });
  });

  describe('in Polish', () => {
    it('should read the rows and Log out buttons in Polish, and say "Wylogowano …" after a logout', async () => {
      const { section } = renderSection({ locale: 'pl', strings: pl });
      await findList();
      const reader = await startScreenReader(section);
      expect(outline(await reader.read())).toEqual([
        'region, Aktywne sesje',
        'heading, Aktywne sesje, level 2',
        'list, 4 aktywne sesje',
        'listitem, Chrome w systemie macOS, BIEŻĄCA SESJA, Aplikacje: ChatGPT, San Francisco, California, Stany Zjednoczone (lokalizacja przybliżona), Zalogowano 2 mar 2026, 09:48 (12 minut temu), Aktywna teraz, level 1, position 1, set size 4',
        'listitem, ChatGPT app w systemie iOS, Zaufane urządzenie, Aplikacje: ChatGPT, Berlin, Niemcy (lokalizacja przybliżona), Zalogowano 25 lut 2026, 10:00 (5 dni temu), Aktywna teraz, level 1, position 2, set size 4',
        'button, Wyloguj „ChatGPT app w systemie iOS”',
        'button, Nie rozpoznajesz jej? „ChatGPT app w systemie iOS”',
        'listitem, Chrome w systemie Windows, Nowe logowanie, Aplikacje: ChatGPT, Codex, API Platform, Tokyo, Japonia (lokalizacja przybliżona), Zalogowano 2 mar 2026, 07:00 (3 godziny temu), Ostatnia aktywność: 50 minut temu, level 1, position 3, set size 4',
        'button, Wyloguj „Chrome w systemie Windows”',
        'button, Nie rozpoznajesz jej? „Chrome w systemie Windows”',
        'listitem, Edge w systemie Windows, Aplikacje: ChatGPT, Austin, Texas, Stany Zjednoczone (lokalizacja przybliżona), Zalogowano 28 lut 2026, 10:00 (przedwczoraj), Ostatnia aktywność: 3 godziny temu, level 1, position 4, set size 4',
        'button, Wyloguj „Edge w systemie Windows”',
        'button, Nie rozpoznajesz jej? „Edge w systemie Windows”',
        'region, Wyloguj się ze wszystkich sesji',
        'heading, Wyloguj się ze wszystkich sesji, level 3',
        'button, Wyloguj wszystkie, not expanded, has popup dialog',
      ]);
      await openAndConfirm('Wyloguj „Edge w systemie Windows”');
      await reader.hears('polite: Wylogowano „Edge w systemie Windows”.');
      expect(withoutProgress(await reader.spoken()).slice(-5)).toEqual([
        'dialog, Wylogować „Edge w systemie Windows”?, Sesja na urządzeniu „Edge w systemie Windows” zostanie zakończona. Każdy, kto z niego korzysta, będzie musiał zalogować się ponownie.',
        'button, Anuluj',
        'button, Wyloguj',
        'button, Wyloguj „Chrome w systemie Windows”',
        'polite: Wylogowano „Edge w systemie Windows”.',
      ]);
    });
  });

  describe('in Arabic, right to left', () => {
    it('should read the rows with Arabic commas and Log out buttons, and say the logout in Arabic', async () => {
      const { section } = renderSection({ locale: 'ar', strings: ar });
      await findList();
      expect(section).toHaveAttribute('dir', 'rtl');
      expect(section).toHaveAttribute('lang', 'ar');
      const reader = await startScreenReader(section);
      expect(outline(await reader.read())).toEqual([
        'region, الجلسات النشطة',
        'heading, الجلسات النشطة, level 2',
        'list, 4 جلسات نشطة',
        'listitem, Chrome على macOS، الجلسة الحالية، التطبيقات: ChatGPT، San Francisco، California، الولايات المتحدة (موقع تقريبي)، تسجيل الدخول: 02‏/03‏/2026، 9:48 ص (قبل 12 دقيقة)، نشط الآن, level 1, position 1, set size 4',
        'listitem, ChatGPT app على iOS، جهاز موثوق، التطبيقات: ChatGPT، Berlin، ألمانيا (موقع تقريبي)، تسجيل الدخول: 25‏/02‏/2026، 10:00 ص (قبل 5 أيام)، نشط الآن, level 1, position 2, set size 4',
        'button, تسجيل الخروج من ChatGPT app على iOS',
        'button, لا تتعرّف عليها؟ ChatGPT app على iOS',
        'listitem, Chrome على Windows، تسجيل دخول جديد، التطبيقات: ChatGPT، Codex، API Platform، Tokyo، اليابان (موقع تقريبي)، تسجيل الدخول: 02‏/03‏/2026، 7:00 ص (قبل 3 ساعات)، آخر نشاط قبل 50 دقيقة, level 1, position 3, set size 4',
        'button, تسجيل الخروج من Chrome على Windows',
        'button, لا تتعرّف عليها؟ Chrome على Windows',
        'listitem, Edge على Windows، التطبيقات: ChatGPT، Austin، Texas، الولايات المتحدة (موقع تقريبي)، تسجيل الدخول: 28‏/02‏/2026، 10:00 ص (أول أمس)، آخر نشاط قبل 3 ساعات, level 1, position 4, set size 4',
        'button, تسجيل الخروج من Edge على Windows',
        'button, لا تتعرّف عليها؟ Edge على Windows',
        'region, تسجيل الخروج من جميع الجلسات',
        'heading, تسجيل الخروج من جميع الجلسات, level 3',
        'button, تسجيل الخروج من الكل, not expanded, has popup dialog',
      ]);
      await openAndConfirm('تسجيل الخروج من Edge على Windows');
      await reader.hears('polite: تم تسجيل الخروج من Edge على Windows.');
      expect(withoutProgress(await reader.spoken()).slice(-5)).toEqual([
        'dialog, هل تريد تسجيل الخروج من Edge على Windows؟, سيؤدي هذا إلى إنهاء الجلسة على Edge على Windows. سيحتاج أي شخص يستخدمه إلى تسجيل الدخول مرة أخرى.',
        'button, إلغاء',
        'button, تسجيل الخروج',
        'button, تسجيل الخروج من Chrome على Windows',
        'polite: تم تسجيل الخروج من Edge على Windows.',
      ]);
    });
  });
});
