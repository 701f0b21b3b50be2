import type { CheckContext } from './context.js';
import type { Need } from './needs.js';

/** One check: a stable id, the rule it enforces, what it needs, and what it does (resolves with what it saw). */
export type Check = {
  id: string;
  rule: string;
  needs?: Need;
  run(ctx: CheckContext): Promise<string>;
};
