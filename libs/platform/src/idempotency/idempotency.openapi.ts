import { IDEMPOTENCY_HEADER } from './idempotency-gate';

interface OpenApiOperation {
  parameters?: unknown[];
  responses?: Record<string, unknown>;
}
interface OpenApiLike {
  readonly paths: object;
}

/**
 * Declares `Idempotency-Key` on every POST of an OpenAPI document — exactly the routes the global
 * IdempotencyInterceptor serves, so the docs cannot drift from it route by route.
 */
export function declareIdempotencyHeader<D extends OpenApiLike>(document: D): D {
  for (const item of Object.values(document.paths) as Record<string, unknown>[]) {
    const post = item['post'] as OpenApiOperation | undefined;
    if (!post) continue;
    post.parameters = [
      ...(post.parameters ?? []),
      {
        name: IDEMPOTENCY_HEADER,
        in: 'header',
        required: false,
        description:
          'Optional, 1–255 printable ASCII characters, remembered 24 h per route and user. A retry with the same key and body gets the first answer (status and body) and writes nothing; the same key with another body is 422 IDEMPOTENCY.KEY_REUSED; while the first is running, 409 IDEMPOTENCY.IN_PROGRESS after a bounded wait.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      },
    ];
  }
  return document;
}
