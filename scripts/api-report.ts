#!/usr/bin/env -S npx tsx
// `npm run api:check`: fails when a package's public API (what its built .d.ts export) differs from
// its committed report in etc/*.api.md. `npm run api:update` rewrites the reports; commit them with
// the change, and a changeset saying what a product team gets (docs/versioning.md).
//
//   --update     write the reports instead of comparing
//   --no-build   use dist/ as it is (npm test builds it in its package step)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';

const root = fileURLToPath(new URL('..', import.meta.url));

/** One package of the repository and the API Extractor configs of its entry points. */
export type ApiPackage = {
  name: string;
  /** Its folder, from the repository root. */
  folder: string;
  /** One config per public entry point, from the repository root. */
  configs: string[];
  /** The command that writes its declarations. */
  build: string[];
};

export const apiPackages: ApiPackage[] = [
  {
    name: '@firstparty/active-sessions',
    folder: '.',
    configs: ['etc/api-extractor.ui.json', 'etc/api-extractor.ui-mocks.json'],
    build: ['npm', 'run', 'build'],
  },
  {
    name: '@firstparty/active-sessions-kit',
    folder: 'kit',
    configs: ['etc/api-extractor.kit.json'],
    build: ['npm', 'run', 'build', '--workspace', 'kit'],
  },
];

/** What one report check found. */
export type ApiReportResult = { entry: string; report: string; ok: boolean; changed: boolean; messages: string[] };

/**
 * Runs API Extractor with one config: compares the entry point's API with the committed report, or
 * (with `update`) writes it. `override` changes fields of the config, e.g. to check a copy elsewhere.
 */
export function runApiReport(
  configFile: string,
  { update = false, override = {} }: { update?: boolean; override?: Record<string, unknown> } = {},
): ApiReportResult {
  const configObjectFullPath = path.resolve(root, configFile);
  const configObject = { ...ExtractorConfig.loadFile(configObjectFullPath), ...override };
  const config = ExtractorConfig.prepare({ configObject, configObjectFullPath, packageJsonFullPath: path.join(root, 'package.json') });
  const messages: string[] = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    messageCallback(message) {
      message.handled = true;
      if (message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning) messages.push(message.text);
    },
  });
  return {
    entry: path.relative(root, config.mainEntryPointFilePath),
    report: path.relative(root, config.reportFolder ? path.join(config.reportFolder, config.reportConfigs[0]?.fileName ?? '') : ''),
    ok: result.succeeded,
    changed: result.apiReportChanged,
    messages,
  };
}

function main(argv: string[]) {
  const update = argv.includes('--update');
  const build = !argv.includes('--no-build');
  let failed = false;
  for (const pkg of apiPackages) {
    if (!existsSync(path.join(root, pkg.folder, 'package.json'))) {
      console.log(`- ${pkg.name}: skipped (no ${pkg.folder}/package.json in this checkout)`);
      continue;
    }
    if (build) {
      const [command = 'npm', ...args] = pkg.build;
      const built = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
      if (built.status !== 0) {
        console.error(`✖ ${pkg.name}: \`${pkg.build.join(' ')}\` failed`);
        failed = true;
        continue;
      }
    }
    for (const configFile of pkg.configs) {
      const result = runApiReport(configFile, { update });
      if (!existsSync(path.join(root, result.entry))) {
        console.error(`✖ ${pkg.name}: ${result.entry} is missing: run \`${pkg.build.join(' ')}\` first`);
        failed = true;
        continue;
      }
      if (result.ok) {
        console.log(`✔ ${pkg.name}: ${result.report} ${update ? (result.changed ? 'updated' : 'unchanged') : 'matches the built API'}`);
      } else {
        failed = true;
        console.error(
          `✖ ${pkg.name}: ${result.report}: ${result.changed ? 'the public API changed and the report was not updated' : 'API Extractor failed'}`,
        );
        for (const message of result.messages) console.error(`    ${message}`);
        if (result.changed)
          console.error('  Run `npm run api:update`, review the diff of etc/*.api.md, commit it, and add a changeset (`npx changeset`).');
      }
    }
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
