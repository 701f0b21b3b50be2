import fc from 'fast-check';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { compileMessage, type MessageValues } from '../src/i18n/format';

// compileMessage replaces intl-messageformat at runtime; intl-messageformat stays as the oracle here.
// Reproduce a property failure with FC_SEED=<seed printed below> npx vitest run --project unit test/format.test.ts

const SEED = Number(process.env.FC_SEED ?? 20_240_611);
const LOCALES = ['en', 'pl', 'de', 'ja', 'ar'];
// Every shipped catalog, by file name; a new one is tested without editing this file.
const CATALOGS = Object.fromEntries(
  Object.entries(import.meta.glob<Record<string, string>>('../src/i18n/messages/*.json', { eager: true, import: 'default' }))
    .filter(([file]) => !file.endsWith('.notes.json') && !file.endsWith('/en.actions.json'))
    .map(([file, catalog]) => [file.split('/').pop()!, catalog]),
);
// English comes in two files: what the first paint shows, and what only the dialogs show (they load together).
CATALOGS['en.json'] = {
  ...CATALOGS['en.json'],
  ...import.meta.glob<Record<string, string>>('../src/i18n/messages/en.actions.json', { eager: true, import: 'default' })[
    '../src/i18n/messages/en.actions.json'
  ],
};
const counts: Record<string, number> = {};

const format = (source: string, values?: MessageValues, locale = 'en') => compileMessage(source, locale)(values);
const count = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);

afterEach(() => vi.restoreAllMocks());
afterAll(() => {
  const summary = Object.entries(counts).map(([name, n]) => `${name} ${n}`);
  console.log(`[format.property] fast-check cases (seed ${SEED}): ${summary.join(', ')}`);
});

describe('compileMessage', () => {
  describe('given literal text', () => {
    it('should return it as written, apostrophes included', () => {
      expect(format('Cancel')).toBe('Cancel');
      expect(format("Don't recognize {device}? You'll see it.", { device: 'Chrome' })).toBe("Don't recognize Chrome? You'll see it.");
      expect(format('Couldn’t log out.')).toBe('Couldn’t log out.');
      expect(format('')).toBe('');
    });

    it("should turn '' into one apostrophe, inside quoted text too", () => {
      expect(format("it''s")).toBe("it's");
      expect(format("'{it''s}'")).toBe("{it's}");
    });

    it('should quote from an apostrophe before a brace to the next lone apostrophe', () => {
      expect(format("'{'literal braces'}'")).toBe('{literal braces}');
      expect(format("'{device}' is {device}", { device: 'Chrome' })).toBe('{device} is Chrome');
      expect(format("x '{never closed")).toBe('x {never closed');
      expect(format("'<b>' and '>'")).toBe('<b> and >');
    });

    it('should keep # and } as text outside a plural, and < when no tag follows', () => {
      expect(format("# and '#' and a } brace")).toBe("# and '#' and a } brace");
      expect(format('1 < 2 and <3 and 2 > 1')).toBe('1 < 2 and <3 and 2 > 1');
    });
  });

  describe('given a plain argument', () => {
    it('should insert a string as is, with the whitespace ICU allows inside braces', () => {
      expect(format('Log out {device}', { device: '{Chrome} #1' })).toBe('Log out {Chrome} #1');
      expect(format('Log out { device\n}', { device: 'Chrome' })).toBe('Log out Chrome');
      expect(format('{\u200fcount, plural,\u200fother {#}}', { count: 2 }, 'ar')).toBe('2');
      // As in @formatjs/icu-messageformat-parser: a mark is not White_Space, so after a name it is part of it.
      expect(() => format('{count\u200f}', { count: 2 })).toThrow('No value for {count\u200f}');
    });

    it('should format a number for the locale', () => {
      expect(format('{total} not shown', { total: 1234.5 }, 'de')).toBe('1.234,5 not shown');
      expect(format('{total} not shown', { total: 1234.5 }, 'en')).toBe('1,234.5 not shown');
    });

    it('should insert a Date as intl-messageformat does, as its string', () => {
      const date = new Date(2025, 2, 4, 9, 41);

      expect(format('Signed in {date}', { date })).toBe(`Signed in ${String(date)}`);
    });
  });

  describe('given a number argument', () => {
    it('should format with the locale, as an integer or as a percent', () => {
      expect(format('{n, number}', { n: 1234.5 }, 'de')).toBe('1.234,5');
      expect(format('{n, number, integer}', { n: 2.6 })).toBe('3');
      expect(format('{n,number,percent}', { n: 0.25 })).toBe('25%');
      expect(format('{ n , number , percent }', { n: 0.25 }, 'de')).toBe('25\u00a0%');
    });
  });

  describe('given a date or time argument', () => {
    const date = new Date(2025, 2, 4, 9, 41, 7);

    it('should format each style as intl-messageformat does', () => {
      expect(format('{d, date, short}', { d: date })).toBe('3/4/25');
      expect(format('{d, date, medium}', { d: date })).toBe('Mar 4, 2025');
      expect(format('{d, date, long}', { d: date })).toBe('March 4, 2025');
      expect(format('{d, date, full}', { d: date })).toBe('Tuesday, March 4, 2025');
      expect(format('{d, date}', { d: date })).toBe('3/4/2025');
      expect(format('{t, time, short}', { t: date })).toBe('9:41 AM');
      expect(format('{t, time}', { t: date })).toBe('9:41:07 AM');
      expect(format('{t, time, medium}', { t: date }, 'de')).toBe('09:41:07');
      for (const source of ['{t, time, long}', '{t, time, full}', '{d, date, full}', '{t, time, short}']) {
        for (const locale of LOCALES) {
          expect(format(source, { t: date, d: date }, locale), `${source} in ${locale}`).toBe(
            new IntlMessageFormat(source, locale).format({ t: date, d: date }),
          );
        }
      }
    });

    it('should accept a timestamp as intl-messageformat does', () => {
      expect(format('{d, date, short}', { d: date.getTime() })).toBe('3/4/25');
    });
  });

  describe('given a plural', () => {
    const sessions = '{count, plural, one {# active session} other {# active sessions}}';

    it("should pick the locale's category and format # for the locale", () => {
      expect(format(sessions, { count: 1 })).toBe('1 active session');
      expect(format(sessions, { count: 0 })).toBe('0 active sessions');
      expect(format(sessions, { count: 1234 })).toBe('1,234 active sessions');
      expect(format('{n, plural, one {# Sitzung} other {# Sitzungen}}', { n: 1234 }, 'de')).toBe('1.234 Sitzungen');
    });

    it('should use every category Polish and Arabic need', () => {
      const polish = '{n, plural, one {# sesja} few {# sesje} many {# sesji} other {# sesji (ułamek)}}';
      expect([1, 2, 5, 22, 25, 1.5].map((n) => format(polish, { n }, 'pl'))).toEqual([
        '1 sesja',
        '2 sesje',
        '5 sesji',
        '22 sesje',
        '25 sesji',
        '1,5 sesji (ułamek)',
      ]);
      const arabic = '{n, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}';
      expect([0, 1, 2, 3, 11, 100].map((n) => format(arabic, { n }, 'ar'))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    });

    it('should let =N win over the category, matching the value before the offset', () => {
      const guests = '{n, plural, offset:1 =0 {nobody} =1 {only {host}} one {{host} and # other} other {{host} and # others}}';
      expect([0, 1, 2, 3].map((n) => format(guests, { n, host: 'Ann' }))).toEqual([
        'nobody',
        'only Ann',
        'Ann and 1 other',
        'Ann and 2 others',
      ]);
      expect(format('{n, plural, =1 {exactly one} one {one} other {#}}', { n: 1 })).toBe('exactly one');
      expect(format('{n, plural, offset:-1 =-1 {minus one} other {#}}', { n: -1 })).toBe('minus one');
      expect(format('{n, plural, offset:-1 =-1 {minus one} other {#}}', { n: 2 })).toBe('3');
    });

    it('should format ordinals with selectordinal', () => {
      const ordinal = '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}';
      expect([1, 2, 3, 4, 11, 22, 103].map((n) => format(ordinal, { n }))).toEqual(['1st', '2nd', '3rd', '4th', '11th', '22nd', '103rd']);
    });

    it("should keep a quoted '#' as text, and # as text in a select nested in the branch (as intl-messageformat)", () => {
      expect(format("{n, plural, other {'#'# is #}}", { n: 3 })).toBe('#3 is 3');
      expect(format('{n, plural, other {# {s, select, other {#}}}}', { n: 3, s: 'x' })).toBe('3 #');
    });
  });

  describe('given a select', () => {
    const device = '{type, select, desktop {Unknown desktop device} mobile {Unknown mobile device} other {Unknown device}}';

    it('should pick the branch by value, or other', () => {
      expect(format(device, { type: 'mobile' })).toBe('Unknown mobile device');
      expect(format(device, { type: 'watch' })).toBe('Unknown device');
      expect(format('{n, select, 1 {one} other {more}}', { n: 1 })).toBe('one');
    });

    it('should nest plurals and selects in each other', () => {
      const nested = '{app, select, codex {{n, plural, one {# Codex session} other {# Codex sessions}}} other {{n, number} sessions}}';
      expect(format(nested, { app: 'codex', n: 2 })).toBe('2 Codex sessions');
      expect(format(nested, { app: 'chatgpt', n: 1234 })).toBe('1,234 sessions');
    });
  });

  describe('given a message it cannot compile', () => {
    it.each([
      ['{device Abmelden', /^Expected "," or "}" at position 8 of ICU message "\{device Abmelden"$/],
      ['Log out {device', /Expected "," or "}" at position 15/],
      ['{}', /Expected an argument name at position 1/],
      ['{ , number}', /Expected an argument name at position 2/],
      ['{n, money}', /Expected number, date, time, plural, selectordinal or select at position 4/],
      ['{n, }', /Expected number, date, time, plural, selectordinal or select at position 4/],
      ['{n, number, }', /Expected a number style \(integer, percent\) at position 12/],
      ['{n, number, currency}', /Expected a number style \(integer, percent\) at position 12/],
      ['{d, date, yyyy}', /Expected a date style \(short, medium, long, full\) at position 10/],
      ['{t, time, short', /Expected "}" at position 15/],
      ['{n, number, ::percent}', /Skeletons are not supported at position 12/],
      ['{d, date, ::yyyyMMdd}', /Skeletons are not supported/],
      ['<b>bold</b>', /Tags are not supported at position 0/],
      ['Hi <br/>', /Tags are not supported at position 3/],
      ['a </b>', /Tags are not supported at position 2/],
      ['{n, plural one {#} other {#}}', /Expected "," at position 11/],
      ['{n, plural, one {#}}', /Expected an 'other' branch at position 19/],
      ['{n, plural, }', /Expected a plural category or =N at position 12/],
      ['{s, select, a {x}}', /Expected an 'other' branch/],
      ['{s, select, =1 {x} other {y}}', /Expected a select key at position 12/],
      ['{n, plural, one {a} one {b} other {c}}', /Duplicate 'one' at position 23/],
      ['{n, plural, =1 {a} =1 {b} other {c}}', /Duplicate '=1' at position 19/],
      ['{n, plural, =x {a} other {c}}', /Expected an integer at position 13/],
      ['{n, plural, =99999999999999999 {a} other {c}}', /Expected an integer at position 30/],
      ['{n, number, constructor}', /Expected a number style \(integer, percent\) at position 12/],
      ['{n, plural, offset 1 other {#}}', /Expected ":" at position 18/],
      ['{n, plural, offset:x other {#}}', /Expected an integer at position 19/],
      ['{n, plural, one # other {#}}', /Expected "\{" at position 16/],
      ['{n, plural, one {# x', /Expected "}" at position 20/],
      ['{n, plural, one {#} other {#}', /Expected "}" at position 29/],
      ['{n, plural, other {# {}}}', /Expected an argument name at position 22/],
      ['{s, select, other {x}', /Expected "}" at position 21/],
    ])('should throw for %j', (source, message) => {
      expect(() => compileMessage(source, 'en')).toThrow(message);
    });
  });

  describe('given values that do not fit the message', () => {
    it('should throw at format time when a used value is missing', () => {
      const logOut = compileMessage('Log out {device}', 'en');

      expect(() => logOut()).toThrow('No value for {device}');
      expect(() => logOut({ os: 'macOS' })).toThrow('No value for {device}');
      expect(() => format('{toString}', {})).toThrow('No value for {toString}');
      expect(() => compileMessage('{n, plural, one {a} other {{b}}}', 'en')({ n: 2 })).toThrow('No value for {b}');
    });

    it('should not ask for values of branches it does not take', () => {
      expect(format('{n, plural, one {a} other {{b}}}', { n: 1 })).toBe('a');
    });
  });

  describe('given many rows to format', () => {
    it('should create each Intl object once per locale and options, not per message or row', () => {
      const { PluralRules, NumberFormat } = Intl;
      const pluralRules = vi.spyOn(Intl, 'PluralRules').mockImplementation(function (locale, options) {
        return new PluralRules(locale, options);
      });
      const numberFormat = vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (locale, options) {
        return new NumberFormat(locale, options);
      });
      const rows = Array.from({ length: 1000 }, (_, n) => n);

      const texts = rows.map((n) => format('{n, plural, one {# session} other {# sessions}} ({total})', { n, total: n }, 'fr-CA'));

      expect(texts[1]).toBe('1 session (1)');
      expect(texts[999]).toBe('999 sessions (999)');
      expect(pluralRules).toHaveBeenCalledTimes(1);
      expect(numberFormat).toHaveBeenCalledTimes(1);
    });
  });
});

// ————— differential: compileMessage against intl-messageformat —————

type Outcome = { ok: string } | { threw: 'compile' | 'format' };

const walk = (elements: MessageFormatElement[], visit: (el: MessageFormatElement) => void) => {
  for (const el of elements) {
    visit(el);
    if (el.type === TYPE.select || el.type === TYPE.plural) for (const option of Object.values(el.options)) walk(option.value, visit);
    if (el.type === TYPE.tag) walk(el.children, visit);
  }
};

/** Whether an AST uses what the runtime leaves out: tags, skeletons, other styles. */
function isUnsupported(ast: MessageFormatElement[]) {
  let unsupported = false;
  walk(ast, (el) => {
    if (el.type === TYPE.tag) unsupported = true;
    if (el.type === TYPE.number && el.style !== null && !['integer', 'percent'].includes(el.style as string)) unsupported = true;
    if (
      (el.type === TYPE.date || el.type === TYPE.time) &&
      el.style !== null &&
      !['short', 'medium', 'long', 'full'].includes(el.style as string)
    ) {
      unsupported = true;
    }
  });
  return unsupported;
}

/**
 * intl-messageformat's outcome, adjusted for the two ways the runtime differs on purpose: it rejects what
 * it does not support at compile, and formats a number in `{name}` with Intl.NumberFormat where
 * intl-messageformat uses String(n). A Date in `{name}` comes back as a part; joined, it reads as ours.
 */
function oracle(source: string, locale: string, values: MessageValues): Outcome | 'unsupported' {
  let message: IntlMessageFormat;
  try {
    message = new IntlMessageFormat(source, locale);
  } catch {
    return { threw: 'compile' };
  }
  const ast = message.getAst();
  if (isUnsupported(ast)) return 'unsupported';
  const plain = new Set<string>();
  const other = new Set<string>();
  walk(ast, (el) => {
    if (el.type === TYPE.argument) plain.add(el.value);
    else if ('value' in el && el.type !== TYPE.literal) other.add(el.value);
  });
  const adjusted = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'number' && plain.has(name) && !other.has(name) ? new Intl.NumberFormat(locale).format(value) : value,
    ]),
  );
  try {
    const result = message.format<unknown>(adjusted);
    return { ok: Array.isArray(result) ? result.map(String).join('') : String(result) };
  } catch {
    return { threw: 'format' };
  }
}

function ours(source: string, locale: string, values: MessageValues): Outcome {
  let message: ReturnType<typeof compileMessage>;
  try {
    message = compileMessage(source, locale);
  } catch {
    return { threw: 'compile' };
  }
  try {
    return { ok: message(values) };
  } catch {
    return { threw: 'format' };
  }
}

/** Asserts both formatters agree on a message, and counts the kind of outcome. */
function expectSameAsOracle(source: string, locale: string, values: MessageValues, name: string) {
  const expected = oracle(source, locale, values);
  const actual = ours(source, locale, values);
  if (expected === 'unsupported') {
    count(`${name}: unsupported`);
    expect(actual, `${JSON.stringify(source)} uses syntax the runtime rejects`).toEqual({ threw: 'compile' });
    return;
  }
  count(`${name}: ${'ok' in expected ? 'formatted' : `threw at ${expected.threw}`}`);
  expect(actual, `${JSON.stringify(source)} in ${locale} with ${JSON.stringify(values)}`).toEqual(expected);
}

// Argument names by kind, so a value always fits the kind that uses it.
const TEXT = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom(
      'a',
      'Log out',
      ' ',
      '\n',
      'é',
      'ł',
      '日本',
      '😀',
      'ا',
      '’',
      '.',
      ',',
      '=',
      ':',
      '0',
      '7',
      '-',
      '>',
      '< ',
      '<3',
      '#',
      "don't",
      "You'll",
      "couldn't",
      "''",
      "'{'",
      "'}'",
      "'{literal}'",
      "'<b>'",
      "'>'",
    ),
  },
  // A lone apostrophe, or a quoted '#' outside a plural (two lone ones), quotes whatever brace follows.
  { weight: 1, arbitrary: fc.constantFrom("'", "'#'", "it's") },
);
// ICU skips Pattern_White_Space between tokens, right-to-left marks included; after a name a mark
// would be part of the name, so only the space before one may hold one.
const SPACE = fc.constantFrom('', ' ', '  ', '\n', '\t');
const SPACE_BEFORE_NAME = fc.constantFrom('', ' ', '\n', '\u200f', ' \u200e');
const PLAIN = fc.constantFrom('device', 'name');
const NUMERIC = fc.constantFrom('count', 'n');

function pieceOf(depth: number, inPlural: boolean): fc.Arbitrary<string> {
  const leaves: Array<fc.Arbitrary<string>> = [
    TEXT,
    TEXT,
    fc.tuple(SPACE_BEFORE_NAME, PLAIN, SPACE).map(([a, name, b]) => `{${a}${name}${b}}`),
    fc
      .tuple(NUMERIC, SPACE, fc.constantFrom('', ', integer', ',percent', ' , integer '))
      .map(([name, s, style]) => `{${name}${s},${s}number${style}}`),
    fc
      .tuple(fc.constantFrom('date', 'time'), fc.constantFrom('', ', short', ', medium', ', long', ', full'))
      .map(([type, style]) => `{when, ${type}${style}}`),
  ];
  if (inPlural) leaves.push(fc.constant('#'), fc.constant(' # '));
  if (depth <= 0) return fc.oneof(...leaves);
  const body = (isPlural: boolean) => fc.array(pieceOf(depth - 1, isPlural), { maxLength: 3 }).map((p) => p.join(''));
  const plural = fc
    .record({
      name: NUMERIC,
      type: fc.constantFrom('plural', 'selectordinal'),
      offset: fc.constantFrom('', 'offset:1 ', 'offset: 2\n', 'offset:-1 '),
      keys: fc.subarray(['=0', '=1', '=2', '=-1', '=+3', 'zero', 'one', 'two', 'few', 'many']),
      space: SPACE,
      spaceBeforeKey: SPACE_BEFORE_NAME,
    })
    .chain(({ keys, ...rest }) =>
      fc.tuple(
        fc.constant(rest),
        fc.array(body(true), { minLength: keys.length + 1, maxLength: keys.length + 1 }),
        fc.constant([...keys, 'other']),
      ),
    )
    .map(
      ([{ name, type, offset, space, spaceBeforeKey }, bodies, keys]) =>
        `{${name}, ${type},${spaceBeforeKey}${offset}${keys.map((k, i) => `${k}${space}{${bodies[i]}}`).join(spaceBeforeKey || ' ')}}`,
    );
  const select = fc
    .subarray(['a', 'b', 'desktop', 'api_platform', '1'])
    .chain((keys) =>
      fc.tuple(fc.array(body(false), { minLength: keys.length + 1, maxLength: keys.length + 1 }), fc.constant([...keys, 'other'])),
    )
    .map(([bodies, keys]) => `{kind, select, ${keys.map((k, i) => `${k} {${bodies[i]}}`).join(' ')}}`);
  return fc.oneof(...leaves, plural, select);
}

const MESSAGE = fc.array(pieceOf(2, false), { maxLength: 4 }).map((pieces) => pieces.join(''));
const COUNT = fc.oneof(
  fc.integer({ min: -2, max: 130 }),
  fc.integer({ min: 0, max: 2_000_000 }),
  fc.constantFrom(0.5, 1.5, 2.25, 1e-7),
  fc.constantFrom('1', '2'),
);
const DATE = fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
const VALUES = fc.record({
  device: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('Chrome', "Don't {x}"), COUNT, DATE),
  name: fc.oneof(fc.string({ maxLength: 6 }), fc.integer()),
  count: COUNT,
  n: COUNT,
  when: fc.oneof(DATE, fc.integer({ min: 0, max: 4_102_444_800_000 })),
  kind: fc.oneof(fc.constantFrom('a', 'b', 'desktop', 'api_platform', 'mobile', 'other'), fc.constantFrom(1, 2)),
}) as fc.Arbitrary<MessageValues>;
const LOCALE = fc.constantFrom(...LOCALES);

// Near misses: a generated message with one token inserted or one character deleted.
const BREAK = fc.constantFrom(
  '{',
  '}',
  "'",
  '#',
  ',',
  ' ',
  '\u00a0',
  '=',
  ':',
  '<b>',
  '</b>',
  '<',
  'x',
  'plural',
  'select',
  'number',
  'other',
  '::',
  'offset:',
);
const NEAR_MISS = fc.tuple(MESSAGE, fc.nat(), BREAK, fc.boolean()).map(([message, at, token, isInsert]) => {
  const i = message.length === 0 ? 0 : at % message.length;
  return isInsert ? message.slice(0, i) + token + message.slice(i) : message.slice(0, i) + message.slice(i + 1);
});

describe('compileMessage against intl-messageformat', () => {
  it('should format every generated message as intl-messageformat does, in every locale', () => {
    fc.assert(
      fc.property(MESSAGE, LOCALE, VALUES, (source, locale, values) => expectSameAsOracle(source, locale, values, 'generated')),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('should reject what intl-messageformat rejects and format the rest alike, for near misses', () => {
    fc.assert(
      fc.property(NEAR_MISS, LOCALE, VALUES, (source, locale, values) => expectSameAsOracle(source, locale, values, 'near miss')),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('should throw for a missing value where intl-messageformat does', () => {
    const SOME_VALUES = VALUES.chain((values) =>
      fc.subarray(Object.keys(values)).map((keys) => Object.fromEntries(keys.map((k) => [k, values[k]!]))),
    );
    fc.assert(
      fc.property(MESSAGE, LOCALE, SOME_VALUES, (source, locale, values) => expectSameAsOracle(source, locale, values, 'some values')),
      { seed: SEED, numRuns: 1000 },
    );
  });

  describe('given the shipped catalogs', () => {
    const en = CATALOGS['en.json']!;

    /** Values for every argument of the English source message, by the kind that uses it. */
    function valuesFor(source: string): fc.Arbitrary<MessageValues> {
      const model: Record<string, fc.Arbitrary<string | number | Date>> = {};
      walk(parse(source), (el) => {
        if (el.type === TYPE.argument)
          model[el.value] = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Chrome on macOS', "Bob's iPhone"), COUNT);
        if (el.type === TYPE.number || el.type === TYPE.plural) model[el.value] = COUNT;
        if (el.type === TYPE.date || el.type === TYPE.time) model[el.value] = DATE;
        if (el.type === TYPE.select) model[el.value] = fc.constantFrom(...Object.keys(el.options), 'unknown');
      });
      return fc.record(model);
    }

    it('should find every catalog', () => {
      expect(Object.keys(CATALOGS).sort()).toEqual(['ar.json', 'de.json', 'en.json', 'ja.json', 'pl.json', 'pseudo.json']);
    });

    it.each(Object.keys(CATALOGS))('should format every message of %s as intl-messageformat does', (file) => {
      const catalog = CATALOGS[file]!;
      // The pseudo-locale is English underneath.
      const locale = file === 'pseudo.json' ? 'en' : file.replace('.json', '');
      expect(Object.keys(catalog)).toEqual(Object.keys(en));
      for (const [key, source] of Object.entries(en)) {
        const message = catalog[key]!;
        expect(oracle(message, locale, {}), `${file} ${key}`).not.toBe('unsupported');
        fc.assert(
          fc.property(valuesFor(source), (values) => {
            const actual = ours(message, locale, values);
            expect(actual, `${file} ${key}`).toHaveProperty('ok');
            expectSameAsOracle(message, locale, values, 'catalogs');
          }),
          { seed: SEED, numRuns: 40 },
        );
      }
    });
  });
});
