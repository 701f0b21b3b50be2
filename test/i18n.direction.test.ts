import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../src';

// Text direction in runtimes that do not all describe a locale the same way. Node and Chromium give
// Intl.Locale#textInfo; newer engines give getTextInfo(); some (Firefox for years) give neither.

const proto = Intl.Locale.prototype as object;
const textInfo = Object.getOwnPropertyDescriptor(proto, 'textInfo');
const getTextInfo = Object.getOwnPropertyDescriptor(proto, 'getTextInfo');

function runtimeWith(info: { textInfo?: (tag: Intl.Locale) => unknown; getTextInfo?: (tag: Intl.Locale) => unknown }) {
  Object.defineProperty(proto, 'textInfo', {
    configurable: true,
    get(this: Intl.Locale) {
      return info.textInfo?.(this);
    },
  });
  if (info.getTextInfo) {
    const read = info.getTextInfo;
    Object.defineProperty(proto, 'getTextInfo', {
      configurable: true,
      value(this: Intl.Locale) {
        return read(this);
      },
    });
  } else {
    delete (proto as { getTextInfo?: unknown }).getTextInfo;
  }
}

afterEach(() => {
  if (textInfo) Object.defineProperty(proto, 'textInfo', textInfo);
  else delete (proto as { textInfo?: unknown }).textInfo;
  if (getTextInfo) Object.defineProperty(proto, 'getTextInfo', getTextInfo);
  else delete (proto as { getTextInfo?: unknown }).getTextInfo;
});

const RIGHT_TO_LEFT = ['ar', 'fa', 'he', 'iw', 'ps', 'ur', 'yi', 'dv', 'ckb', 'sd', 'ug'];

describe('text direction', () => {
  describe("given a runtime that cannot tell a locale's direction", () => {
    it.each(RIGHT_TO_LEFT)('should still read %s right to left', (locale) => {
      runtimeWith({});
      expect(createTranslator(locale).dir).toBe('rtl');
    });

    it('should read a regional variant by its language, and other languages left to right', () => {
      runtimeWith({});
      expect(createTranslator('ar-EG').dir).toBe('rtl');
      expect(createTranslator('en').dir).toBe('ltr');
      expect(createTranslator('ja').dir).toBe('ltr');
    });

    it('should not trust a direction that is neither rtl nor ltr', () => {
      runtimeWith({ textInfo: () => ({ direction: 'ttb' }) });
      expect(createTranslator('he').dir).toBe('rtl');
      expect(createTranslator('de').dir).toBe('ltr');
    });
  });

  describe('given a runtime without Intl.Locale (Safari before 14)', () => {
    const Locale = Intl.Locale;
    afterEach(() => {
      Object.defineProperty(Intl, 'Locale', { value: Locale, configurable: true, writable: true });
    });

    it('should read the language of the tag, right to left for Arabic and its regions', () => {
      Object.defineProperty(Intl, 'Locale', { value: undefined, configurable: true, writable: true });
      expect(createTranslator('ar').dir).toBe('rtl');
      expect(createTranslator('ar-EG').dir).toBe('rtl');
      expect(createTranslator('he').dir).toBe('rtl');
      expect(createTranslator('pl').dir).toBe('ltr');
      expect(createTranslator('en-GB').dir).toBe('ltr');
    });
  });

  describe('given a runtime that tells it', () => {
    it('should take what getTextInfo() says first', () => {
      runtimeWith({ getTextInfo: () => ({ direction: 'rtl' }), textInfo: () => ({ direction: 'ltr' }) });
      expect(createTranslator('en').dir).toBe('rtl');
    });

    it('should take what textInfo says when there is no getTextInfo()', () => {
      runtimeWith({ textInfo: () => ({ direction: 'rtl' }) });
      expect(createTranslator('en').dir).toBe('rtl');
    });

    it('should take its left to right over the language: Sindhi in Devanagari is not Arabic script', () => {
      runtimeWith({ textInfo: () => ({ direction: 'ltr' }) });
      expect(createTranslator('sd-Deva').dir).toBe('ltr');
    });
  });
});
