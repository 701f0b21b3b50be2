// Reading catalogs and walking their ICU messages.
import { readFileSync } from 'node:fs';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Report } from './report.js';

export type Catalog = Record<string, string>;
export type Kind = 'plain' | 'number' | 'date' | 'time' | 'select' | 'plural' | 'selectordinal' | 'tag';

/** Reads a flat key → string JSON object, reporting why it can't be used. */
export function readCatalog(file: string, report: Report): Catalog | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    report.add(file, '(file)', code === 'ENOENT' ? 'file not found' : `cannot read JSON: ${message}`);
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    report.add(file, '(file)', 'must be a JSON object of key → ICU message');
    return undefined;
  }
  const catalog: Catalog = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string') catalog[key] = value;
    else report.add(file, key, `value must be a string, found ${value === null ? 'null' : typeof value}`);
  }
  return catalog;
}

/** Parses one message; `other` is checked by us so it gets its own, clearer line. */
export function parseMessage(file: string, key: string, message: string, report: Report): MessageFormatElement[] | undefined {
  try {
    // Locations let the runtime check quote the source, and tell `<br/>` from a quoted '<br/>'.
    return parse(message, { requiresOtherClause: false, captureLocation: true });
  } catch (error) {
    const { message: reason, location } = error as Error & { location?: { start: { column: number } } };
    report.add(file, key, `ICU syntax error: ${reason}${location ? ` at column ${location.start.column}` : ''}`);
    return undefined;
  }
}

/** Visits every element, inside plural, select and tag branches too. */
export function walk(elements: MessageFormatElement[], visit: (el: MessageFormatElement) => void): void {
  for (const el of elements) {
    visit(el);
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      for (const option of Object.values(el.options)) walk(option.value, visit);
    } else if (el.type === TYPE.tag) walk(el.children, visit);
  }
}

/** What kind of placeholder an element is, if it is one. */
export function kindOf(el: MessageFormatElement): Kind | undefined {
  switch (el.type) {
    case TYPE.argument:
      return 'plain';
    case TYPE.number:
      return 'number';
    case TYPE.date:
      return 'date';
    case TYPE.time:
      return 'time';
    case TYPE.select:
      return 'select';
    case TYPE.plural:
      return el.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
    case TYPE.tag:
      return 'tag';
    default:
      return undefined;
  }
}
