import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tarballProblems } from '../scripts/package-files';

// The package check (scripts/check-package.ts) runs this on `npm pack --dry-run`'s file list; here on
// lists made to be broken, the way a pack of a half-built dist/ was.
const complete = [
  'package.json',
  'README.md',
  'dist/styles.css',
  'dist/src/index.js',
  'dist/src/index.d.ts',
  'dist/src/client/createFetchSessionsClient.js',
  'dist/src/client/createFetchSessionsClient.d.ts',
  'dist/mocks/index.js',
  'dist/mocks/index.d.ts',
  'src/i18n/messages/en.json',
  'src/i18n/messages/en.actions.json',
  'src/i18n/messages/en.notes.json',
];

describe('tarballProblems', () => {
  it('should find nothing wrong with a complete tarball', () => {
    expect(tarballProblems(complete)).toEqual([]);
  });

  it('should fail a tarball without its types', () => {
    const withoutTypes = complete.filter((file) => !file.endsWith('.d.ts'));
    expect(tarballProblems(withoutTypes)).toEqual(
      expect.arrayContaining([
        'the tarball lacks dist/src/index.d.ts',
        'the tarball lacks dist/mocks/index.d.ts',
        'the tarball has dist/src/client/createFetchSessionsClient.js but not its types (dist/src/client/createFetchSessionsClient.d.ts)',
      ]),
    );
  });

  it('should fail a tarball with one module missing its declaration', () => {
    const oneMissing = complete.filter((file) => file !== 'dist/src/client/createFetchSessionsClient.d.ts');
    expect(tarballProblems(oneMissing)).toEqual([
      'the tarball has dist/src/client/createFetchSessionsClient.js but not its types (dist/src/client/createFetchSessionsClient.d.ts)',
    ]);
  });

  it('should fail a tarball without its stylesheet', () => {
    expect(tarballProblems(complete.filter((file) => file !== 'dist/styles.css'))).toEqual(['the tarball lacks dist/styles.css']);
  });

  it('should fail a tarball that ships tests or the reference server', () => {
    expect(tarballProblems([...complete, 'test/client.test.ts', 'server/app.ts'])).toEqual([
      'the tarball ships a test or story file: test/client.test.ts',
      'the tarball ships a reference server file: server/app.ts',
    ]);
  });

  it("should fail a tarball that ships the kit's contract or bins", () => {
    expect(tarballProblems([...complete, 'openapi.yaml', 'kit/dist/contract-check/index.js'])).toEqual([
      'the tarball ships a file of the kit: openapi.yaml',
      'the tarball ships a file of the kit: kit/dist/contract-check/index.js',
    ]);
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts?: Record<string, string> };
  it('should build before packing, so npm pack and npm publish never ship a half-built dist/', () => {
    expect(pkg.scripts?.prepack).toMatch(/scripts\/build\.ts|npm run build/);
  });
});
