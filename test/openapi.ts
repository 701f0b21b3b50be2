// Reads openapi.yaml and checks requests and responses against it with Ajv (JSON Schema 2020-12, the
// dialect of OpenAPI 3.1). The schemas are used as the file states them: components/schemas with
// local $refs, nothing copied or rewritten by hand.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** Where the spec is, for messages and for the tests that break it on purpose. */
export const SPEC_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'kit', 'openapi.yaml');

type Json = Record<string, unknown>;
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema: Json };
type Response = { description: string; content?: Record<string, { schema: Json; examples?: Record<string, { value: unknown }> }> };
type Operation = {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: unknown;
  responses: Record<string, Response | { $ref: string }>;
};
type Spec = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; parameters: Record<string, Parameter>; responses: Record<string, Response> };
};

/** A checker bound to one text of the spec (the tests that break it on purpose pass their own). */
export function loadSpec(text = readFileSync(SPEC_PATH, 'utf8')) {
  const spec = parse(text) as Spec;
  const SPEC_ID = 'openapi.yaml';
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  // The schemas sit under components/schemas, where every $ref of the spec points.
  ajv.addVocabulary(['components']);
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: spec.components.schemas } });
  const compiled = new Map<string, ValidateFunction>();

  /** `#/components/...` refs point into the registered spec; anything else would be an external ref. */
  function anchored(schema: unknown): unknown {
    if (Array.isArray(schema)) return schema.map(anchored);
    if (typeof schema !== 'object' || schema === null) return schema;
    return Object.fromEntries(
      Object.entries(schema).map(([key, value]) => [key, key === '$ref' ? `${SPEC_ID}${String(value)}` : anchored(value)]),
    );
  }

  function validator(schema: Json): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(anchored(schema) as Json);
      compiled.set(key, validate);
    }
    return validate;
  }

  /** Ajv's errors for `value` against a schema of the spec (empty when it is valid). */
  function schemaErrors(schema: Json, value: unknown): ErrorObject[] {
    const validate = validator(schema);
    return validate(value) ? [] : [...(validate.errors ?? [])];
  }

  function resolve<T>(value: T | { $ref: string }): T {
    if (typeof value === 'object' && value !== null && '$ref' in value) {
      const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(value.$ref) ?? [];
      const target = (spec.components as Record<string, Record<string, unknown>>)[section!]?.[name!];
      if (!target) throw new Error(`openapi.yaml: unresolved $ref ${value.$ref}`);
      return target as T;
    }
    return value;
  }

  /** The spec's schema named `name` (components/schemas). */
  function schema(name: string): Json {
    if (!spec.components.schemas[name]) throw new Error(`openapi.yaml has no schema ${name}`);
    return { $ref: `#/components/schemas/${name}` };
  }

  function operation(method: string, template: string): Operation {
    const found = spec.paths[template]?.[method.toLowerCase()];
    if (!found) throw new Error(`openapi.yaml has no ${method} ${template}`);
    return found;
  }

  /** The response the spec defines for a status: exact, else its range (`4XX`), else `default`. */
  function responseFor(method: string, template: string, status: number): Response | undefined {
    const { responses } = operation(method, template);
    const defined = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    return defined && resolve(defined);
  }

  /** What is wrong with a response to `METHOD template`, per the spec; empty when it conforms. */
  function responseProblems(answer: {
    method: string;
    template: string;
    status: number;
    contentType: string | null;
    body: string;
  }): string[] {
    const what = `${answer.method} ${answer.template} → ${answer.status}`;
    const response = responseFor(answer.method, answer.template, answer.status);
    if (!response) return [`${what}: the spec defines no such status`];
    if (!response.content)
      return answer.body === '' ? [] : [`${what}: the spec defines no body, got ${JSON.stringify(answer.body.slice(0, 60))}`];
    const mediaType = (answer.contentType ?? '').split(';')[0]!.trim().toLowerCase();
    const media = response.content[mediaType];
    if (!media) return [`${what}: content type "${mediaType}" is not one of ${Object.keys(response.content).join(', ')}`];
    let body: unknown;
    try {
      body = JSON.parse(answer.body);
    } catch {
      return [`${what}: the body is not JSON: ${JSON.stringify(answer.body.slice(0, 60))}`];
    }
    return schemaErrors(media.schema, body).map((error) => `${what}: ${error.instancePath || '(body)'} ${error.message}`);
  }

  function parametersOf(template: string, method: string): Parameter[] {
    return (operation(method, template).parameters ?? []).map((parameter) => resolve(parameter));
  }

  // A query value as OpenAPI's default style (form, explode) writes it for the parameter's type.
  function deserialize(value: string, parameterSchema: Json): unknown {
    if (parameterSchema.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
    return value;
  }

  /** The path template and operation a request URL addresses, relative to the spec's server URL. */
  function route(method: string, url: URL): { template: string; segments: string[] } | undefined {
    const prefix = new URL(spec.servers[0]!.url, url.origin).pathname.replace(/\/$/, '');
    if (!url.pathname.startsWith(`${prefix}/`)) return undefined;
    const path = url.pathname.slice(prefix.length);
    // Paths without templating win over templated ones, as OpenAPI says.
    const templates = Object.keys(spec.paths).sort((a, b) => Number(a.includes('{')) - Number(b.includes('{')));
    for (const template of templates) {
      if (!spec.paths[template]![method.toLowerCase()]) continue;
      const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`);
      const match = pattern.exec(path);
      if (match) return { template, segments: match.slice(1) };
    }
    return undefined;
  }

  /** What is wrong with a request, per the spec; empty when it conforms. */
  function requestProblems(request: { method: string; url: string; headers: Headers; body: unknown }): {
    template?: string;
    operationId?: string;
    problems: string[];
  } {
    const url = new URL(request.url);
    const what = `${request.method} ${url.pathname}${url.search}`;
    const routed = route(request.method, url);
    if (!routed) return { problems: [`${what}: no operation of the spec matches it`] };
    const problems: string[] = [];
    const parameters = parametersOf(routed.template, request.method);
    const names = [...routed.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const parameter of parameters) {
      const where = `${what}: ${parameter.in} parameter ${parameter.name}`;
      let value: unknown;
      if (parameter.in === 'path') {
        const segment = routed.segments[names.indexOf(parameter.name)];
        try {
          value = segment === undefined ? undefined : decodeURIComponent(segment);
        } catch {
          problems.push(`${where} is not valid percent-encoding: ${segment}`);
          continue;
        }
      } else if (parameter.in === 'query') {
        const values = url.searchParams.getAll(parameter.name);
        if (values.length > 1) problems.push(`${where} is sent ${values.length} times`);
        value = values[0] === undefined ? undefined : deserialize(values[0], parameter.schema);
      } else if (parameter.in === 'header') {
        value = request.headers.get(parameter.name) ?? undefined;
      } else continue;
      if (value === undefined) {
        if (parameter.required) problems.push(`${where} is required but missing`);
        continue;
      }
      for (const error of schemaErrors(parameter.schema, value)) problems.push(`${where} = ${JSON.stringify(value)} ${error.message}`);
    }
    const query = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const key of url.searchParams.keys()) if (!query.has(key)) problems.push(`${what}: query parameter ${key} is not in the spec`);
    const op = operation(request.method, routed.template);
    if (!op.requestBody && request.body != null) problems.push(`${what}: the spec defines no request body, one was sent`);
    return { template: routed.template, operationId: op.operationId, problems };
  }

  return { spec, schema, schemaErrors, resolve, operation, responseFor, responseProblems, requestProblems };
}

export type SpecChecker = ReturnType<typeof loadSpec>;
