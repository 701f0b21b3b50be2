/** One problem: the file, the key (or `(file)`), and what is wrong. */
export type Problem = { file: string; key: string; message: string };

/** Problems found so far, and notes on what could not be checked. */
export class Report {
  problems: Problem[] = [];
  notes: Problem[] = [];
  add(file: string, key: string, message: string): void {
    this.problems.push({ file, key, message });
  }
  note(file: string, message: string): void {
    this.notes.push({ file, key: '(note)', message });
  }
}
