// Types for scripts/contract-check.mjs, so TypeScript tests can run the contract check.

/** One entry of the sessions file: the request headers of a signed-in session. */
export type ContractSession = { headers: Record<string, string>; account?: 'other' };

/** The verdict of one check. */
export type ContractCheckResult = {
  /** Stable id, e.g. `logout.other`. */
  id: string;
  /** The rule the check enforces. */
  rule: string;
  status: 'pass' | 'fail' | 'skip';
  /** The rule, then what was seen (or why it was skipped). */
  message: string;
};

export type ContractCheckOptions = {
  /** Where the contract is served, e.g. `http://127.0.0.1:8787/api`. */
  baseUrl: string;
  /** The sessions file's content; the first session is the one the checks act from. */
  sessions: ContractSession[];
  /** Each request fails after this long. @default 10000 */
  timeoutMs?: number;
  /** How long a logged-out session may still be accepted before it fails. @default 3000 */
  graceMs?: number;
  /** The contract to validate against. @default the openapi.yaml beside the bin */
  openapi?: string;
};

export type ContractCheckReport = {
  ok: boolean;
  passed: number;
  failed: number;
  skipped: number;
  checks: ContractCheckResult[];
};

/** Runs every check against a live server. */
export function runContractCheck(options: ContractCheckOptions): Promise<ContractCheckReport>;
/** The command line; resolves with the exit code (0, 1 or 2). */
export function main(
  argv?: string[],
  options?: { out?: (line: string) => void; err?: (line: string) => void } & Partial<Omit<ContractCheckOptions, 'baseUrl' | 'sessions'>>,
): Promise<number>;
/** Every check, in the order they run. */
export const CHECKS: { id: string; rule: string }[];
export const OPENAPI_PATH: string;
export class UsageError extends Error {}
