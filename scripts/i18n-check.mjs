#!/usr/bin/env node
// Checks translated catalogs of @firstparty/active-sessions against the English source.
//
//   node scripts/i18n-check.mjs                          every src/i18n/messages/*.json + notes
//   active-sessions-i18n-check fr.json [more.json]       your own files, against the shipped en.json
//   ... --source path/to/en.json [--notes path/to/en.notes.json]
//
// One line per problem ("file: key: message"), then a summary; exit 1 on any problem. Besides ICU
// validity, every message must keep to what the package's own formatter (src/i18n/format.ts) runs:
// no tags, no skeletons, only the number, date and time styles it knows.
// Plain Node ESM with no dependency beyond the package's own ICU parser, so it runs through npx.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';

const PACKAGE_MESSAGES = fileURLToPath(new URL('../src/i18n/messages/', import.meta.url));
const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];
const PLURAL_CATEGORIES = new Set(CATEGORY_ORDER);
// The styles the runtime formatter knows, as intl-messageformat defines them.
const RUNTIME_STYLES = {
  number: ['integer', 'percent'],
  date: ['short', 'medium', 'long', 'full'],
  time: ['short', 'medium', 'long', 'full'],
};
const USAGE = `Usage: active-sessions-i18n-check [catalog.json ...] [--source en.json] [--notes en.notes.json]

With no catalog, checks every *.json beside the source (except the source and *.notes.json)
and the translator notes. With catalogs, checks only those files against the source
(default: the en.json shipped with @firstparty/active-sessions).`;

function parseArgs(argv) {
  const options = { files: [], source: undefined, notes: undefined, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s) : [arg];
    if (flag === '--help' || flag === '-h') options.help = true;
    else if (flag === '--source' || flag === '--notes') {
      const value = inline ?? argv[++i];
      if (!value) throw new UsageError(`${flag} needs a path`);
      options[flag.slice(2)] = path.resolve(value);
    } else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else options.files.push(path.resolve(arg));
  }
  return options;
}

class UsageError extends Error {}

/** Problems found so far, one per file and key. */
class Report {
  problems = [];
  add(file, key, message) {
    this.problems.push({ file, key, message });
  }
}

function display(file) {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

/** Reads a flat key → string JSON object, reporting why it can't be used. */
function readCatalog(file, report) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error.code === 'ENOENT' ? 'file not found' : `cannot read JSON: ${error.message}`;
    report.add(file, '(file)', reason);
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    report.add(file, '(file)', 'must be a JSON object of key → ICU message');
    return undefined;
  }
  const catalog = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string') catalog[key] = value;
    else report.add(file, key, `value must be a string, found ${value === null ? 'null' : typeof value}`);
  }
  return catalog;
}

/** Parses one message; `other` is checked by us so it gets its own, clearer line. */
function parseMessage(file, key, message, report) {
  try {
    // Locations let the runtime check quote the source, and tell `<br/>` from a quoted '<br/>'.
    return parse(message, { requiresOtherClause: false, captureLocation: true });
  } catch (error) {
    const at = error.location ? ` at column ${error.location.start.column}` : '';
    report.add(file, key, `ICU syntax error: ${error.message}${at}`);
    return undefined;
  }
}

function walk(elements, visit) {
  for (const el of elements) {
    visit(el);
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      for (const option of Object.values(el.options)) walk(option.value, visit);
    } else if (el.type === TYPE.tag) walk(el.children, visit);
  }
}

function kindOf(el) {
  switch (el.type) {
    case TYPE.argument: return 'plain';
    case TYPE.number: return 'number';
    case TYPE.date: return 'date';
    case TYPE.time: return 'time';
    case TYPE.select: return 'select';
    case TYPE.plural: return el.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
    case TYPE.tag: return 'tag';
    default: return undefined;
  }
}

function label(name, kinds) {
  return kinds.has('tag') ? `<${name}>` : `{${name}}`;
}

/** Every argument and tag of a message: name → kinds used and select keys seen. */
function collectArguments(ast) {
  const args = new Map();
  walk(ast, (el) => {
    const kind = kindOf(el);
    if (!kind) return;
    const entry = args.get(el.value) ?? { kinds: new Set(), selectKeys: new Set() };
    entry.kinds.add(kind);
    if (kind === 'select') for (const key of Object.keys(el.options)) entry.selectKeys.add(key);
    args.set(el.value, entry);
  });
  return args;
}

const describe = (kinds) => [...kinds].sort().join('/');

function compareArguments(file, key, sourceArgs, args, sourceName, report) {
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
      if (option !== 'other' && !actual.selectKeys.has(option)) {
        report.add(file, key, `select {${name}} is missing the '${option}' branch (${sourceName} has it)`);
      }
    }
    for (const option of actual.selectKeys) {
      if (!expected.selectKeys.has(option)) {
        report.add(file, key, `select {${name}} has a branch '${option}' that ${sourceName} doesn't have`);
      }
    }
  }
  for (const [name, actual] of args) {
    if (!sourceArgs.has(name)) {
      report.add(file, key, `placeholder ${label(name, actual.kinds)} is not in ${sourceName}`);
    }
  }
}

/** The locale a catalog is for, from its file name (pl.json, fr-CA.json, messages.fr_CA.json). */
function localeOf(file) {
  const tag = path.basename(file, '.json').split('.').pop().replace(/_/g, '-');
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
function integerCategories(locale, type) {
  const rules = new Intl.PluralRules(locale, { type });
  const categories = new Map();
  for (let n = 0; n <= 1000; n++) {
    const category = rules.select(n);
    const examples = categories.get(category) ?? [];
    examples.push(n);
    categories.set(category, examples);
  }
  return categories;
}

function checkBranches(file, key, ast, locale, report) {
  walk(ast, (el) => {
    const kind = kindOf(el);
    if (kind !== 'select' && kind !== 'plural' && kind !== 'selectordinal') return;
    const options = Object.keys(el.options);
    if (!options.includes('other')) {
      report.add(file, key, `{${el.value}, ${kind}} has no 'other' branch`);
    }
    if (kind === 'select') return;
    for (const option of options) {
      if (!option.startsWith('=') && !PLURAL_CATEGORIES.has(option)) {
        report.add(file, key, `{${el.value}, ${kind}} has '${option}', which is not a plural category (zero, one, two, few, many, other or =N)`);
      }
    }
    if (!locale) return;
    const categories = integerCategories(locale, kind === 'plural' ? 'cardinal' : 'ordinal');
    const exact = new Set(options.filter((o) => o.startsWith('=')).map((o) => Number(o.slice(1))));
    const ordered = [...categories].sort(([a], [b]) => CATEGORY_ORDER.indexOf(a) - CATEGORY_ORDER.indexOf(b));
    for (const [category, examples] of ordered) {
      // `=0` covers Arabic `zero`, `=1` covers Polish `one`: only numbers left uncovered count.
      const uncovered = examples.filter((n) => !exact.has(n));
      if (category !== 'other' && uncovered.length > 0 && !options.includes(category)) {
        report.add(file, key, `{${el.value}, ${kind}} is missing the '${category}' form ${locale} needs (e.g. ${uncovered.slice(0, 3).join(', ')})`);
      }
    }
    const known = new Set(new Intl.PluralRules(locale, { type: kind === 'plural' ? 'cardinal' : 'ordinal' }).resolvedOptions().pluralCategories);
    for (const option of options) {
      if (PLURAL_CATEGORIES.has(option) && !known.has(option)) {
        report.add(file, key, `{${el.value}, ${kind}} has a '${option}' form, which ${locale} never uses`);
      }
    }
  });
}

/** Reports what ICU allows but the runtime formatter rejects, which would show English instead. */
function checkRuntimeSupport(file, key, message, ast, report) {
  const source = (el) => message.slice(el.location.start.offset, el.location.end.offset);
  walk(ast, (el) => {
    const kind = kindOf(el);
    if (kind === 'tag' || (el.type === TYPE.literal && /^<[a-z]/i.test(source(el)))) {
      // `<br/>` parses as text, but the runtime rejects self-closing tags too.
      report.add(file, key, `tag ${kind === 'tag' ? `<${el.value}>` : source(el)} is not supported by the runtime formatter`);
    } else if (RUNTIME_STYLES[kind] && el.style !== null) {
      if (typeof el.style !== 'string') {
        report.add(file, key, `${source(el)} uses a skeleton, which the runtime formatter does not support`);
      } else if (!RUNTIME_STYLES[kind].includes(el.style)) {
        report.add(file, key, `${source(el)} uses a ${kind} style the runtime formatter does not support (supported: ${RUNTIME_STYLES[kind].join(', ')})`);
      }
    }
  });
}

/** Checks one translated catalog against the parsed source. */
function checkCatalog(file, sourceAsts, sourceName, report) {
  const catalog = readCatalog(file, report);
  if (!catalog) return;
  const locale = localeOf(file);
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
    checkBranches(file, key, ast, locale, report);
    checkRuntimeSupport(file, key, message, ast, report);
    const sourceAst = sourceAsts.get(key);
    if (sourceAst) compareArguments(file, key, collectArguments(sourceAst), collectArguments(ast), sourceName, report);
  }
}

function checkNotes(notesFile, sourceKeys, sourceName, report) {
  const notes = readCatalog(notesFile, report);
  if (!notes) return;
  for (const key of sourceKeys) {
    if (!(key in notes)) report.add(notesFile, key, 'no translator note for this key');
    else if (notes[key].trim() === '') report.add(notesFile, key, 'translator note is empty');
  }
  for (const key of Object.keys(notes)) {
    if (!sourceKeys.includes(key)) report.add(notesFile, key, `note for a key ${sourceName} doesn't have`);
  }
}

function defaultTargets(sourceFile) {
  const dir = path.dirname(sourceFile);
  const parts = new Set(sourcePartsOf(sourceFile));
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.notes.json'))
    .map((name) => path.join(dir, name))
    .filter((file) => file !== sourceFile && !parts.has(file))
    .sort();
}

// The source may come in parts beside it, `en.<part>.json` (the package's en.actions.json holds what only
// its dialogs show, so they load with them): together they are the source, and its notes cover them all.
function sourcePartsOf(sourceFile) {
  const dir = path.dirname(sourceFile);
  const base = path.basename(sourceFile, '.json');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${base}.`) && name.endsWith('.json') && name !== `${base}.notes.json` && name !== `${base}.json`)
    .map((name) => path.join(dir, name))
    .sort();
}

function notesFileFor(sourceFile) {
  return sourceFile.replace(/\.json$/, '.notes.json');
}

/** Runs the check; returns the process exit code. */
export function main(argv = process.argv.slice(2), out = console.log) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    out(`i18n: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    out(USAGE);
    return 0;
  }
  const sourceFile = options.source ?? path.join(PACKAGE_MESSAGES, 'en.json');
  const isDefaultRun = options.files.length === 0;
  const targets = isDefaultRun ? defaultTargets(sourceFile) : options.files;
  // Notes are the source's business: checked on a full run, or when asked for.
  const notesFile = options.notes ?? (isDefaultRun ? notesFileFor(sourceFile) : undefined);
  const sourceName = path.basename(sourceFile);

  const report = new Report();
  const whole = existsSync(sourceFile) ? readCatalog(sourceFile, report) : undefined;
  const source = whole && Object.assign(whole, ...sourcePartsOf(sourceFile).map((part) => readCatalog(part, report)));
  if (!source) {
    if (!existsSync(sourceFile)) report.add(sourceFile, '(file)', 'source catalog not found; pass --source path/to/en.json');
  } else {
    const sourceAsts = new Map();
    const sourceLocale = localeOf(sourceFile);
    for (const [key, message] of Object.entries(source)) {
      const ast = parseMessage(sourceFile, key, message, report);
      if (ast) {
        checkBranches(sourceFile, key, ast, sourceLocale, report);
        checkRuntimeSupport(sourceFile, key, message, ast, report);
      }
      sourceAsts.set(key, ast);
    }
    for (const file of targets) checkCatalog(file, sourceAsts, sourceName, report);
    if (notesFile) checkNotes(notesFile, Object.keys(source), sourceName, report);
  }

  // Grouped by file in the order checked, then in source key order.
  const files = [...new Set(report.problems.map((problem) => problem.file))];
  const keyOrder = new Map(Object.keys(source ?? {}).map((key, index) => [key, index]));
  const rank = ({ file, key }) => [files.indexOf(file), key === '(file)' ? -1 : (keyOrder.get(key) ?? keyOrder.size)];
  const problems = report.problems
    .map((problem, index) => ({ problem, index, rank: rank(problem) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.index - b.index)
    .map(({ problem }) => problem);
  for (const { file, key, message } of problems) out(`${display(file)}: ${key}: ${message}`);
  const count = problems.length;
  const keys = source ? Object.keys(source).length : 0;
  out(`i18n: ${targets.length} ${targets.length === 1 ? 'catalog' : 'catalogs'}, ${keys} keys, ${count} ${count === 1 ? 'problem' : 'problems'}`);
  return count === 0 ? 0 : 1;
}

function isRunDirectly() {
  try {
    // npx runs the bin through a symlink in node_modules/.bin.
    return realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isRunDirectly()) process.exitCode = main();
