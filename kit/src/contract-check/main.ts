// The command line: active-sessions-contract-check <baseUrl> --sessions <file.json> [--json]
import { readFileSync } from 'node:fs';
import { UsageError } from './errors.js';
import { readBaseUrl, readSessions } from './input.js';
import { runContractCheck, type ContractCheckOptions } from './run.js';
import { plural } from './text.js';

const USAGE = `Usage: active-sessions-contract-check <baseUrl> --sessions <file.json> [--json]

Checks a server against the Active sessions REST contract (openapi.yaml) and prints
one line per check: pass, fail with what was seen, or skipped with why.
<baseUrl> is where the contract is served, e.g. https://staging.example.com/api.

The sessions file is a JSON array of signed-in sessions of a disposable account:
  [{ "headers": { "Cookie": "sid=…; csrf_token=…", "X-CSRF-Token": "…" } }, …]
The first is the session the checks act from.
  one session          read-only checks (nothing is logged out on a correct server)
  two or more          the log-out checks too: they END those sessions, and finish
                       with Log out of all sessions (sign each in from its own browser)
  "account": "other"   a session of a second disposable account: the scoping checks
A server that asks for re-authentication before ending sessions gets its log-out
checks skipped, unless the sessions were signed in just before the run.

Options:
  --sessions <file>    the sessions file (required)
  --json               print the results as JSON
  --help               this text

Exit status: 0 no check failed, 1 a check failed, 2 usage error.`;

type Args = { baseUrl: string; sessions: string; json: boolean; help: false } | { help: true };

function parseArgs(argv: string[]): Args {
  let baseUrl: string | undefined;
  let sessions: string | undefined;
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag = '', inline] = arg.startsWith('--') ? arg.split(/=(.*)/s) : [arg];
    if (flag === '--help' || flag === '-h') help = true;
    else if (flag === '--json') json = true;
    else if (flag === '--sessions') {
      const value = inline ?? argv[++i];
      if (!value) throw new UsageError('--sessions needs a file');
      sessions = value;
    } else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else if (baseUrl === undefined) baseUrl = arg;
    else throw new UsageError(`one base URL only (got "${baseUrl}" and "${arg}")`);
  }
  if (help) return { help };
  if (baseUrl === undefined) throw new UsageError('the base URL is missing');
  if (sessions === undefined) throw new UsageError('--sessions <file.json> is missing');
  return { baseUrl, sessions, json, help };
}

function readSessionsFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UsageError(`cannot read the sessions file ${file}: ${code === 'ENOENT' ? 'not found' : message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the sessions file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

const LABEL = { pass: 'pass', fail: 'FAIL', skip: 'skip' } as const;

/** Where the command line prints, and the options a test may shorten. */
export type MainOptions = { out?: (line: string) => void; err?: (line: string) => void } & Partial<
  Omit<ContractCheckOptions, 'baseUrl' | 'sessions'>
>;

/** The command line; resolves with the exit code (0, 1 or 2). `out` prints results, `err` the usage and errors. */
export async function main(
  argv: string[] = process.argv.slice(2),
  { out = console.log, err = console.error, ...options }: MainOptions = {},
): Promise<number> {
  let args: Exclude<Args, { help: true }>;
  let sessions: unknown;
  try {
    const parsed = parseArgs(argv);
    if (parsed.help) {
      out(USAGE);
      return 0;
    }
    args = { ...parsed, baseUrl: readBaseUrl(parsed.baseUrl) };
    sessions = readSessionsFile(parsed.sessions);
    readSessions(sessions);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`contract-check: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  let result;
  try {
    result = await runContractCheck({ ...options, baseUrl: args.baseUrl, sessions });
  } catch (error) {
    // Not the server's fault and not a check's verdict: the contract file is missing or unreadable.
    err(`contract-check: ${(error as Error).message}`);
    return 2;
  }
  if (args.json) {
    out(JSON.stringify({ baseUrl: args.baseUrl, ...result }, null, 2));
  } else {
    for (const check of result.checks) out(`${LABEL[check.status]} ${check.id}: ${check.message}`);
    out(
      `contract-check: ${plural(result.checks.length, 'check')} against ${args.baseUrl}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`,
    );
  }
  return result.ok ? 0 : 1;
}
