import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NOTICE_KINDS, NoticeKind } from '@bihuan/inspection';

/** POST /findings/:findingId/notices */
export class IssueNoticeDocumentDto {
  @ApiProperty({
    enum: NOTICE_KINDS,
    description:
      '整改通知书 rectification-notice · 提醒敦促函 reminder-letter · 约谈通知书 summons · 挂牌督办通知 listed-supervision · 销号确认 sign-off-confirmation',
  })
  @IsIn(NOTICE_KINDS)
  kind!: NoticeKind;
}

/** Largest template upload (multipart field `file`): a notice template with a letterhead image fits. */
export const TEMPLATE_MAX_BYTES = 2 * 1024 * 1024;

/** PUT /admin/notice-templates/:kind — the text fields of the form; the .docx comes in field `file`. */
export class UploadNoticeTemplateDto {
  @ApiProperty({ description: 'Why (recorded with the version)', maxLength: 500, example: '按市卫健委〔2026〕5号文调整文书格式' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class NoticeDocumentDto {
  @ApiProperty() findingId!: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind!: string;
  @ApiProperty({ example: '整改通知书' }) title!: string;
  @ApiProperty({ example: '甲市东城区卫健监整〔2026〕12号' }) documentNo!: string;
  @ApiProperty() round!: number;
  @ApiProperty({ description: 'Ladder step the notice belongs to (0: the round’s own notice or the sign-off confirmation)' }) step!: number;
  @ApiProperty({ description: 'SM3 of the DOCX bytes, lowercase hex' }) digest!: string;
  @ApiProperty() templateVersion!: number;
  @ApiProperty() fileName!: string;
  @ApiProperty() issuingUnitId!: string;
  @ApiProperty() issuedBy!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ description: 'GET this path for the DOCX' }) download!: string;
}

export class NoticeDocumentListDto {
  @ApiProperty() findingId!: string;
  @ApiProperty({ type: [NoticeDocumentDto] }) items!: NoticeDocumentDto[];
}

export class NoticeTemplateDto {
  @ApiProperty({ enum: NOTICE_KINDS }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '0: the built-in template, not yet recorded' }) version!: number;
  @ApiProperty({ enum: ['default', 'upload'] }) source!: string;
  @ApiProperty({ description: 'SM3 of the DOCX bytes' }) digest!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ type: [String] }) fields!: string[];
  @ApiProperty() reason!: string;
  @ApiProperty() addedBy!: string;
  @ApiProperty() addedAt!: string;
}

export class NoticeTemplateListDto {
  @ApiProperty({ type: [NoticeTemplateDto] }) items!: NoticeTemplateDto[];
  @ApiProperty({ description: 'Placeholders a template may use, with what each prints', example: { documentNo: '文号' } })
  fields!: Record<string, string>;
}
