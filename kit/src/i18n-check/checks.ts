// The checks of one catalog against the source: keys, placeholders, plural forms, what the runtime formats.
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { kindOf, parseMessage, readCatalog, walk, type Kind } from './icu.js';
import type { Report } from './report.js';

const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];
const PLURAL_CATEGORIES = new Set(CATEGORY_ORDER);
// The styles the runtime formatter (src/i18n/format.ts of the UI package) knows, as intl-messageformat defines them.
const RUNTIME_STYLES: Partial<Record<Kind, string[]>> = {
  number: ['integer', 'percent'],
  date: ['short', 'medium', 'long', 'full'],
  time: ['short', 'medium', 'long', 'full'],
};

type Argument = { kinds: Set<Kind>; selectKeys: Set<string> };

const label = (name: string, kinds: Set<Kind>) => (kinds.has('tag') ? `<${name}>` : `{${name}}`);
const describe = (kinds: Set<Kind>) => [...kinds].sort().join('/');

/** Every argument and tag of a message: name → kinds used and select keys seen. */
function collectArguments(ast: MessageFormatElement[]): Map<string, Argument> {
  const args = new Map<string, Argument>();
  walk(ast, (el) => {
    const kind = kindOf(el);
    if (!kind || !('value' in el) || typeof el.value !== 'string') return;
    const entry = args.get(el.value) ?? { kinds: new Set(), selectKeys: new Set() };
    entry.kinds.add(kind);
    if (el.type === TYPE.select) for (const key of Object.keys(el.options)) entry.selectKeys.add(key);
    args.set(el.value, entry);
  });
  return args;
}

function compareArguments(
  file: string,
  key: string,
  sourceArgs: Map<string, Argument>,
  args: Map<string, Argument>,
  sourceName: string,
  report: Report,
) {
  for (const [name, expected] of sourceArgs) {
    const actual = args.get(name);
    if (!actual) {
      report.add(file, key, `placeholder ${label(name, expected.kinds)} is missing (${sourceName} has it)`);
      continue;
    }
    if (describe(actual.kinds) !== describe(expected.kinds)) {
      report.add(file, key, `placeholder {${name}} is ${describe(actual.kinds)} here but ${describe(expected.kinds)} in ${sourceName}`);
      continue;
    }
    for (const option of expected.selectKeys) {
      if (option !== 'other' && !actual.selectKeys.has(option))
        report.add(file, key, `select {${name}} is missing the '${option}' branch (${sourceName} has it)`);
    }
    for (const option of actual.selectKeys) {
      if (!expected.selectKeys.has(option))
        report.add(file, key, `select {${name}} has a branch '${option}' that ${sourceName} doesn't have`);
    }
  }
  for (const [name, actual] of args) {
    if (!sourceArgs.has(name)) report.add(file, key, `placeholder ${label(name, actual.kinds)} is not in ${sourceName}`);
  }
}

/** The locale a tag names, when Intl knows it. */
export function knownLocale(tag: string): string | undefined {
  try {
    return Intl.PluralRules.supportedLocalesOf([tag]).length > 0 ? tag : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Plural categories a locale uses for whole numbers up to 1000, with their numbers: these are
 * required. Others it knows (French `many` for a million, fractions) are allowed but optional.
 */
function integerCategories(locale: string, type: Intl.PluralRuleType): Map<string, number[]> {
  const rules = new Intl.PluralRules(locale, { type });
  const categories = new Map<string, number[]>();
  for (let n = 0; n <= 1000; n++) {
    const category = rules.select(n);
    categories.set(category, [...(categories.get(category) ?? []), n]);
  }
  return categories;
}

/**
 * Checks select and plural branches; the plural forms a locale needs only when the locale is known.
 * Resolves with whether the message has a plural (so the caller can say what it skipped).
 */
function checkBranches(file: string, key: string, ast: MessageFormatElement[], locale: string | undefined, report: Report): boolean {
  let hasPlural = false;
  walk(ast, (el) => {
    if (el.type !== TYPE.select && el.type !== TYPE.plural) return;
    const kind = kindOf(el);
    const options = Object.keys(el.options);
    if (!options.includes('other')) report.add(file, key, `{${el.value}, ${kind}} has no 'other' branch`);
    if (el.type === TYPE.select) return;
    hasPlural = true;
    for (const option of options) {
      if (!option.startsWith('=') && !PLURAL_CATEGORIES.has(option)) {
        report.add(
          file,
          key,
          `{${el.value}, ${kind}} has '${option}', which is not a plural category (zero, one, two, few, many, other or =N)`,
        );
      }
    }
    if (!locale) return;
    const type = kind === 'plural' ? 'cardinal' : 'ordinal';
    const exact = new Set(options.filter((o) => o.startsWith('=')).map((o) => Number(o.slice(1))));
    const ordered = [...integerCategories(locale, type)].sort(([a], [b]) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b));
    for (const [category, examples] of ordered) {
      // `=0` covers Arabic `zero`, `=1` covers Polish `one`: only numbers left uncovered count.
      const uncovered = examples.filter((n) => !exact.has(n));
      if (category !== 'other' && uncovered.length > 0 && !options.includes(category)) {
        report.add(
          file,
          key,
          `{${el.value}, ${kind}} is missing the '${category}' form ${locale} needs (e.g. ${uncovered.slice(0, 3).join(', ')})`,
        );
      }
    }
    const known = new Set<string>(new Intl.PluralRules(locale, { type }).resolvedOptions().pluralCategories);
    for (const option of options) {
      if (PLURAL_CATEGORIES.has(option) && !known.has(option))
        report.add(file, key, `{${el.value}, ${kind}} has a '${option}' form, which ${locale} never uses`);
    }
  });
  return hasPlural;
}

/** Reports what ICU allows but the runtime formatter rejects, which would show English instead. */
function checkRuntimeSupport(file: string, key: string, message: string, ast: MessageFormatElement[], report: Report): void {
  const source = (el: MessageFormatElement) => (el.location ? message.slice(el.location.start.offset, el.location.end.offset) : '');
  walk(ast, (el) => {
    const kind = kindOf(el);
    if (el.type === TYPE.tag || (el.type === TYPE.literal && /^<[a-z]/i.test(source(el)))) {
      // `<br/>` parses as text, but the runtime rejects self-closing tags too.
      report.add(file, key, `tag ${el.type === TYPE.tag ? `<${el.value}>` : source(el)} is not supported by the runtime formatter`);
      return;
    }
    const styles = kind && RUNTIME_STYLES[kind];
    if (!styles || !('style' in el) || el.style === null || el.style === undefined) return;
    if (typeof el.style !== 'string') report.add(file, key, `${source(el)} uses a skeleton, which the runtime formatter does not support`);
    else if (!styles.includes(el.style)) {
      report.add(file, key, `${source(el)} uses a ${kind} style the runtime formatter does not support (supported: ${styles.join(', ')})`);
    }
  });
}

/** The parsed source: key → its ICU elements (undefined when it does not parse). */
export type SourceAsts = Map<string, MessageFormatElement[] | undefined>;

/** Checks the source catalog itself; resolves with its parsed messages. */
export function checkSource(file: string, source: Record<string, string>, locale: string | undefined, report: Report): SourceAsts {
  const asts: SourceAsts = new Map();
  for (const [key, message] of Object.entries(source)) {
    const ast = parseMessage(file, key, message, report);
    if (ast) {
      checkBranches(file, key, ast, locale, report);
      checkRuntimeSupport(file, key, message, ast, report);
    }
    asts.set(key, ast);
  }
  return asts;
}

/** Checks one translated catalog against the parsed source; resolves with how many plural messages it has. */
export function checkCatalog(file: string, locale: string | undefined, sourceAsts: SourceAsts, sourceName: string, report: Report): number {
  const catalog = readCatalog(file, report);
  if (!catalog) return 0;
  let plurals = 0;
  for (const key of sourceAsts.keys()) {
    if (!(key in catalog)) report.add(file, key, `missing key (${sourceName} has it)`);
  }
  for (const [key, message] of Object.entries(catalog)) {
    if (!sourceAsts.has(key)) {
      report.add(file, key, `extra key (not in ${sourceName})`);
      continue;
    }
    const ast = parseMessage(file, key, message, report);
    if (!ast) continue;
    if (checkBranches(file, key, ast, locale, report)) plurals++;
    checkRuntimeSupport(file, key, message, ast, report);
    const sourceAst = sourceAsts.get(key);
    if (sourceAst) compareArguments(file, key, collectArguments(sourceAst), collectArguments(ast), sourceName, report);
  }
  return plurals;
}

/** Every source key has a non-empty translator note, and every note a key. */
export function checkNotes(notesFile: string, sourceKeys: string[], sourceName: string, report: Report): void {
  const notes = readCatalog(notesFile, report);
  if (!notes) return;
  for (const key of sourceKeys) {
    const note = notes[key];
    if (note === undefined) report.add(notesFile, key, 'no translator note for this key');
    else if (note.trim() === '') report.add(notesFile, key, 'translator note is empty');
  }
  for (const key of Object.keys(notes)) {
    if (!sourceKeys.includes(key)) report.add(notesFile, key, `note for a key ${sourceName} doesn't have`);
  }
}
