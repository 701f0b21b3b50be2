// The public API report fails on a deliberate change to an export and passes once the report is
// updated: API Extractor over a copy of the built declarations and of the committed report.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExtractorConfig } from '@microsoft/api-extractor';
import { runApiReport } from '../../scripts/api-report';

const root = path.resolve(import.meta.dirname, '../..');
// Outside node_modules (API Extractor reads anything under it as another package), with the
// repository's node_modules beside it for React's and TanStack Query's types.
const proof = mkdtempSync(path.join(tmpdir(), 'api-report-proof-'));
const config = 'etc/api-extractor.ui.json';

/** The UI package's config, pointed at the copy. */
function onTheCopy() {
  const loaded = ExtractorConfig.loadFile(path.join(root, config));
  return {
    mainEntryPointFilePath: path.join(proof, 'dist/src/index.d.ts'),
    apiReport: {
      ...loaded.apiReport,
      enabled: true,
      reportFileName: 'active-sessions.api.md',
      reportFolder: path.join(proof, 'etc'),
      reportTempFolder: path.join(proof, 'temp'),
    },
  };
}

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist/src/index.d.ts'))) {
    expect(spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' }).status).toBe(0);
  }
  mkdirSync(path.join(proof, 'etc'), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(proof, 'node_modules'), 'dir');
  cpSync(path.join(root, 'dist'), path.join(proof, 'dist'), { recursive: true });
  cpSync(path.join(root, 'etc/active-sessions.api.md'), path.join(proof, 'etc/active-sessions.api.md'));
});

describe('npm run api:check', () => {
  it('passes on the built API and the committed report', () => {
    const result = runApiReport(config);
    expect(result.messages).toEqual([]);
    expect(result).toMatchObject({ ok: true, changed: false });
  });

  it('fails when an export is removed and the report is not updated, and passes once it is', () => {
    const index = path.join(proof, 'dist/src/index.d.ts');
    const declarations = readFileSync(index, 'utf8');
    expect(declarations).toMatch(/sessionRowVariants, badgeVariants \}/);
    writeFileSync(index, declarations.replace('sessionRowVariants, badgeVariants }', 'sessionRowVariants }'));

    expect(runApiReport(config, { override: onTheCopy() })).toMatchObject({ ok: false, changed: true });
    // The committed copy of the report is untouched by a check.
    expect(readFileSync(path.join(proof, 'etc/active-sessions.api.md'), 'utf8')).toMatch(/export const badgeVariants/);

    expect(runApiReport(config, { update: true, override: onTheCopy() })).toMatchObject({ ok: true, changed: true });
    const updated = readFileSync(path.join(proof, 'etc/active-sessions.api.md'), 'utf8');
    expect(updated).not.toMatch(/badgeVariants/);
    expect(updated).toMatch(/export const sessionRowVariants/);

    expect(runApiReport(config, { override: onTheCopy() })).toMatchObject({ ok: true, changed: false });
  });

  it('fails when an export is added and the report is not updated', () => {
    const index = path.join(proof, 'dist/src/index.d.ts');
    writeFileSync(index, `${readFileSync(index, 'utf8')}\nexport declare const addedForTheProof: number;\n`);
    expect(runApiReport(config, { override: onTheCopy() })).toMatchObject({ ok: false, changed: true });
  });
});
