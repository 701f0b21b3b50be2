// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileMessage, type MessageValues } from '../src/i18n/format';
import { formatCatalog, printMessage, pseudoLocalize, PSEUDO_PATH, readSource } from '../scripts/pseudo';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The kit's bin from its TypeScript source, through tsx (the built bin runs in test/contract-check/kit-tarball.test.ts).
const CHECK = path.join(ROOT, 'kit/src/i18n-check/cli.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const MESSAGES = path.join(ROOT, 'src/i18n/messages');

type Catalog = Record<string, string>;

function runCheck(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, ['--import', TSX, CHECK, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

const readCatalog = (file: string): Catalog => JSON.parse(readFileSync(file, 'utf8')) as Catalog;

// A small source catalog with one of each ICU construct the check compares.
const SOURCE: Catalog = {
  'row.logOut.label': 'Log out {device}',
  'section.list.label': '{count, plural, one {# active session} other {# active sessions}}',
  'row.app': '{app, select, chatgpt {ChatGPT} codex {Codex} api_platform {API Platform} other {Other app}}',
  'logOutAll.done.by': 'Every device will be signed out by {time, time, short}.',
  'logOut.cancel': 'Cancel',
};
const NOTES: Catalog = Object.fromEntries(Object.keys(SOURCE).map((key) => [key, `Note for ${key}.`]));
// A correct German translation of SOURCE.
const GERMAN: Catalog = {
  'row.logOut.label': '{device} abmelden',
  'section.list.label': '{count, plural, one {# aktive Sitzung} other {# aktive Sitzungen}}',
  'row.app': '{app, select, chatgpt {ChatGPT} codex {Codex} api_platform {API Platform} other {Andere App}}',
  'logOutAll.done.by': 'Bis {time, time, short} sind alle Geräte abgemeldet.',
  'logOut.cancel': 'Abbrechen',
};

describe('i18n-check', () => {
  let dir: string;
  const write = (name: string, data: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
    return file;
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'i18n-check-'));
    write('en.json', SOURCE);
    write('en.notes.json', NOTES);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('given the catalogs shipped in src/i18n/messages', () => {
    it("should pass with exit 0, and say plainly that it checked the package's own catalogs, not the reader's", () => {
      const { status, output } = runCheck([], ROOT);
      // English comes in two files (en.actions.json: what only the dialogs show); the check counts them as one source.
      const catalogs = readdirSync(MESSAGES).filter(
        (name) => name.endsWith('.json') && !name.endsWith('.notes.json') && !name.startsWith('en.'),
      );
      const keys = Object.keys(readSource()).length;

      expect(output.trim().split('\n')).toEqual([
        `i18n: ${catalogs.length} catalogs, ${keys} keys, 0 problems`,
        `i18n: no catalog given, so these were the ${catalogs.length} catalogs shipped with @firstparty/active-sessions, not yours: pass your files, e.g. active-sessions-i18n-check fr.json`,
      ]);
      expect(status).toBe(0);
    });
  });

  describe("given a correct translation of a team's own source", () => {
    it('should pass with exit 0', () => {
      const file = write('de.json', GERMAN);
      const { status, output } = runCheck([file, '--source', path.join(dir, 'en.json')], dir);

      expect(output.trim()).toBe('i18n: 1 catalog, 5 keys, 0 problems');
      expect(status).toBe(0);
    });

    it('should accept optional plural forms and exact numbers in place of a category', () => {
      // French `many` only applies to millions; Arabic `zero` is exactly 0, so `=0` covers it.
      write('fr.json', {
        ...GERMAN,
        'section.list.label': '{count, plural, one {# session active} many {# de sessions actives} other {# sessions actives}}',
      });
      write('ar.json', {
        ...GERMAN,
        'section.list.label':
          '{count, plural, =0 {لا توجد جلسات} one {جلسة واحدة} two {جلستان} few {# جلسات} many {# جلسة} other {# جلسة}}',
      });
      const { status, output } = runCheck(['fr.json', 'ar.json', '--source', 'en.json'], dir);

      expect(output.trim()).toBe('i18n: 2 catalogs, 5 keys, 0 problems');
      expect(status).toBe(0);
    });

    it('should also accept --source=path and relative paths', () => {
      write('de.json', GERMAN);
      const { status } = runCheck(['de.json', '--source=en.json'], dir);

      expect(status).toBe(0);
    });
  });

  describe('given a translation with one problem', () => {
    const cases: Array<{ problem: string; file?: string; edit: (catalog: Catalog) => void; key: string; message: RegExp }> = [
      {
        problem: 'a missing key',
        edit: (c) => delete c['logOut.cancel'],
        key: 'logOut.cancel',
        message: /missing key/,
      },
      {
        problem: 'an extra key',
        edit: (c) => (c['logOut.cancle'] = 'Abbrechen'),
        key: 'logOut.cancle',
        message: /extra key/,
      },
      {
        problem: 'an ICU syntax error',
        edit: (c) => (c['row.logOut.label'] = '{device abmelden'),
        key: 'row.logOut.label',
        message: /ICU syntax error: [A-Z_]+/,
      },
      {
        problem: 'a missing placeholder',
        edit: (c) => (c['row.logOut.label'] = 'Gerät abmelden'),
        key: 'row.logOut.label',
        message: /placeholder \{device\} is missing/,
      },
      {
        problem: 'an extra placeholder',
        edit: (c) => (c['row.logOut.label'] = '{device} ({os}) abmelden'),
        key: 'row.logOut.label',
        message: /placeholder \{os\} is not in en\.json/,
      },
      {
        problem: 'a renamed placeholder',
        edit: (c) => (c['row.logOut.label'] = '{gerät} abmelden'),
        key: 'row.logOut.label',
        message: /placeholder \{device\} is missing/,
      },
      {
        problem: 'a select where en has a plural',
        edit: (c) => (c['section.list.label'] = '{count, select, one {# aktive Sitzung} other {# aktive Sitzungen}}'),
        key: 'section.list.label',
        message: /placeholder \{count\} is select here but plural in en\.json/,
      },
      {
        problem: 'a date where en has a time',
        edit: (c) => (c['logOutAll.done.by'] = 'Bis {time, date, short} sind alle Geräte abgemeldet.'),
        key: 'logOutAll.done.by',
        message: /placeholder \{time\} is date here but time in en\.json/,
      },
      {
        problem: 'a plural without an other branch',
        edit: (c) => (c['section.list.label'] = '{count, plural, one {# aktive Sitzung}}'),
        key: 'section.list.label',
        message: /\{count, plural\} has no 'other' branch/,
      },
      {
        problem: 'a select without an other branch',
        edit: (c) => (c['row.app'] = '{app, select, chatgpt {ChatGPT} codex {Codex} api_platform {API Platform}}'),
        key: 'row.app',
        message: /\{app, select\} has no 'other' branch/,
      },
      {
        problem: "a select missing one of en's keys",
        edit: (c) => (c['row.app'] = '{app, select, chatgpt {ChatGPT} codex {Codex} other {Andere App}}'),
        key: 'row.app',
        message: /select \{app\} is missing the 'api_platform' branch/,
      },
      {
        problem: 'a misspelt select key',
        edit: (c) => (c['row.app'] = '{app, select, chatgpt {ChatGPT} codex {Codex} api_plattform {API Platform} other {Andere App}}'),
        key: 'row.app',
        message: /select \{app\} has a branch 'api_plattform' that en\.json doesn't have/,
      },
      {
        problem: 'a plural keyword that is not a CLDR category',
        edit: (c) => (c['section.list.label'] = '{count, plural, eins {# aktive Sitzung} other {# aktive Sitzungen}}'),
        key: 'section.list.label',
        message: /'eins', which is not a plural category/,
      },
      {
        problem: 'a Polish plural without the few and many forms',
        file: 'pl.json',
        edit: (c) => (c['section.list.label'] = '{count, plural, one {# aktywna sesja} other {# aktywnych sesji}}'),
        key: 'section.list.label',
        message: /is missing the 'few' form pl needs/,
      },
      {
        problem: 'a plural form the language never uses',
        file: 'ja.json',
        edit: (c) => (c['section.list.label'] = '{count, plural, one {# 件} other {# 件}}'),
        key: 'section.list.label',
        message: /has a 'one' form, which ja never uses/,
      },
      {
        problem: 'a tag, which the runtime formatter rejects',
        edit: (c) => (c['row.logOut.label'] = '<b>{device}</b> abmelden'),
        key: 'row.logOut.label',
        message: /tag <b> is not supported by the runtime formatter/,
      },
      {
        problem: 'a self-closing tag, which ICU reads as text but the runtime formatter rejects',
        edit: (c) => (c['logOut.cancel'] = 'Abbrechen<br/>'),
        key: 'logOut.cancel',
        message: /tag <br\/> is not supported by the runtime formatter/,
      },
      {
        problem: 'a date-time skeleton',
        edit: (c) => (c['logOutAll.done.by'] = 'Bis {time, time, ::Hmm} sind alle Geräte abgemeldet.'),
        key: 'logOutAll.done.by',
        message: /\{time, time, ::Hmm\} uses a skeleton, which the runtime formatter does not support/,
      },
      {
        problem: 'a number skeleton inside a plural',
        edit: (c) =>
          (c['section.list.label'] = '{count, plural, one {# aktive Sitzung} other {{count, number, ::compact-short} aktive Sitzungen}}'),
        key: 'section.list.label',
        message: /\{count, number, ::compact-short\} uses a skeleton/,
      },
      {
        problem: 'a time style the runtime formatter does not know',
        edit: (c) => (c['logOutAll.done.by'] = 'Bis {time, time, HH:mm} sind alle Geräte abgemeldet.'),
        key: 'logOutAll.done.by',
        message: /\{time, time, HH:mm\} uses a time style the runtime formatter does not support \(supported: short, medium, long, full\)/,
      },
      {
        problem: 'a value that is not a string',
        edit: (c) => ((c as Record<string, unknown>)['logOut.cancel'] = 42),
        key: 'logOut.cancel',
        message: /value must be a string/,
      },
    ];

    it.each(cases)('should report $problem with the key and exit 1', ({ file = 'de.json', edit, key, message }) => {
      const catalog = { ...GERMAN };
      edit(catalog);
      const target = write(file, catalog);

      const { status, output } = runCheck([target, '--source', path.join(dir, 'en.json')], dir);
      const lines = output.split('\n').filter((l) => l.startsWith(`${file}: ${key}: `));

      expect(
        lines.some((l) => message.test(l)),
        output,
      ).toBe(true);
      expect(output).toMatch(/^i18n: 1 catalog, 5 keys, [1-9]\d* problems?$/m);
      expect(status).toBe(1);
    });

    it("should report invalid JSON with the parser's reason", () => {
      write('de.json', '{"logOut.cancel": "Abbrechen",}');
      const { status, output } = runCheck(['de.json', '--source', 'en.json'], dir);

      expect(output).toMatch(/^de\.json: \(file\): cannot read JSON/m);
      expect(status).toBe(1);
    });
  });

  describe('given a full run over a messages folder', () => {
    it('should check every catalog beside the source, but not the notes', () => {
      write('de.json', GERMAN);
      write('fr.json', { ...GERMAN, 'logOut.cancel': 'Annuler', 'logOut.extra': 'x' });
      const { status, output } = runCheck(['--source', 'en.json'], dir);

      expect(output).toMatch(/^fr\.json: logOut\.extra: extra key/m);
      expect(output).toMatch(/^i18n: 2 catalogs, 5 keys, 1 problem$/m);
      expect(status).toBe(1);
    });

    it('should report an en key without a translator note', () => {
      write('de.json', GERMAN);
      const notes = { ...NOTES };
      delete notes['row.app'];
      write('en.notes.json', notes);
      const { status, output } = runCheck(['--source', 'en.json'], dir);

      expect(output).toMatch(/^en\.notes\.json: row\.app: no translator note/m);
      expect(status).toBe(1);
    });

    it('should report a source message the runtime formatter cannot format', () => {
      write('en.json', { ...SOURCE, 'logOut.cancel': '<b>Cancel</b>' });
      write('de.json', { ...GERMAN, 'logOut.cancel': '<b>Abbrechen</b>' });
      const { status, output } = runCheck(['--source', 'en.json'], dir);

      expect(output).toMatch(/^en\.json: logOut\.cancel: tag <b> is not supported by the runtime formatter$/m);
      expect(output).toMatch(/^de\.json: logOut\.cancel: tag <b> is not supported by the runtime formatter$/m);
      expect(status).toBe(1);
    });

    it('should accept quoted tags and every style the runtime formatter knows', () => {
      const styles = "'<b>'{n, number} {n, number, integer} {n, number, percent} {d, date} {d, date, full} {d, time, long} '<br/>'";
      write('en.json', { ...SOURCE, 'logOut.cancel': styles });
      write('de.json', { ...GERMAN, 'logOut.cancel': styles });
      const { status, output } = runCheck(['--source', 'en.json'], dir);

      expect(output.trim().split('\n')).toEqual([
        'i18n: 1 catalog, 5 keys, 0 problems',
        'i18n: no catalog given, so these were the 1 catalog beside en.json',
      ]);
      expect(status).toBe(0);
    });

    it('should report a source message with an ICU syntax error', () => {
      write('en.json', { ...SOURCE, 'logOut.cancel': 'Cancel {' });
      write('de.json', GERMAN);
      const { status, output } = runCheck(['--source', 'en.json'], dir);

      expect(output).toMatch(/^en\.json: logOut\.cancel: ICU syntax error/m);
      expect(status).toBe(1);
    });
  });

  describe('given a localization team installing the package', () => {
    it('should expose the check as an executable bin', () => {
      const pkg = JSON.parse(readFileSync(path.join(ROOT, 'kit/package.json'), 'utf8')) as { bin?: Record<string, string> };

      expect(pkg.bin?.['active-sessions-i18n-check']).toBe('dist/i18n-check/cli.js');
      expect(readFileSync(CHECK, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    });

    it('should check a file against the shipped en.json when no --source is given', () => {
      const file = write('fr.json', { 'section.title': 'Sessions actives' });
      const { status, output } = runCheck([file], dir);

      expect(output).toMatch(/^fr\.json: section\.intro: missing key/m);
      expect(output).not.toMatch(/no catalog given/);
      expect(status).toBe(1);
    });
  });

  describe('given a catalog whose file name is not a locale', () => {
    // Polish needs `few` and `many`: a German-style plural with only `one` and `other` is wrong for it.
    const POLISH_WITH_GERMAN_PLURALS = { ...GERMAN };

    it('should say it cannot tell the locale, and that it skipped the plural checks, without failing', () => {
      write('polish.json', POLISH_WITH_GERMAN_PLURALS);
      const { status, output } = runCheck(['polish.json', '--source', 'en.json'], dir);

      expect(output).toMatch(
        /^polish\.json: skipped: cannot tell the locale from the file name, so the plural forms of its 1 plural message were not checked against a locale's rules; name the file after its locale \(fr\.json\) or pass --locale fr$/m,
      );
      expect(output).toMatch(/^i18n: 1 catalog, 5 keys, 0 problems$/m);
      expect(status).toBe(0);
    });

    it('should check the plural forms of the locale given with --locale', () => {
      write('polish.json', POLISH_WITH_GERMAN_PLURALS);
      const { status, output } = runCheck(['polish.json', '--locale', 'pl', '--source', 'en.json'], dir);

      expect(output).toMatch(
        /^polish\.json: section\.list\.label: \{count, plural\} is missing the 'few' form pl needs \(e\.g\. 2, 3, 4\)$/m,
      );
      expect(output).not.toMatch(/skipped:/);
      expect(status).toBe(1);
    });

    it('should let --locale=tag override the locale of the file name', () => {
      write('de.json', GERMAN);
      const { status, output } = runCheck(['de.json', '--locale=pl', '--source=en.json'], dir);

      expect(output).toMatch(/^de\.json: section\.list\.label: .*'many' form pl needs/m);
      expect(status).toBe(1);
    });

    it('should say nothing was skipped when the catalog has no plural message', () => {
      const { 'section.list.label': _plural, ...rest } = SOURCE;
      write('en.json', rest);
      const { 'section.list.label': _translated, ...german } = GERMAN;
      write('german.json', german);
      const { status, output } = runCheck(['german.json', '--source', 'en.json'], dir);

      expect(output.trim()).toBe('i18n: 1 catalog, 4 keys, 0 problems');
      expect(status).toBe(0);
    });

    it('should refuse a --locale Node.js does not know, with exit 2', () => {
      write('de.json', GERMAN);
      const { status, output } = runCheck(['de.json', '--locale', 'not a locale'], dir);

      expect(output).toMatch(/^i18n: --locale not a locale is not a locale this Node\.js knows/m);
      expect(status).toBe(2);
    });
  });
});

/** Sample values for every argument of a message, several rounds to reach each branch. */
function sampleValues(source: MessageFormatElement[]): MessageValues[] {
  const counts = [0, 1, 2, 3, 5, 11, 22, 100, 101];
  const rounds: MessageValues[] = counts.map(() => ({}));
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      switch (el.type) {
        case TYPE.argument:
          rounds.forEach((r) => (r[el.value] = 'Chrome on macOS'));
          break;
        case TYPE.number:
        case TYPE.plural:
          rounds.forEach((r, i) => (r[el.value] = counts[i]!));
          break;
        case TYPE.date:
        case TYPE.time:
          rounds.forEach((r) => (r[el.value] = new Date('2025-03-04T09:41:00Z')));
          break;
        case TYPE.select: {
          const keys = [...Object.keys(el.options), 'some_unknown_value'];
          rounds.forEach((r, i) => (r[el.value] = keys[i % keys.length]!));
          break;
        }
      }
      if (el.type === TYPE.select || el.type === TYPE.plural) {
        for (const option of Object.values(el.options)) visit(option.value);
      }
      if (el.type === TYPE.tag) visit(el.children);
    }
  };
  visit(source);
  return rounds;
}

describe('shipped catalogs', () => {
  const en = readSource();
  // en.actions.json is part of the English source, not a catalog of its own.
  const catalogs = readdirSync(MESSAGES)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.notes.json') && !/^en\.[^.]+\.json$/.test(name))
    .map((name) => path.basename(name, '.json'));

  describe.each(catalogs)('%s.json', (name) => {
    const catalog = name === 'en' ? en : readCatalog(path.join(MESSAGES, `${name}.json`));
    // The pseudo-locale is English underneath.
    const locale = name === 'pseudo' ? 'en' : name;

    it('should format every key under its own locale with sample values', () => {
      for (const [key, source] of Object.entries(en)) {
        const message = catalog[key];
        expect(message, `${name}.json lacks ${key}`).toBeTypeOf('string');
        const format = compileMessage(message!, locale);
        for (const values of sampleValues(parse(source))) {
          const text = format(values);
          expect(text, `${name}.json ${key}`).not.toMatch(/undefined|null|NaN|Invalid Date/);
        }
      }
    });
  });
});

describe('pseudo-locale', () => {
  it('should be up to date with en.json (run npm run i18n:pseudo)', () => {
    const expected = formatCatalog(pseudoLocalize(readSource()));

    expect(readFileSync(PSEUDO_PATH, 'utf8')).toBe(expected);
  });

  it('should accent every letter of text and keep ICU syntax intact', () => {
    const en = readSource();
    const pseudo = readCatalog(PSEUDO_PATH);
    const literals = (elements: MessageFormatElement[]): string[] =>
      elements.flatMap((el) => {
        if (el.type === TYPE.literal) return [el.value];
        if (el.type === TYPE.select || el.type === TYPE.plural) return Object.values(el.options).flatMap((o) => literals(o.value));
        if (el.type === TYPE.tag) return literals(el.children);
        return [];
      });
    for (const [key, message] of Object.entries(pseudo)) {
      expect(literals(parse(message)).join(''), key).not.toMatch(/[A-Za-z]/);
      expect(message, key).toMatch(/^\[.*·+\]$/s);
    }
    expect(pseudo['logOutAll.done.by']).toContain('{time, time, short}');
    expect(pseudo['section.list.label']).toMatch(/^\[\{count, plural, one \{# .+\} other \{# .+\}\} ·+\]$/);
    expect(Object.keys(pseudo)).toEqual(Object.keys(en));
  });

  it('should lengthen text by about 35%', () => {
    const pseudo = pseudoLocalize({ title: 'Active sessions' });

    expect(pseudo.title).toBe('[Àçţîṽé šéššîöñš ·····]');
  });

  describe('printer', () => {
    const withoutLocations = (message: string) => JSON.stringify(parse(message), (k, v: unknown) => (k === 'location' ? undefined : v));
    it.each([
      "Don't recognize {device}?",
      "it''s '{'literal braces'}' and '<'b> and x''",
      '<b>bold {name}</b>',
      "{n, plural, offset:1 =0 {none} one {# thing '#'} other {{s, select, a {x#} other {y}}}}",
      '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}',
      '{n, number, ::currency/EUR compact-short} {d, date, ::yyyyMMdd} {t, time, short} {p, number, percent}',
    ])('should print %j back to the same AST', (message) => {
      expect(withoutLocations(printMessage(parse(message)))).toBe(withoutLocations(message));
    });
  });
});
