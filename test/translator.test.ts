import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTranslator, en, pl } from '../src';

afterEach(() => vi.restoreAllMocks());

describe('createTranslator', () => {
  it('should format ICU plurals in the locale', () => {
    const { t } = createTranslator('pl', pl);
    expect(t('section.list.label', { count: 1 })).toBe('1 aktywna sesja');
    expect(t('section.list.label', { count: 3 })).toMatch(/^3 /);
    expect(t('section.list.label', { count: 5 })).not.toBe(t('section.list.label', { count: 3 }));
  });

  it('should fall back to English per missing key and warn once per key in development', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { t } = createTranslator('fr', { 'row.logOut': 'Se déconnecter' });
    expect(t('row.logOut')).toBe('Se déconnecter');
    expect(t('row.trusted')).toBe(en['row.trusted']);
    expect(t('row.trusted')).toBe(en['row.trusted']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/"row\.trusted" is missing for "fr"/);
  });

  it('should use English for a broken translation instead of showing it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { t } = createTranslator('de', { 'row.logOut.label': '{device Abmelden' });
    expect(t('row.logOut.label', { device: 'Chrome' })).toBe('Log out Chrome');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/not valid ICU/));
  });

  it('should use English for a translation that fails to format', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { t } = createTranslator('de', { 'row.trusted': 'Vertraut seit {since, date, short}' });
    expect(t('row.trusted')).toBe('Trusted device');
  });

  it('should turn an invalid locale into English, and know right-to-left locales', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(createTranslator('not a locale!')).toMatchObject({ locale: 'en', dir: 'ltr' });
    expect(createTranslator('ar', {})).toMatchObject({ locale: 'ar', dir: 'rtl' });
    expect(createTranslator('he')).toMatchObject({ dir: 'rtl' });
    expect(createTranslator('ja')).toMatchObject({ dir: 'ltr' });
  });
});
