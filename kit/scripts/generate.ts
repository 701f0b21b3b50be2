// `npm run generate` (in kit/): writes src/openapi.generated.ts, the TypeScript types of openapi.yaml, with
// openapi-typescript. The file is committed; test/kit/generated.test.ts fails when it no longer matches.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

/** Where the contract and its generated types are. */
export const OPENAPI_URL = new URL('../openapi.yaml', import.meta.url);
export const GENERATED_PATH = fileURLToPath(new URL('../src/openapi.generated.ts', import.meta.url));

const HEADER = `// Generated from kit/openapi.yaml by kit/scripts/generate.ts (openapi-typescript). Do not edit:
// change openapi.yaml, then run \`npm run kit:generate\`.
`;

/** The generated file's text for the openapi.yaml on disk. */
export async function generateContractTypes(): Promise<string> {
  const ast = await openapiTS(readFileSync(OPENAPI_URL, 'utf8'));
  return `${HEADER}${astToString(ast)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GENERATED_PATH, await generateContractTypes());
  console.log(`wrote ${GENERATED_PATH}`);
}
