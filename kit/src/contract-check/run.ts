// Runs every check in order against a live server and collects one verdict per check.
import { CHECK_LIST } from './checks/index.js';
import { createContext } from './context.js';
import { Failure, NoAnswer, Skipped } from './errors.js';
import { readBaseUrl, readSessions } from './input.js';
import { loadContract, OPENAPI_PATH } from './openapi.js';

const DEFAULT_TIMEOUT_MS = 10_000;
// A logout may take a moment to reach every replica; a session still accepted after this is a failure.
const DEFAULT_GRACE_MS = 3_000;
// B9: an accepted logout may stay listed while it propagates; still listed after this is a failure.
const DEFAULT_LIST_GRACE_MS = 60_000;

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
  /** The sessions file's content, a ContractSession[] (checked at run time); the first session is the one the checks act from. */
  sessions: unknown;
  /** Each request fails after this long. @default 10000 */
  timeoutMs?: number;
  /** How long a logged-out session may still be accepted before it fails. @default 3000 */
  graceMs?: number;
  /** How long a logged-out row may stay listed before it fails (B9). @default 60000 */
  listGraceMs?: number;
  /** The contract to validate against. @default the openapi.yaml of this package */
  openapi?: string;
};

export type ContractCheckReport = {
  ok: boolean;
  passed: number;
  failed: number;
  skipped: number;
  checks: ContractCheckResult[];
};

/** Every check, in the order they run: a stable id and the rule each enforces. */
export const CHECKS: { id: string; rule: string }[] = CHECK_LIST.map(({ id, rule }) => ({ id, rule }));

/** Runs every check against a live server; resolves with one result per check and the counts. */
export async function runContractCheck({
  baseUrl,
  sessions,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  graceMs = DEFAULT_GRACE_MS,
  listGraceMs = DEFAULT_LIST_GRACE_MS,
  openapi = OPENAPI_PATH,
}: ContractCheckOptions): Promise<ContractCheckReport> {
  const ctx = createContext({
    baseUrl: readBaseUrl(baseUrl),
    sessions: readSessions(sessions),
    timeoutMs,
    graceMs,
    listGraceMs,
    contract: loadContract(openapi),
  });
  const checks: ContractCheckResult[] = [];
  for (const check of CHECK_LIST) {
    ctx.current = check.id;
    const why = ctx.noAnswer ? `the server did not answer (${ctx.noAnswer})` : check.needs?.(ctx);
    let status: ContractCheckResult['status'];
    let detail: string;
    if (why) {
      status = 'skip';
      detail = `skipped: ${why}`;
    } else {
      try {
        detail = await check.run(ctx);
        status = 'pass';
      } catch (error) {
        if (error instanceof Skipped) {
          status = 'skip';
          detail = `skipped: ${error.message}`;
        } else if (error instanceof Failure) {
          status = 'fail';
          detail = error.message;
          if (error instanceof NoAnswer) ctx.noAnswer = check.id;
        } else throw error;
      }
    }
    // One line per check, whatever the server sent, and no credential from the file in it.
    let message = `${check.rule} — ${detail.replace(/\s*[\r\n]+\s*/g, ' ')}`;
    for (const { secret } of ctx.secrets) message = message.split(secret).join('<credential>');
    checks.push({ id: check.id, rule: check.rule, status, message });
  }
  const count = (status: ContractCheckResult['status']) => checks.filter((c) => c.status === status).length;
  return { ok: count('fail') === 0, passed: count('pass'), failed: count('fail'), skipped: count('skip'), checks };
}
