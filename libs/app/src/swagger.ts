import { Controller, Get, Inject, INestApplication, Injectable, Module } from '@nestjs/common';
import { ApiExcludeController, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Roles } from '@bihuan/auth';
import { declareIdempotencyHeader, Exposure } from '@bihuan/platform';
import { declareErrorResponses } from './http/error-body.openapi';

export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

/** Builds the OpenAPI document once, on first request (admin mode), from the running app. */
@Injectable()
export class OpenApiDocument {
  private build: (() => OpenAPIObject) | null = null;
  private document: OpenAPIObject | null = null;

  use(build: () => OpenAPIObject): void {
    this.build = build;
  }

  get(): OpenAPIObject {
    this.document ??= this.build ? this.build() : null;
    if (!this.document) throw new Error('The OpenAPI document is not set up');
    return this.document;
  }
}

/** API_DOCS=admin: the OpenAPI JSON behind the guard, for an admin bearer token; no UI page. */
@ApiExcludeController()
@Roles('admin')
@Controller(DOCS_JSON_PATH)
export class AdminDocsController {
  constructor(@Inject(OpenApiDocument) private readonly document: OpenApiDocument) {}

  @Get()
  json(): OpenAPIObject {
    return this.document.get();
  }
}

@Module({ controllers: [AdminDocsController], providers: [OpenApiDocument] })
export class AdminDocsModule {}

/** The OpenAPI document of every controller (also read by tests that must cover every route). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Bihuan API')
    .setDescription(
      'Event-sourced closed-loop cases: inspections, complaints, ethics, credit. Errors carry a stable `code`. ' +
        'Authenticated JSON object answers carry `names: { <id>: <name> }` for the directory ids (units, users, staff) ' +
        'they mention — only ids already in the answer; never on /public routes (docs/api/names.md).',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  return declareErrorResponses(declareIdempotencyHeader(SwaggerModule.createDocument(app, config)));
}

/**
 * OpenAPI for every controller, as API_DOCS says: `public` — the UI at /api/docs and the JSON at
 * /api/docs-json for anyone; `admin` — only the JSON, for an admin token (AdminDocsModule); `off` — nothing.
 */
export function setupSwagger(app: INestApplication, exposure: Exposure): void {
  if (exposure === 'off') return;
  const build = (): OpenAPIObject => createOpenApiDocument(app);
  if (exposure === 'admin') {
    app.get(OpenApiDocument).use(build);
    return;
  }
  SwaggerModule.setup(DOCS_PATH, app, build, { jsonDocumentUrl: DOCS_JSON_PATH, yamlDocumentUrl: 'api/docs-yaml' });
}
