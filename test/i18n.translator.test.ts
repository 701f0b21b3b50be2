import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTranslator, en } from '../src';

// What a host and its localization team see of `createTranslator`: the locale it settles on, and the
// development warnings about their catalog (never in production). Each test uses its own locale, since
// a warning is given once per message for the page's life.

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const warnings = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

describe('createTranslator', () => {
  describe('the locale', () => {
    it('should be English when none is given, and the canonical tag otherwise', () => {
      expect(createTranslator(undefined).locale).toBe('en');
      expect(createTranslator('').locale).toBe('en');
      expect(createTranslator('PT-br').locale).toBe('pt-BR');
    });

    it('should warn in development when a tag is not BCP 47, once', () => {
      const warn = warnings();
      createTranslator('klingon!!');
      createTranslator('klingon!!');
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith('[active-sessions] "klingon!!" is not a valid BCP 47 locale; using "en".');
    });
  });

  describe('warnings about a catalog', () => {
    it('should name the key and locale of a missing translation', () => {
      const warn = warnings();
      createTranslator('nl', { 'row.current': 'HUIDIGE SESSIE' }).t('row.trusted');
      expect(warn).toHaveBeenCalledWith('[active-sessions] message "row.trusted" is missing for "nl"; using English.');
    });

    it('should not warn about missing keys for English variants, or when the host passes no catalog', () => {
      const warn = warnings();
      expect(createTranslator('en-GB', { 'row.current': 'CURRENT' }).t('row.trusted')).toBe(en['row.trusted']);
      expect(createTranslator('en', { 'row.current': 'THIS DEVICE' }).t('row.trusted')).toBe(en['row.trusted']);
      expect(createTranslator('sv').t('row.trusted')).toBe(en['row.trusted']);
      expect(warn).not.toHaveBeenCalled();
    });

    it('should give none of its warnings in production', () => {
      vi.stubEnv('NODE_ENV', 'production');
      const warn = warnings();
      expect(createTranslator('not a tag??').locale).toBe('en');
      const { t } = createTranslator('fi', { 'row.logOut.label': '{device Kirjaudu ulos', 'row.current': 'Nyt {since, date, short}' });
      expect(t('row.trusted')).toBe(en['row.trusted']);
      expect(t('row.logOut.label', { device: 'Edge' })).toBe('Log out Edge');
      expect(t('row.current')).toBe(en['row.current']);
      expect(warn).not.toHaveBeenCalled();
    });

    it('should say why a translation failed to format, once', () => {
      const warn = warnings();
      const { t } = createTranslator('it', { 'row.current': 'ORA {since, date, short}' });
      expect(t('row.current')).toBe(en['row.current']);
      expect(t('row.current')).toBe(en['row.current']);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]![0]).toMatch(
        /^\[active-sessions\] message "row\.current" for "it" failed to format \(No value for \{since\}\); using English\.$/,
      );
    });

    it('should say why a translation is not valid ICU', () => {
      const warn = warnings();
      createTranslator('es', { 'row.trusted': '{oops' }).t('row.trusted');
      expect(warn.mock.calls[0]![0]).toMatch(
        /^\[active-sessions\] message "row\.trusted" for "es" is not valid ICU \(.+\); using English\.$/,
      );
    });
  });
});

describe('createTranslator, before the dialogs have loaded', () => {
  it("should read a dialog's key as the key itself, never crash, while its English has not arrived", async () => {
    // test/setup.ts loaded every part; fresh modules hold only the first paint's English.
    vi.resetModules();
    const fresh = await import('../src/i18n/translator');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { t } = fresh.createTranslator('pl', { 'logOut.cancel': 'Anuluj' });
    expect(t('logOut.confirm')).toBe('logOut.confirm');
    expect(t('logOut.cancel')).toBe('Anuluj');
    expect(t('section.title')).toBe(en['section.title']);
    warn.mockRestore();
  });
});
