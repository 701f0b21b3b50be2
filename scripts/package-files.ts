// What a tarball of this package must hold, checked on its file list (`npm pack --dry-run --json`):
// used by the package check (scripts/check-package.ts) and tested on broken lists (test/package-files.test.ts).

/**
 * The problems of a tarball's file list: a required file missing (the entry points, their types, the
 * stylesheet, the catalogs), a JavaScript module of dist/ without its declaration file, or a test,
 * story, reference-server or kit file shipped.
 */
export function tarballProblems(files: string[]): string[] {
  const problems: string[] = [];
  const packed = new Set(files);
  const required = [
    'package.json',
    'dist/src/index.js',
    'dist/src/index.d.ts',
    'dist/mocks/index.js',
    'dist/mocks/index.d.ts',
    'dist/styles.css',
    // The English source (en.json, and en.actions.json that only the dialogs show), for translators.
    'src/i18n/messages/en.json',
    'src/i18n/messages/en.actions.json',
    'src/i18n/messages/en.notes.json',
  ];
  for (const file of required) if (!packed.has(file.replace(/^\.\//, ''))) problems.push(`the tarball lacks ${file}`);
  // A half-built dist/ (the JavaScript without the declarations) type-checks nowhere.
  for (const file of packed) {
    if (/^dist\/.*\.js$/.test(file) && !packed.has(file.replace(/\.js$/, '.d.ts')))
      problems.push(`the tarball has ${file} but not its types (${file.replace(/\.js$/, '.d.ts')})`);
    if (/(^|\/)(test|stories|\.storybook|node_modules)\/|\.(test|spec|stories)\.[cm]?[jt]sx?$|\.test-d\.ts$/.test(file)) {
      problems.push(`the tarball ships a test or story file: ${file}`);
    }
    // The contract and the two bins are @firstparty/active-sessions-kit's (kit/), not the UI package's.
    if (/^(openapi\.yaml|scripts\/|kit\/)/.test(file)) problems.push(`the tarball ships a file of the kit: ${file}`);
    // The reference server and its demo page are for reading and running from the repo, never shipped.
    if (/^server\//.test(file)) problems.push(`the tarball ships a reference server file: ${file}`);
  }
  return problems;
}
