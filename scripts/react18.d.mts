// Types for scripts/react18.mjs, so vite.config.ts can import the aliases.
export const REACT18_DIR: string;
export const REACT18: Record<string, string>;
export const REACT_DEPENDENTS: string[];
export function react18Aliases(): Record<string, string>;
export function ensureReact18(options?: { quiet?: boolean }): boolean;
