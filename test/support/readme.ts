// The README's quick-start files: every fenced block whose info string names a file
// (```tsx file=src/App.tsx), in order. test/readme.test.ts compiles them against the package;
// test/quickstart/run.mjs builds an app of them from the packed tarball.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The `{ file, code }` blocks of a Markdown text that name a file. */
export function quickStartFiles(markdown: string): { file: string; code: string }[] {
  const files: { file: string; code: string }[] = [];
  for (const [, file, code] of markdown.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)) files.push({ file: file!, code: code! });
  return files;
}

/** The quick-start files of the repository's README.md (`root`: the repository). */
export function readmeFiles(root = process.cwd()): { file: string; code: string }[] {
  return quickStartFiles(readFileSync(path.join(root, 'README.md'), 'utf8'));
}
