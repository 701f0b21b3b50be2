// npm run release:check's rules (scripts/release-check.ts): versions, changelogs, changesets and API reports agree.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiPackages } from '../../scripts/api-report';
import { bumpBetween, bumpForReportChange, changelogVersions, checkPackage, pendingBumps } from '../../scripts/release-check';

describe('release:check', () => {
  it('reads the versions of a changelog, newest first', () => {
    expect(changelogVersions('# pkg\n\n## 0.2.0\n\n### Minor Changes\n\n## 0.1.0\n')).toEqual(['0.2.0', '0.1.0']);
  });

  it('reads the bumps pending changesets ask for, the largest per package', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'changesets-'));
    writeFileSync(path.join(dir, 'README.md'), '---\n"x": major\n---\n');
    writeFileSync(
      path.join(dir, 'a.md'),
      '---\n"@firstparty/active-sessions": patch\n"@firstparty/active-sessions-kit": minor\n---\n\nFix.\n',
    );
    writeFileSync(path.join(dir, 'b.md'), "---\n'@firstparty/active-sessions': minor\n---\n\nNew prop.\n");
    expect(Object.fromEntries(pendingBumps(dir))).toEqual({
      '@firstparty/active-sessions': 'minor',
      '@firstparty/active-sessions-kit': 'minor',
    });
  });

  it('asks a breaking bump for a removed or changed API line (minor while 0.x), a minor one for an added line', () => {
    const before = 'export type A = {\n    a?: string;\n};\n';
    expect(bumpForReportChange(before, before, '1.0.0')).toBe('none');
    expect(bumpForReportChange(before, 'export type A = {\n    a?: string;\n    b?: string;\n};\n', '1.0.0')).toBe('minor');
    expect(bumpForReportChange(before, 'export type A = {\n};\n', '1.0.0')).toBe('major');
    expect(bumpForReportChange(before, 'export type A = {\n};\n', '0.3.0')).toBe('minor');
  });

  it('measures the bump between two versions', () => {
    expect(bumpBetween('0.1.0', '0.1.0')).toBe('none');
    expect(bumpBetween('0.1.0', '0.1.1')).toBe('patch');
    expect(bumpBetween('0.1.3', '0.2.0')).toBe('minor');
    expect(bumpBetween('1.4.0', '2.0.0')).toBe('major');
  });

  it('finds the UI package in agreement: version 0.1.0, its changelog and its API reports', () => {
    const ui = apiPackages.find((pkg) => pkg.name === '@firstparty/active-sessions')!;
    expect(checkPackage(ui, new Map())).toEqual([]);
  });
});
