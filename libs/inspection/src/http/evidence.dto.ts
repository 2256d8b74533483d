import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EVIDENCE_STEPS, EvidenceStep } from '../domain';
import { CommandReceiptDto } from '@bihuan/platform';

/** Longest note with an uploaded file. */
export const EVIDENCE_NOTE_MAX = 500;

/** The text fields of an evidence upload (multipart, beside the file in field `file`). */
export class AttachEvidenceDto {
  @ApiPropertyOptional({
    enum: EVIDENCE_STEPS,
    description:
      'What the file belongs to: visit 现场检查 / finding 问题取证 / plan 整改方案 / progress 整改进展 / signOff 销号申请 / recheck 回头看. ' +
      "Default: a visit's upload is `visit`; on a finding, by the sender and the finding's status (inspector: finding, or recheck once signed off; hospital: plan until a plan is in, then progress)",
  })
  @IsOptional()
  @IsIn(EVIDENCE_STEPS)
  step?: EvidenceStep;

  @ApiPropertyOptional({ maxLength: EVIDENCE_NOTE_MAX, example: '门诊走廊，14:05 拍摄' })
  @IsOptional()
  @IsString()
  @MaxLength(EVIDENCE_NOTE_MAX)
  note?: string;
}

/** The multipart form's text fields, for OpenAPI (@FileUpload), as the DTO validates them. */
export const EVIDENCE_FORM_FIELDS = {
  step: { type: 'string', enum: EVIDENCE_STEPS, description: 'What the file belongs to (see AttachEvidenceDto)' },
  note: { type: 'string', maxLength: EVIDENCE_NOTE_MAX, description: 'A short note on the file' },
} as const;

export class InspectionEvidenceFileDto {
  @ApiProperty({ description: 'SM3 of the bytes (64 lowercase hex digits): what steps cite in `evidence`' }) digest!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty({ description: 'Judged from the content, not the name', example: 'image/jpeg' }) mediaType!: string;
  @ApiProperty({ description: 'The name it was uploaded under (shown to people only)' }) name!: string;
}

/** What an upload answers: the receipt (`events: []` when the same file was already attached) and the file as recorded. */
export class InspectionEvidenceAckDto extends CommandReceiptDto {
  @ApiProperty({ type: () => InspectionEvidenceFileDto }) file!: InspectionEvidenceFileDto;
}
