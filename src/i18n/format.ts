// The ICU MessageFormat subset our catalogs use, formatted by Intl (plural rules, numbers, dates),
// in place of intl-messageformat (9.5 KB min+gzip). Parsing follows @formatjs/icu-messageformat-parser,
// so a message means here what it means to the i18n check and to translators' tools.
import { cached } from './cache';

/** The values of a message's arguments, by name. */
export type MessageValues = Record<string, string | number | Date>;

/** A compiled message: formats it with its values. */
export type FormatMessage = (values?: MessageValues) => string;

// A compiled piece of a message: literal text, or an argument given the values and the `#` number.
type Part = string | ((values: MessageValues | undefined, pound: number) => string);

// Pattern_White_Space, as between the tokens of an argument; names exclude White_Space and Pattern_Syntax.
const SPACE = /[\t-\r \x85\u200e\u200f\u2028\u2029]*/y;
const NAME = /[^\p{White_Space}\p{Pattern_Syntax}]*/uy;
const INTEGER = /[+-]?\d*/y;
const STYLE = /[^}]*/y;

// The options intl-messageformat gives each style ('' when there is none), so messages format as they did.
const N = 'numeric';
const date = (month: string, year = N, weekday?: string) => ({ weekday, month, day: N, year });
const time = (second?: string, timeZoneName?: string) => ({ hour: N, minute: N, second, timeZoneName });
const STYLES: Record<string, Record<string, object | undefined>> = {
  number: { '': undefined, integer: { maximumFractionDigits: 0 }, percent: { style: 'percent' } },
  date: { '': undefined, short: date(N, '2-digit'), medium: date('short'), long: date('long'), full: date('long', N, 'long') },
  time: { '': time(N), short: time(), medium: time(N), long: time(N, 'short'), full: time(N, 'short') },
};

// Intl objects are costly to create and immutable: one per locale and options, shared by every message.
const intl = <T>(Formatter: new (locale: string, options?: object) => T, locale: string, options?: object): T =>
  cached(`${Formatter.name}:${locale}:${JSON.stringify(options)}`, () => new Formatter(locale, options));

const run = (parts: Part[], values: MessageValues | undefined, pound: number) =>
  parts.map((part) => (typeof part === 'string' ? part : part(values, pound))).join('');

function valueOf(values: MessageValues | undefined, name: string) {
  const value = values && Object.hasOwn(values, name) ? values[name] : undefined;
  if (value === undefined) throw new Error(`No value for {${name}}`);
  return value;
}

/**
 * Compiles an ICU message for `locale`: text with `''` and ICU quoting, `{name}`, `{name, number|date|time[, style]}`,
 * `plural` / `selectordinal` (with `offset:`, `=N` and `#`) and `select`. Throws on any other syntax, with the
 * position (a 0-based index) and what was expected; the compiled message throws when a value is missing.
 */
export function compileMessage(source: string, locale: string): FormatMessage {
  let i = 0;
  const fail = (problem: string, at = i): never => {
    throw new Error(`${problem} at position ${at} of ICU message "${source}"`);
  };
  const read = (pattern: RegExp) => {
    pattern.lastIndex = i;
    const text = pattern.exec(source)![0];
    i += text.length;
    return text;
  };
  // Skips spaces, then `char` if it is next.
  const skip = (char: string) => (read(SPACE), source[i] === char && ++i > 0);
  const expect = (char: string) => skip(char) || fail(`Expected "${char}"`);
  const name = () => (read(SPACE), read(NAME));
  const integer = () => {
    const text = read(INTEGER);
    // Stryker disable next-line UnaryOperator: -n is a safe integer exactly when n is
    return /\d/.test(text) && Number.isSafeInteger(+text) ? +text : fail('Expected an integer');
  };
  const numbers = () => intl(Intl.NumberFormat, locale);

  // Text and arguments up to the `}` closing a branch or the end; `#` is the number in a plural's branch.
  function message(isBranch: boolean, isPluralBranch: boolean): Part[] {
    const parts: Part[] = [];
    let text = '';
    for (let char; (char = source[i]) !== undefined && !(char === '}' && isBranch);) {
      const next = source[i + 1] ?? '';
      if (char === '{' || (char === '#' && isPluralBranch)) {
        if (text) parts.push(text);
        text = '';
        parts.push(char === '{' ? argument() : pound(numbers()));
      } else if (char === '<' && /[a-z/]/i.test(next)) {
        fail('Tags are not supported');
      } else if (char === "'" && next === "'") {
        text += "'";
        i += 2;
      } else if (char === "'" && (next === '#' ? isPluralBranch : /[{}<>]/.test(next))) {
        // A quoted literal: from the special character to the next lone apostrophe (or the end).
        for (text += next, i += 2; i < source.length; i++) {
          if (source[i] !== "'") text += source[i]!;
          else if (source[i + 1] === "'") text += source[i++]!;
          else {
            i++;
            break;
          }
        }
      } else {
        text += char;
        i++;
      }
    }
    if (text) parts.push(text);
    return parts;
  }

  function pound(format: Intl.NumberFormat): Part {
    i++;
    return (_, number) => format.format(number);
  }

  function argument(): Part {
    i++;
    const argumentName = name() || fail('Expected an argument name');
    if (skip('}')) {
      const format = numbers();
      return (values) => {
        const value = valueOf(values, argumentName);
        return typeof value === 'number' ? format.format(value) : String(value);
      };
    }
    if (!skip(',')) fail('Expected "," or "}"');
    read(SPACE);
    const typeAt = i;
    const type = name();
    const styles = STYLES[type];
    if (styles) {
      const hasStyle = skip(',');
      read(SPACE);
      const styleAt = i;
      const style = hasStyle ? read(STYLE).trimEnd() : '';
      if (!Object.hasOwn(styles, style) || (hasStyle && !style)) {
        const expected = `Expected a ${type} style (${Object.keys(styles).slice(1).join(', ')})`;
        fail(style.startsWith('::') ? 'Skeletons are not supported' : expected, styleAt);
      }
      expect('}');
      const Formatter = type === 'number' ? Intl.NumberFormat : Intl.DateTimeFormat;
      const format = intl<Intl.NumberFormat | Intl.DateTimeFormat>(Formatter, locale, styles[style]);
      return (values) => format.format(valueOf(values, argumentName) as number);
    }
    const isSelect = type === 'select';
    if (!isSelect && type !== 'plural' && type !== 'selectordinal') {
      fail('Expected number, date, time, plural, selectordinal or select', typeAt);
    }
    expect(',');
    let offset = 0;
    let key = name();
    if (!isSelect && key === 'offset') {
      if (source[i] !== ':') fail('Expected ":"');
      i++;
      read(SPACE);
      offset = integer();
      key = name();
    }
    const branches = new Map<string, Part[]>();
    for (;;) {
      const at = i;
      if (!key && !isSelect && source[i] === '=') {
        i++;
        integer();
        key = source.slice(at, i);
      }
      if (!key) break;
      if (branches.has(key)) fail(`Duplicate '${key}'`, at);
      expect('{');
      branches.set(key, message(true, !isSelect));
      expect('}');
      key = name();
    }
    if (!branches.has('other'))
      fail(`Expected ${branches.size ? "an 'other' branch" : isSelect ? 'a select key' : 'a plural category or =N'}`);
    expect('}');
    const rules = !isSelect && intl(Intl.PluralRules, locale, { type: type === 'plural' ? 'cardinal' : 'ordinal' });
    return (values) => {
      const value = valueOf(values, argumentName);
      const number = Number(value) - offset;
      // `=N` matches the value itself; the category and `#` use the value minus the offset.
      const branch = rules ? (branches.get(`=${String(value)}`) ?? branches.get(rules.select(number))) : branches.get(String(value));
      return run(branch ?? branches.get('other')!, values, number);
    };
  }

  const parts = message(false, false);
  return (values) => run(parts, values, 0);
}
