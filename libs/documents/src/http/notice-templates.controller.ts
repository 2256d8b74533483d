import { Body, Controller, Get, Inject, Param, Put, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@bihuan/core';
import { CurrentActor, Roles, SystemWide } from '@bihuan/auth';
import { ApiFileResponse, DOCX_MEDIA_TYPE, FileUpload, UploadedFileData } from '@bihuan/platform';
import { isNoticeKind, NOTICE_KIND_LABELS, NOTICE_KINDS, NoticeKind } from '@bihuan/inspection';
import { documentsError } from '../documents-errors';
import { NOTICE_FIELDS } from '../templates/notice-fields';
import { NoticeTemplates, NoticeTemplateVersion } from '../templates/notice-templates';
import { NoticeTemplateDto, NoticeTemplateListDto, TEMPLATE_MAX_BYTES, UploadNoticeTemplateDto } from './notice.dto';
import { FileResponse, sendDocx } from './send-docx';

function kindOf(kind: string): NoticeKind {
  if (!isNoticeKind(kind))
    throw documentsError('NOTICE_KIND_UNKNOWN', `Unknown notice kind "${kind}" (known: ${NOTICE_KINDS.join(', ')})`, {
      field: 'kind',
      kind,
      kinds: NOTICE_KINDS,
    });
  return kind;
}

function summary(v: NoticeTemplateVersion): NoticeTemplateDto {
  const { bytes: _bytes, ...rest } = v;
  return { ...rest, fields: [...v.fields], title: NOTICE_KIND_LABELS[v.kind as NoticeKind] ?? v.kind };
}

/** Templates of the printed notices (docs/api/documents.md): each replacement is a new version, kept forever. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@SystemWide() // the templates serve every unit: only an admin at the root replaces them
@Controller('admin/notice-templates')
export class NoticeTemplatesController {
  constructor(@Inject(NoticeTemplates) private readonly templates: NoticeTemplates) {}

  @Get()
  @ApiOkResponse({ type: NoticeTemplateListDto })
  @ApiOperation({ summary: 'The template in force per notice kind, and the placeholders a template may use' })
  async list(): Promise<NoticeTemplateListDto> {
    const items = await Promise.all(NOTICE_KINDS.map(async (kind) => summary(await this.templates.inForce(kind))));
    return { items, fields: { ...NOTICE_FIELDS } };
  }

  @Get(':kind')
  @ApiFileResponse([DOCX_MEDIA_TYPE], 'The template in force (DOCX)')
  @ApiOperation({ summary: 'The template in force as DOCX (to edit and upload again)' })
  async download(@Param('kind') kind: string, @Res() res: FileResponse): Promise<void> {
    const v = await this.templates.inForce(kindOf(kind));
    const name = `${NOTICE_KIND_LABELS[v.kind as NoticeKind]}模板（第${v.version}版）.docx`;
    sendDocx(res, { body: v.bytes, digest: v.digest, utf8Name: name, asciiName: `template-${v.kind}-v${v.version}.docx` });
  }

  /** Checked before anything is kept: a DOCX (by content) whose placeholders parse and name only known fields (400 naming file). */
  @Put(':kind')
  @FileUpload({
    maxBytes: TEMPLATE_MAX_BYTES,
    kinds: ['docx'],
    kindLabel: 'a Word document (.docx)',
    fields: { reason: { type: 'string', maxLength: 500, description: 'Why (recorded with the version)' } },
    required: ['reason'],
  })
  @ApiOkResponse({ type: NoticeTemplateDto })
  @ApiOperation({ summary: 'Replace a kind’s template (multipart: .docx in `file`, `reason` required); later notices use the new version' })
  async replace(
    @Param('kind') kind: string,
    @UploadedFile() file: UploadedFileData,
    @Body() body: UploadNoticeTemplateDto,
    @CurrentActor() actor: Actor,
  ): Promise<NoticeTemplateDto> {
    return summary(await this.templates.replace(kindOf(kind), file.buffer, body.reason, actor));
  }
}
