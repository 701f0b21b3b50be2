// The contract: openapi.yaml, read at run time and validated with a JSON Schema 2020-12 validator.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Validator, type Schema } from '@cfworker/json-schema';
import { parse as parseYaml } from 'yaml';

/** The contract the rows are validated against: the openapi.yaml of this package. */
// From src/contract-check/ (tsx) and from dist/contract-check/ (the tarball) alike, it is two folders up.
export const OPENAPI_PATH = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));

/** The checks' view of the contract; each function returns problems as text. */
export type Contract = {
  /** Checks one row against WireSession. */
  validateRow(row: unknown): string[];
  /** Checks a body against what the contract documents for that status; undefined when it has no such status. */
  validateAnswer(method: string, route: string, status: number, body: unknown): string[] | undefined;
};

type Node = Record<string, unknown> | undefined;

const CONTRACT_URI = 'https://active-sessions.invalid/openapi.yaml';
const pointer = (parts: string[]) => `#/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
// The validator reports every enclosing $ref/properties too; the leaves say what is wrong.
const BRANCHES = new Set(['$ref', 'properties', 'items', 'prefixItems', 'allOf', 'anyOf', 'oneOf', 'contains']);

/** Reads openapi.yaml; throws when it is missing or is not the sessions contract. */
export function loadContract(openapiPath: string = OPENAPI_PATH): Contract {
  let doc: Node;
  try {
    doc = parseYaml(readFileSync(openapiPath, 'utf8')) as Node;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new Error(`cannot read the contract at ${openapiPath} (${code ?? message}); it ships in @firstparty/active-sessions-kit`);
  }
  const at = (parts: string[]): unknown =>
    parts.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc);
  if (!at(['components', 'schemas', 'WireSession']) || !at(['paths'])) {
    throw new Error(`${openapiPath} is not the sessions contract: it has no components.schemas.WireSession`);
  }
  const validators = new Map<string, Validator>();
  const validate = (schemaPointer: string, value: unknown): string[] => {
    let validator = validators.get(schemaPointer);
    if (!validator) {
      validator = new Validator({ $ref: `${CONTRACT_URI}${schemaPointer}` }, '2020-12', false);
      validator.addSchema(doc as Schema, CONTRACT_URI);
      validators.set(schemaPointer, validator);
    }
    const { valid, errors } = validator.validate(value);
    if (valid) return [];
    const leaves = errors.filter((e) => !BRANCHES.has(e.keyword));
    return (leaves.length ? leaves : errors).map((e) => `${e.instanceLocation.replace(/^#/, '') || '/'}: ${e.error}`);
  };
  return {
    validateRow: (row) => validate(pointer(['components', 'schemas', 'WireSession']), row),
    validateAnswer(method, route, status, body) {
      const responses = (at(['paths', route, method.toLowerCase(), 'responses']) ?? {}) as Record<string, unknown>;
      const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
      if (!key) return undefined;
      let parts = ['paths', route, method.toLowerCase(), 'responses', key];
      // A response may be a $ref to components/responses.
      const ref = (at(parts) as Node)?.$ref;
      if (typeof ref === 'string' && ref.startsWith('#/'))
        parts = ref
          .slice(2)
          .split('/')
          .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      const content = at([...parts, 'content']) as Node;
      const type = content && Object.keys(content).find((t) => /json/.test(t));
      if (!type) return [];
      return validate(pointer([...parts, 'content', type, 'schema']), body);
    },
  };
}
