#!/usr/bin/env -S npx tsx
// Generates src/i18n/messages/pseudo.json from en.json: every letter accented, every message
// bracketed and padded by ~35%, so untranslated, truncated or concatenated UI text stands out.
// ICU syntax (argument names, plural/select keys, `#`, styles) is kept by parsing each message
// and printing the AST back, never by editing the source string.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  parse,
  TYPE,
  SKELETON_TYPE,
  type MessageFormatElement,
  type PluralOrSelectOption,
  type Skeleton,
} from '@formatjs/icu-messageformat-parser';

const ACCENTS: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'À',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};
const EXPANSION = 0.35;
const PAD = '·';
// Rough width of an interpolated value, for sizing the padding.
const ARGUMENT_WIDTH = 8;

/** Replaces every ASCII letter with its accented twin. */
export function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => ACCENTS[letter]!);
}

/** Quotes the characters ICU would read as syntax, so a literal prints back as itself. */
function escapeLiteral(text: string, parentArgType: string): string {
  const chars = [...text];
  let out = '';
  for (const [i, ch] of chars.entries()) {
    // A lone apostrophe is literal unless ICU could read it as opening a quote: before
    // syntax, another apostrophe, or whatever the next element prints.
    if (ch === "'") out += i + 1 < chars.length && !"'{}<>#".includes(chars[i + 1]!) ? "'" : "''";
    else if (ch === '{' || ch === '}' || ch === '<' || ch === '>') out += `'${ch}'`;
    else if (ch === '#' && (parentArgType === 'plural' || parentArgType === 'selectordinal')) out += `'#'`;
    else out += ch;
  }
  return out;
}

function printStyle(style: string | Skeleton | null | undefined): string {
  if (style == null) return '';
  if (typeof style === 'string') return `, ${style}`;
  if (style.type === SKELETON_TYPE.dateTime) return `, ::${style.pattern}`;
  const tokens = style.tokens.map((token) => [token.stem, ...token.options].join('/'));
  return `, ::${tokens.join(' ')}`;
}

/** Prints a parsed ICU message back to source; `mapText` rewrites literal text only. */
export function printMessage(
  elements: MessageFormatElement[],
  mapText: (text: string) => string = (text) => text,
  parentArgType = '',
): string {
  return elements.map((el) => printElement(el, mapText, parentArgType)).join('');
}

function printElement(el: MessageFormatElement, mapText: (text: string) => string, parentArgType: string): string {
  switch (el.type) {
    case TYPE.literal:
      return escapeLiteral(mapText(el.value), parentArgType);
    case TYPE.argument:
      return `{${el.value}}`;
    case TYPE.number:
      return `{${el.value}, number${printStyle(el.style)}}`;
    case TYPE.date:
      return `{${el.value}, date${printStyle(el.style)}}`;
    case TYPE.time:
      return `{${el.value}, time${printStyle(el.style)}}`;
    case TYPE.pound:
      return '#';
    case TYPE.tag:
      return `<${el.value}>${printMessage(el.children, mapText, parentArgType)}</${el.value}>`;
    case TYPE.select:
      return `{${el.value}, select, ${printOptions(el.options, mapText, 'select')}}`;
    case TYPE.plural: {
      const kind = el.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
      const offset = el.offset ? `offset:${el.offset} ` : '';
      return `{${el.value}, ${kind}, ${offset}${printOptions(el.options, mapText, kind)}}`;
    }
    default:
      throw new Error(`Unknown ICU element type ${(el as MessageFormatElement).type}`);
  }
}

function printOptions(options: Record<string, PluralOrSelectOption>, mapText: (text: string) => string, argType: string): string {
  return Object.entries(options)
    .map(([key, option]) => `${key} {${printMessage(option.value, mapText, argType)}}`)
    .join(' ');
}

/** Approximate rendered length: literal text, a fixed width per value, the longest branch. */
function estimateLength(elements: MessageFormatElement[]): number {
  let length = 0;
  for (const el of elements) {
    if (el.type === TYPE.literal) length += [...el.value].length;
    else if (el.type === TYPE.pound) length += 1;
    else if (el.type === TYPE.tag) length += estimateLength(el.children);
    else if (el.type === TYPE.select || el.type === TYPE.plural) {
      length += Math.max(0, ...Object.values(el.options).map((option) => estimateLength(option.value)));
    } else length += ARGUMENT_WIDTH;
  }
  return length;
}

/** Pseudo-localizes one ICU message: accented, bracketed, padded by ~35%. */
export function pseudoLocalizeMessage(message: string): string {
  const ast = parse(message);
  const padding = PAD.repeat(Math.max(1, Math.round(estimateLength(ast) * EXPANSION)));
  return `[${printMessage(ast, accent)} ${padding}]`;
}

/** Pseudo-localizes a whole catalog, keeping its key order. */
export function pseudoLocalize(catalog: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(catalog).map(([key, message]) => [key, pseudoLocalizeMessage(message)]));
}

/** Serializes a catalog the way every catalog in src/i18n/messages is written. */
export function formatCatalog(catalog: Record<string, string>): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}

export const SOURCE_PATH = fileURLToPath(new URL('../src/i18n/messages/en.json', import.meta.url));
export const PSEUDO_PATH = fileURLToPath(new URL('../src/i18n/messages/pseudo.json', import.meta.url));

/** The English source, whole: en.json, then en.actions.json (what only the dialogs show, kept apart so it loads with them). */
export function readSource(): Record<string, string> {
  const part = (name: string) =>
    JSON.parse(readFileSync(fileURLToPath(new URL(`../src/i18n/messages/${name}`, import.meta.url)), 'utf8')) as Record<string, string>;
  return { ...part('en.json'), ...part('en.actions.json') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const source = readSource();
  writeFileSync(PSEUDO_PATH, formatCatalog(pseudoLocalize(source)));
  console.log(`i18n:pseudo: wrote ${Object.keys(source).length} messages to src/i18n/messages/pseudo.json`);
}
