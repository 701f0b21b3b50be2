// Types for scripts/pseudo.mjs, so TypeScript tests can import the generator.
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** Replaces every ASCII letter with its accented twin. */
export function accent(text: string): string;
/** Prints a parsed ICU message back to source; `mapText` rewrites literal text only. */
export function printMessage(elements: MessageFormatElement[], mapText?: (text: string) => string, parentArgType?: string): string;
/** Pseudo-localizes one ICU message: accented, bracketed, padded by ~35%. */
export function pseudoLocalizeMessage(message: string): string;
/** Pseudo-localizes a whole catalog, keeping its key order. */
export function pseudoLocalize(catalog: Record<string, string>): Record<string, string>;
/** Serializes a catalog the way every catalog in src/i18n/messages is written. */
export function formatCatalog(catalog: Record<string, string>): string;
export const SOURCE_PATH: string;
export const PSEUDO_PATH: string;
/** The English source, whole: en.json, then en.actions.json. */
export function readSource(): Record<string, string>;
