import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { declareIdempotencyHeader } from '@bihuan/platform';

export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

/** The OpenAPI document of every controller (also read by tests that must cover every route). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Bihuan API')
    .setDescription('Event-sourced closed-loop cases: inspections, complaints, ethics, credit. Errors carry a stable `code`.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return declareIdempotencyHeader(SwaggerModule.createDocument(app, config));
}

/** OpenAPI for every controller: the UI at /api/docs, the JSON at /api/docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: DOCS_JSON_PATH,
    yamlDocumentUrl: 'api/docs-yaml',
  });
}
