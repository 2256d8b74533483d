import { createOpenApiDocument } from '@bihuan/app';
import { createTestApp, TestApp } from '../../testing/test-app';

/**
 * The console's client is generated from the OpenAPI document (apps/console), so every answer a route
 * gives must be described there: a typed JSON schema, a file, or an event stream — never an empty
 * "200 OK" the client would read as `unknown`. Errors share one schema (ErrorBody) on every route.
 */
interface MediaType {
  readonly schema?: Record<string, unknown>;
}
interface Response {
  readonly $ref?: string;
  readonly content?: Record<string, MediaType>;
}
interface Operation {
  readonly operationId: string;
  readonly parameters?: readonly { readonly name: string; readonly in: string }[];
  readonly responses: Record<string, Response>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** Redirects by design: their answer is a Location header, not a body. */
const REDIRECTS = new Set(['OidcController_login']);

/** A schema says something: a reference, a type, or a composition — not `{}`. */
function isDescribed(schema: Record<string, unknown> | undefined): boolean {
  if (!schema) return false;
  return ['$ref', 'type', 'oneOf', 'anyOf', 'allOf'].some((key) => key in schema);
}

describe('OpenAPI: every answer is described', () => {
  let t: TestApp;
  let operations: { name: string; path: string; op: Operation }[];
  beforeAll(async () => {
    t = await createTestApp();
    const doc = createOpenApiDocument(t.app);
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const op = (item as Record<string, Operation | undefined>)[method];
        return op ? [{ name: `${method.toUpperCase()} ${path} (${op.operationId})`, path, op }] : [];
      }),
    );
  });
  afterAll(() => t.close());

  it('gives every operation a success answer with a schema, a file or a stream', () => {
    const undescribed = operations
      .filter(({ op }) => !REDIRECTS.has(op.operationId))
      .filter(({ op }) => {
        const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
        if (success.length === 0) return true;
        return success.some(([status, response]) => {
          if (status === '204') return false;
          const content = Object.values(response.content ?? {});
          return content.length === 0 || content.some((media) => !isDescribed(media.schema));
        });
      })
      .map(({ name }) => name);
    expect(undescribed).toEqual([]);
  });

  it('gives every operation the one error body', () => {
    const without = operations.filter(({ op }) => op.responses['4XX']?.$ref !== '#/components/responses/Error').map(({ name }) => name);
    expect(without).toEqual([]);
  });

  it('declares every parameter of every path, so the client can fill it in', () => {
    const undeclared = operations.flatMap(({ name, path, op }) =>
      [...path.matchAll(/\{(\w+)\}/g)]
        .map((match) => match[1]!)
        .filter((param) => !(op.parameters ?? []).some((p) => p.in === 'path' && p.name === param))
        .map((param) => `${name}: {${param}}`),
    );
    expect(undeclared).toEqual([]);
  });
});
