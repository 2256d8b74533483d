import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;

/**
 * Checks real answers against the OpenAPI document the console's client is generated from: a body
 * that has a field its schema lacks, lacks a required one, or has another type fails, so a DTO
 * cannot drift from what the route returns. Object schemas are closed (no undeclared properties)
 * except for the `names` map every authenticated answer may carry (docs/api/names.md).
 */
export class OpenApiAnswers {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly components: Schema;

  constructor(private readonly doc: OpenAPIObject) {
    addFormats(this.ajv);
    this.components = closeObjects(structuredClone(doc.components ?? {})) as Schema;
  }

  /** What is wrong with `body` as the answer `status` of `method path` (the path as requested, ids filled in). */
  problems(method: string, path: string, status: number, body: unknown): string[] {
    const template = this.templateOf(path.split('?')[0]!);
    if (!template) return [`${path}: no such path in the OpenAPI document`];
    const op = (this.doc.paths[template] as Record<string, { responses: Record<string, Schema> }>)[method.toLowerCase()];
    if (!op) return [`${method} ${template}: no such operation`];
    const response = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`];
    if (!response) return [`${method} ${template}: answer ${status} is not declared`];
    const schema = this.schemaOf(response);
    if (!schema) return [];
    const key = `${method} ${template} ${status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile({ ...(closeObjects(structuredClone(schema)) as Schema), components: this.components });
      this.compiled.set(key, validate);
    }
    const { names: _names, ...rest } = isObject(body) ? body : { names: undefined };
    const checked = isObject(body) ? rest : body;
    if (validate(checked)) return [];
    return (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  private schemaOf(response: Schema): Schema | null {
    const resolved = typeof response['$ref'] === 'string' ? this.resolve(response['$ref']) : response;
    const content = resolved['content'] as Record<string, { schema?: Schema }> | undefined;
    return content?.['application/json']?.schema ?? null;
  }

  private resolve(ref: string): Schema {
    return ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<Schema>((node, part) => node[part] as Schema, this.doc as unknown as Schema);
  }

  /** The document's template of `path` (ids filled in); where several match, the one with fewest parameters (`/complaints/statistics` over `/complaints/{id}`). */
  templateOf(path: string): string | null {
    const matching = Object.keys(this.doc.paths).filter((template) =>
      new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`).test(path),
    );
    return matching.sort((a, b) => a.split('{').length - b.split('{').length)[0] ?? null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every object schema with declared properties rejects undeclared ones (unless it says otherwise),
 * and OpenAPI 3.0's `nullable: true` becomes "null or the schema" — as the generated client reads it
 * (`X | null`), also beside an `enum` or a `$ref` (`allOf`), where JSON Schema alone would refuse null.
 */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (!isObject(node)) return node;
  for (const [key, value] of Object.entries(node)) node[key] = closeObjects(value);
  if (isObject(node['properties']) && !('additionalProperties' in node)) node['additionalProperties'] = false;
  if (node['nullable'] === true) {
    const { nullable: _nullable, ...schema } = node;
    return { anyOf: [{ type: 'null' }, schema] };
  }
  return node;
}
