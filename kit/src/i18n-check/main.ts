// The command line: active-sessions-i18n-check [catalog.json ...] [--locale tag] [--source en.json] [--notes en.notes.json]
//
// One line per problem ("file: key: message"), then a summary; exit 1 on any problem. Besides ICU
// validity, every message must keep to what the package's own formatter (src/i18n/format.ts) runs:
// no tags, no skeletons, only the number, date and time styles it knows.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCatalog, checkNotes, checkSource, knownLocale } from './checks.js';
import { readCatalog, type Catalog } from './icu.js';
import { Report } from './report.js';

// The catalogs of @firstparty/active-sessions: copied beside the built bin (dist/messages) for the
// tarball; read from the UI package's source when the kit runs from its own source in the repository.
const PACKAGE_MESSAGES = [new URL('../messages/', import.meta.url), new URL('../../../src/i18n/messages/', import.meta.url)]
  .map((url) => fileURLToPath(url))
  .find((dir) => existsSync(path.join(dir, 'en.json')));

const USAGE = `Usage: active-sessions-i18n-check [catalog.json ...] [--locale <tag>] [--source en.json] [--notes en.notes.json]

Checks your catalogs against the English source (default: the en.json of @firstparty/active-sessions).
The locale of each catalog, whose plural forms are checked, is read from its file name
(fr.json, fr-CA.json, messages.fr_CA.json); --locale gives it when the name does not.
With no catalog, checks every *.json beside the source (except the source and *.notes.json)
and the translator notes: with no --source either, those are the package's own catalogs, not yours.`;

class UsageError extends Error {}

type Options = { files: string[]; source?: string; notes?: string; locale?: string; help: boolean };

function parseArgs(argv: string[]): Options {
  const options: Options = { files: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag = '', inline] = arg.startsWith('--') ? arg.split(/=(.*)/s) : [arg];
    if (flag === '--help' || flag === '-h') options.help = true;
    else if (flag === '--source' || flag === '--notes' || flag === '--locale') {
      const value = inline ?? argv[++i];
      if (!value) throw new UsageError(`${flag} needs ${flag === '--locale' ? 'a locale, e.g. --locale fr' : 'a path'}`);
      if (flag === '--locale') {
        if (!knownLocale(value)) throw new UsageError(`--locale ${value} is not a locale this Node.js knows (e.g. fr, pt-BR)`);
        options.locale = value;
      } else options[flag === '--source' ? 'source' : 'notes'] = path.resolve(value);
    } else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else options.files.push(path.resolve(arg));
  }
  return options;
}

function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

/** The locale a catalog is for, from its file name (pl.json, fr-CA.json, messages.fr_CA.json). */
function localeOf(file: string): string | undefined {
  const tag = (path.basename(file, '.json').split('.').pop() ?? '').replace(/_/g, '-');
  // The package's pseudo-locale is English with accents and padding: English plural rules.
  return tag === 'pseudo' ? 'en' : knownLocale(tag);
}

function defaultTargets(sourceFile: string): string[] {
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
function sourcePartsOf(sourceFile: string): string[] {
  const dir = path.dirname(sourceFile);
  const base = path.basename(sourceFile, '.json');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${base}.`) && name.endsWith('.json') && name !== `${base}.notes.json` && name !== `${base}.json`)
    .map((name) => path.join(dir, name))
    .sort();
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Runs the check; returns the process exit code. */
export function main(argv: string[] = process.argv.slice(2), out: (line: string) => void = console.log): number {
  let options: Options;
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
  const packageSource = PACKAGE_MESSAGES && path.join(PACKAGE_MESSAGES, 'en.json');
  const sourceFile = options.source ?? packageSource ?? '';
  const isDefaultRun = options.files.length === 0;
  const targets = isDefaultRun && existsSync(sourceFile) ? defaultTargets(sourceFile) : options.files;
  // Notes are the source's business: checked on a full run, or when asked for.
  const notesFile = options.notes ?? (isDefaultRun ? sourceFile.replace(/\.json$/, '.notes.json') : undefined);
  const sourceName = path.basename(sourceFile);

  const report = new Report();
  const whole = existsSync(sourceFile) ? readCatalog(sourceFile, report) : undefined;
  const source = whole && sourcePartsOf(sourceFile).reduce<Catalog>((all, part) => Object.assign(all, readCatalog(part, report)), whole);
  if (!existsSync(sourceFile)) report.add(sourceFile || 'en.json', '(file)', 'source catalog not found; pass --source path/to/en.json');
  if (source) {
    const sourceAsts = checkSource(sourceFile, source, localeOf(sourceFile), report);
    for (const file of targets) {
      const locale = options.locale ?? localeOf(file);
      const plurals = checkCatalog(file, locale, sourceAsts, sourceName, report);
      if (!locale && plurals > 0) {
        report.note(
          file,
          `cannot tell the locale from the file name, so the plural forms of its ${count(plurals, 'plural message')} were not checked against a locale's rules; name the file after its locale (fr.json) or pass --locale fr`,
        );
      }
    }
    if (notesFile) checkNotes(notesFile, Object.keys(source), sourceName, report);
  }

  // Grouped by file in the order checked, then in source key order.
  const files = [...new Set(report.problems.map((problem) => problem.file))];
  const keyOrder = new Map(Object.keys(source ?? {}).map((key, index) => [key, index]));
  const rank = ({ file, key }: { file: string; key: string }) =>
    [files.indexOf(file), key === '(file)' ? -1 : (keyOrder.get(key) ?? keyOrder.size)] as const;
  const problems = report.problems
    .map((problem, index) => ({ problem, index, rank: rank(problem) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.index - b.index)
    .map(({ problem }) => problem);
  for (const { file, key, message } of problems) out(`${display(file)}: ${key}: ${message}`);
  for (const { file, message } of report.notes) out(`${display(file)}: skipped: ${message}`);
  const keys = source ? Object.keys(source).length : 0;
  out(`i18n: ${count(targets.length, 'catalog')}, ${keys} keys, ${count(problems.length, 'problem')}`);
  if (isDefaultRun && source) {
    // Issue 25: a run with no file reads like a pass for the reader's own catalogs unless it says otherwise.
    out(
      options.source === undefined
        ? `i18n: no catalog given, so these were the ${count(targets.length, 'catalog')} shipped with @firstparty/active-sessions, not yours: pass your files, e.g. active-sessions-i18n-check fr.json`
        : `i18n: no catalog given, so these were the ${count(targets.length, 'catalog')} beside ${display(sourceFile)}`,
    );
  }
  return problems.length === 0 ? 0 : 1;
}
