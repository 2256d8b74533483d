import { ApiProperty } from '@nestjs/swagger';
import { NoticeLink, NoticePreview, PublicNoticeView, StaffNoticeView } from '../application/notice-views';
import { PublicNoticeListItem } from '../application/notice-reads';
import { CorrectedNoticeRef, NoticePeriod, NoticeTable } from '../domain/public-notice.messages';
import {
  PUBLIC_NOTICE_KINDS,
  PUBLIC_NOTICE_STATUSES,
  PUBLICITY_CLASSES,
  PublicityClass,
  PublicNoticeKind,
  PublicNoticeStatus,
} from '../domain/public-notice-values';
import { NoticeListItem } from '../read-models/notices.queries';

export class PublicNoticePeriodViewDto implements NoticePeriod {
  @ApiProperty({ description: 'YYYY-MM-DD' }) from!: string;
  @ApiProperty({ description: 'YYYY-MM-DD' }) to!: string;
}

/** One printed table: text cells, the same in the JSON, the page and the DOCX. */
export class PublicNoticeTableDto implements NoticeTable {
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) subtitle!: string | null;
  @ApiProperty({ type: [String] }) columns!: string[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } } }) rows!: string[][];
  @ApiProperty({ type: [String], nullable: true, description: 'The 合计 row' }) totals!: string[] | null;
}

export class PublicNoticeLinkDto implements NoticeLink {
  @ApiProperty() noticeId!: string;
  @ApiProperty() documentNo!: string;
  @ApiProperty() title!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ description: 'A correction that withdraws (撤销)' }) withdraw!: boolean;
}

export class PublicNoticeIssuerDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class PublicNoticeDigestDto {
  @ApiProperty({ enum: ['SM3'] }) algorithm!: 'SM3';
  @ApiProperty({ description: 'SM3 of the content’s canonical JSON (printed on the document)' }) content!: string;
  @ApiProperty({ description: 'SM3 of the DOCX the document route answers' }) document!: string;
}

export class PublicNoticePublicityDto {
  @ApiProperty({ enum: PUBLICITY_CLASSES }) class!: PublicityClass;
  @ApiProperty({ type: String, nullable: true, description: 'Public until then (seed 002); null: without end' }) until!: string | null;
}

/** GET /public/notices/{noticeId}: what the notice printed, its digests and its corrections. */
export class PublicNoticeViewDto implements PublicNoticeView {
  @ApiProperty() noticeId!: string;
  @ApiProperty({ enum: PUBLIC_NOTICE_KINDS }) kind!: PublicNoticeKind;
  @ApiProperty() documentNo!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: () => PublicNoticeIssuerDto }) issuingUnit!: PublicNoticeIssuerDto;
  @ApiProperty({ description: 'YYYY-MM-DD (成文日期)' }) issuedOn!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ description: 'When its figures were read' }) asOf!: string;
  @ApiProperty({ type: () => PublicNoticePeriodViewDto, nullable: true }) period!: PublicNoticePeriodViewDto | null;
  @ApiProperty({ type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty({ type: [String], description: 'Paragraphs' }) preface!: string[];
  @ApiProperty({ type: () => [PublicNoticeTableDto] }) tables!: PublicNoticeTableDto[];
  @ApiProperty({ type: [String] }) notes!: string[];
  @ApiProperty({ type: () => PublicNoticeDigestDto }) digest!: PublicNoticeDigestDto;
  @ApiProperty({ type: () => PublicNoticePublicityDto }) publicity!: PublicNoticePublicityDto;
  @ApiProperty({ type: () => PublicNoticeLinkDto, nullable: true, description: 'The notice this one corrects' })
  corrects!: PublicNoticeLinkDto | null;
  @ApiProperty({ type: () => PublicNoticeLinkDto, nullable: true, description: 'The published correction of this one (已被更正)' })
  correctedBy!: PublicNoticeLinkDto | null;
  @ApiProperty({ description: 'GET this path for the DOCX' }) document!: string;
}

export class PublicNoticeListItemDto implements PublicNoticeListItem {
  @ApiProperty() noticeId!: string;
  @ApiProperty({ enum: PUBLIC_NOTICE_KINDS }) kind!: PublicNoticeKind;
  @ApiProperty() documentNo!: string;
  @ApiProperty() title!: string;
  @ApiProperty() issuingUnitName!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ type: String, nullable: true }) correctsId!: string | null;
  @ApiProperty() withdraw!: boolean;
  @ApiProperty({ type: String, nullable: true }) correctedById!: string | null;
}

export class PublicNoticeCorrectedRefDto implements CorrectedNoticeRef {
  @ApiProperty() noticeId!: string;
  @ApiProperty() documentNo!: string;
  @ApiProperty() title!: string;
}

/** GET /public-notices/{noticeId}: the draft and who made it, and once published what the public reads. */
export class StaffNoticeViewDto implements StaffNoticeView {
  @ApiProperty() noticeId!: string;
  @ApiProperty({ enum: PUBLIC_NOTICE_STATUSES }) status!: PublicNoticeStatus;
  @ApiProperty({ enum: PUBLIC_NOTICE_KINDS }) kind!: PublicNoticeKind;
  @ApiProperty() issuingUnitId!: string;
  @ApiProperty() issuingUnitName!: string;
  @ApiProperty() title!: string;
  @ApiProperty() preface!: string;
  @ApiProperty({ type: () => PublicNoticePeriodViewDto, nullable: true }) period!: PublicNoticePeriodViewDto | null;
  @ApiProperty({ type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty({ type: () => PublicNoticeCorrectedRefDto, nullable: true }) corrects!: PublicNoticeCorrectedRefDto | null;
  @ApiProperty() withdraw!: boolean;
  @ApiProperty({ description: 'Revisions of the draft so far' }) revision!: number;
  @ApiProperty() draftedBy!: string;
  @ApiProperty() draftedAt!: string;
  @ApiProperty({ type: String, nullable: true }) publishedBy!: string | null;
  @ApiProperty({ type: () => PublicNoticeViewDto, nullable: true }) published!: PublicNoticeViewDto | null;
}

export class StaffNoticeListItemDto implements NoticeListItem {
  @ApiProperty() noticeId!: string;
  @ApiProperty() issuingUnitId!: string;
  @ApiProperty({ enum: PUBLIC_NOTICE_KINDS }) kind!: PublicNoticeKind;
  @ApiProperty({ enum: PUBLIC_NOTICE_STATUSES }) status!: PublicNoticeStatus;
  @ApiProperty() title!: string;
  @ApiProperty({ type: () => PublicNoticePeriodViewDto, nullable: true }) period!: PublicNoticePeriodViewDto | null;
  @ApiProperty({ type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty({ type: String, nullable: true }) documentNo!: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) publicUntil!: string | null;
  @ApiProperty({ type: String, nullable: true }) correctsId!: string | null;
  @ApiProperty() withdraw!: boolean;
  @ApiProperty({ type: String, nullable: true }) correctedById!: string | null;
  @ApiProperty() draftedAt!: string;
  @ApiProperty() draftedBy!: string;
}

/** The correction a preview prints (the corrected notice's number and title). */
export class PublicNoticePreviewCorrectsDto {
  @ApiProperty() documentNo!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'A withdrawal (撤销)' }) withdraw!: boolean;
}

/** GET /public-notices/{noticeId}/preview: what publishing the draft now would make public, unnumbered. */
export class PublicNoticePreviewDto implements NoticePreview {
  @ApiProperty() noticeId!: string;
  @ApiProperty({ enum: PUBLIC_NOTICE_KINDS }) kind!: PublicNoticeKind;
  @ApiProperty() title!: string;
  @ApiProperty({ type: () => PublicNoticeIssuerDto }) issuingUnit!: PublicNoticeIssuerDto;
  @ApiProperty({ description: 'YYYY-MM-DD (成文日期, were it published now)' }) issuedOn!: string;
  @ApiProperty({ description: 'When its figures were read' }) asOf!: string;
  @ApiProperty({ type: () => PublicNoticePeriodViewDto, nullable: true }) period!: PublicNoticePeriodViewDto | null;
  @ApiProperty({ type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty({ type: [String], description: 'Paragraphs' }) preface!: string[];
  @ApiProperty({ type: () => PublicNoticePreviewCorrectsDto, nullable: true }) corrects!: PublicNoticePreviewCorrectsDto | null;
  @ApiProperty({ type: () => [PublicNoticeTableDto] }) tables!: PublicNoticeTableDto[];
  @ApiProperty({ type: [String] }) notes!: string[];
  @ApiProperty({ type: () => PublicNoticePublicityDto }) publicity!: PublicNoticePublicityDto;
  @ApiProperty({ description: 'False while the period’s last day has not passed: publishing would be refused (PERIOD_NOT_OVER)' })
  periodOver!: boolean;
}
