// The kit as a backend or localization team gets it: packed, installed in a fresh folder with npm, and
// both bins run from node_modules/.bin — the contract check against the in-memory contract server,
// the i18n check on a catalog.
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../kit/src/contract-check/index.js';
import { startContractServer, type ContractServer } from './contractServer';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KIT = path.join(ROOT, 'kit');

/** Runs a bin without blocking this process (the contract server answers from it). */
function bin(app: string, name: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(path.join(app, 'node_modules/.bin', name), args, { cwd: app }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('@firstparty/active-sessions-kit, packed and installed', () => {
  let app: string;
  let server: ContractServer;

  beforeAll(() => {
    app = mkdtempSync(path.join(tmpdir(), 'kit-tarball-'));
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: KIT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`kit build failed:\n${build.stdout}${build.stderr}`);
    const pack = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', app], { cwd: KIT, encoding: 'utf8' });
    if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
    const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'backend-team', private: true, type: 'module' }));
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `./${filename}`], {
      cwd: app,
      encoding: 'utf8',
    });
    if (install.status !== 0) throw new Error(`npm install of the kit failed:\n${install.stdout}${install.stderr}`);
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    rmSync(app, { recursive: true, force: true });
  });

  it('should install only the kit and its own dependencies, with openapi.yaml and no source', () => {
    const installed = path.join(app, 'node_modules/@firstparty/active-sessions-kit');
    const pkg = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@cfworker/json-schema', '@formatjs/icu-messageformat-parser', 'yaml']);
    expect(readFileSync(path.join(installed, 'openapi.yaml'), 'utf8')).toBe(readFileSync(path.join(KIT, 'openapi.yaml'), 'utf8'));
    expect(spawnSync('find', [installed, '-name', '*.ts', '-not', '-name', '*.d.ts'], { encoding: 'utf8' }).stdout).toBe('');
  });

  it('should run active-sessions-contract-check against a server of the contract, every check passing', async () => {
    server = await startContractServer();
    const sessions = ['ada', 'ada', 'ada', 'ada', 'ada', 'bob'].map((account) => server.signIn(account as 'ada' | 'bob'));
    writeFileSync(path.join(app, 'sessions.json'), JSON.stringify(sessions));

    const { code, stdout, stderr } = await bin(app, 'active-sessions-contract-check', [server.baseUrl, '--sessions', 'sessions.json']);

    expect(stderr).toBe('');
    expect(stdout.trim().split('\n').at(-1)).toBe(
      `contract-check: ${CHECKS.length} checks against ${server.baseUrl}: ${CHECKS.length} passed, 0 failed, 0 skipped`,
    );
    expect(code).toBe(0);
  }, 60_000);

  it("should run active-sessions-i18n-check on a team's catalog, against the English source it ships", async () => {
    cpSync(path.join(ROOT, 'src/i18n/messages/de.json'), path.join(app, 'de.json'));
    const good = await bin(app, 'active-sessions-i18n-check', ['de.json']);
    writeFileSync(path.join(app, 'fr.json'), JSON.stringify({ 'section.title': 'Sessions actives' }));
    const bad = await bin(app, 'active-sessions-i18n-check', ['fr.json']);

    expect(good.stdout.trim()).toMatch(/^i18n: 1 catalog, \d+ keys, 0 problems$/);
    expect(good.code).toBe(0);
    expect(bad.stdout).toMatch(/^fr\.json: section\.intro: missing key \(en\.json has it\)$/m);
    expect(bad.code).toBe(1);
  }, 30_000);
});
