// The contract check against the reference server: every check must pass, on PGlite and (when
// DATABASE_URL is set, always in CI) on a real PostgreSQL. Sessions come from real sign-ins, as a
// backend team would make them for their staging server: four of one account, one of another.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS, runContractCheck, type ContractSession } from '../../kit/src/contract-check/index.js';
import { Browser, DATABASES, startTestServer, UA, type TestServer } from './harness';

// The kit's bin from its TypeScript source, through tsx (the built bin runs in test/contract-check/kit-tarball.test.ts).
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'kit/src/contract-check/cli.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** The headers a signed-in browser sends: its cookies, and its CSRF token echoed. */
function headersOf(browser: Browser): Record<string, string> {
  return {
    Cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    'X-CSRF-Token': browser.csrfToken ?? '',
  };
}

// A fifth device, for logout.unrecognized (B14).
const EDGE_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

/** Five devices of one fresh account and one of another, each signed in. */
async function signInSessions(server: TestServer): Promise<ContractSession[]> {
  const [ada, bob] = [await server.addAccount('ada'), await server.addAccount('bob')];
  const devices = [UA.chromeMac, UA.firefoxLinux, UA.safariIphone, UA.safariIpad, EDGE_WINDOWS].map((ua) => new Browser(server, ua));
  for (const [i, device] of devices.entries()) await device.signedIn(ada, { trustDevice: i === 2 });
  const other = await new Browser(server, UA.chromeMac).signedIn(bob);
  return [...devices.map((device) => ({ headers: headersOf(device) })), { account: 'other', headers: headersOf(other) }];
}

describe.each(DATABASES)('active-sessions-contract-check against the reference server on $name', (database) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(database);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('passes every check, none skipped', async () => {
    const report = await runContractCheck({ baseUrl: `${server.url}/api`, sessions: await signInSessions(server) });
    const notPassed = report.checks.filter((check) => check.status !== 'pass');
    expect(notPassed, notPassed.map((check) => `${check.status} ${check.id}: ${check.message}`).join('\n')).toEqual([]);
    expect(report.checks.map((check) => check.id)).toEqual(CHECKS.map((check) => check.id));
    console.info(`contract check on ${database.name}: ${report.passed} of ${CHECKS.length} checks passed`);
    // The server never reported an unexpected error while being probed with hostile input.
    expect(server.errors).toEqual([]);
  });

  it('the bin, run as a backend team runs it, exits 0 with one line per check', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'contract-check-'));
    try {
      const file = path.join(folder, 'sessions.json');
      writeFileSync(file, JSON.stringify(await signInSessions(server)));
      // Not spawnSync: the server answers from this very process.
      const run = await promisify(execFile)(process.execPath, ['--import', TSX, BIN, `${server.url}/api`, '--sessions', file]).catch(
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect('code' in run ? run.code : 0, run.stdout + run.stderr).toBe(0);
      const lines = run.stdout.split('\n').filter((line) => /^(pass|FAIL|skip) /.test(line));
      expect(lines).toHaveLength(CHECKS.length);
      expect(lines.every((line) => line.startsWith('pass '))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
