/** The `{ file, code }` blocks of a Markdown text that name a file. */
export function quickStartFiles(markdown: string): { file: string; code: string }[];
/** The quick-start files of the repository's README.md. */
export function readmeFiles(root?: string): { file: string; code: string }[];
