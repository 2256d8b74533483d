import { createHash } from 'node:crypto';
import { Controller, Get, Header, Module, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Public } from '@bihuan/auth';
import { buildCatalogue, Catalogue, VOCABULARIES } from './vocabularies';

/** One code and its label, as the OpenAPI document describes it. */
export class CatalogueEntryDto {
  @ApiProperty({ description: 'The stable English code the API returns and accepts', example: 'substantiated' })
  readonly value!: string;
  @ApiProperty({ description: 'Its zh-CN label', example: '属实' })
  readonly label!: string;
}

const CATALOGUE_SCHEMA = {
  type: 'object',
  required: Object.keys(VOCABULARIES),
  properties: Object.fromEntries(
    Object.keys(VOCABULARIES).map((name) => [name, { type: 'array', items: { $ref: getSchemaPath(CatalogueEntryDto) } }]),
  ),
};

/** The header a response needs; no @types/express here. */
interface HeaderSink {
  setHeader(name: string, value: string): unknown;
}

/**
 * GET /catalogue: the words of every closed list the API returns, so a console (and the public
 * complaint portal, which needs channel and category words before anyone signs in) never
 * hard-codes them. Public: labels say nothing about any case. The answer changes only with a
 * release, so it carries a strong ETag (Express answers 304 to a matching If-None-Match).
 */
@ApiTags('catalogue')
@ApiExtraModels(CatalogueEntryDto)
@Public()
@Controller('catalogue')
export class CatalogueController {
  private readonly catalogue: Catalogue = buildCatalogue();
  private readonly etag = `"${createHash('sha256').update(JSON.stringify(this.catalogue)).digest('base64url').slice(0, 27)}"`;

  @Get()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'zh-CN labels of every code the API returns (roles, statuses, categories, grades …)' })
  @ApiOkResponse({ description: '`{ <vocabulary>: [{ value, label }] }`', schema: CATALOGUE_SCHEMA })
  read(@Res({ passthrough: true }) res: HeaderSink): Catalogue {
    res.setHeader('ETag', this.etag);
    return this.catalogue;
  }
}

@Module({ controllers: [CatalogueController] })
export class CatalogueModule {}
