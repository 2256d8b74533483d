import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { declareIdempotencyHeader } from '@bihuan/platform';

export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

/** OpenAPI for every controller: the UI at /api/docs, the JSON at /api/docs-json. */
export function setupSwagger(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Bihuan API')
    .setDescription('Event-sourced closed-loop cases: inspections, complaints, ethics, credit. Errors carry a stable `code`.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup(DOCS_PATH, app, () => declareIdempotencyHeader(SwaggerModule.createDocument(app, config)), {
    jsonDocumentUrl: DOCS_JSON_PATH,
    yamlDocumentUrl: 'api/docs-yaml',
  });
}
