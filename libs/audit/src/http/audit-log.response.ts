import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AsOf, CHAIN_PROBLEMS, ChainBreak, ChainProblem } from '@bihuan/event-store';
import { FINDING_STATUSES } from '@bihuan/inspection';
import { ActorDto } from '@bihuan/platform';
import { AccessLogRow } from '../application/access-log-view';
import { LedgerAsOf } from '../application/audit-read.service';
import { LedgerRow } from '../application/ledger-as-of';
import { CaseFileRow } from '../files/case-file.types';
import { FileChecks, FileProblem } from '../integrity/evidence-check';
import { IntegrityReport, StreamIntegrity } from '../integrity/integrity-report';
import { AuditAsOfDto } from './audit-history.response';

export class AuditStreamIntegrityDto implements StreamIntegrity {
  @ApiProperty() stream!: string;
  @ApiProperty() events!: number;
  @ApiProperty({ type: String, nullable: true }) firstHash!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastHash!: string | null;
  @ApiProperty() ok!: boolean;
}

/** Where the chain first breaks. */
export class AuditChainBreakDto implements ChainBreak {
  @ApiProperty() streamName!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() position!: number;
  @ApiProperty() eventId!: string;
  @ApiProperty({ enum: CHAIN_PROBLEMS }) problem!: ChainProblem;
  @ApiProperty() detail!: string;
}

export class AuditFileProblemDto implements FileProblem {
  @ApiProperty() stream!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() position!: number;
  @ApiProperty() digest!: string;
  @ApiProperty() name!: string;
  @ApiProperty() sealed!: boolean;
  @ApiProperty({ enum: ['missing', 'altered'] }) status!: 'missing' | 'altered';
  @ApiPropertyOptional({ description: 'For `altered`: what the stored bytes hash to now' }) actualDigest?: string;
}

export class AuditFileChecksDto implements FileChecks {
  @ApiProperty() checked!: number;
  @ApiProperty({ type: () => [AuditFileProblemDto] }) problems!: AuditFileProblemDto[];
}

/** GET /audit/integrity: what was verified, over which hash range, and where the chain first breaks. */
export class AuditIntegrityReportDto implements IntegrityReport {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ enum: ['log', 'streams'] }) scope!: 'log' | 'streams';
  @ApiProperty() streams!: number;
  @ApiProperty() events!: number;
  @ApiProperty({ type: String, nullable: true }) firstHash!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastHash!: string | null;
  @ApiProperty({ type: Number, nullable: true }) firstPosition!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lastPosition!: number | null;
  @ApiProperty({ type: () => [AuditStreamIntegrityDto] }) perStream!: AuditStreamIntegrityDto[];
  @ApiProperty({ type: () => AuditChainBreakDto, nullable: true }) firstBreak!: AuditChainBreakDto | null;
  @ApiProperty({ description: "The whole log was compared with the store's stream heads" }) headsChecked!: boolean;
  @ApiProperty() verifiedAt!: string;
  @ApiPropertyOptional({ type: () => AuditFileChecksDto, description: 'The attached evidence files, hashed in the blob store' })
  files?: AuditFileChecksDto;
  @ApiProperty({ enum: ['SM3'] }) algorithm!: 'SM3';
  @ApiProperty() canonicalization!: string;
}

/** GET /audit/cases/{stream}/integrity: the report over the case's streams, with its root. */
export class AuditCaseIntegrityReportDto extends AuditIntegrityReportDto {
  @ApiProperty() root!: string;
}

/** One file of a case as the reader may see it. */
export class AuditCaseFileDto implements CaseFileRow {
  @ApiProperty() stream!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() position!: number;
  @ApiProperty() digest!: string;
  @ApiProperty({ description: 'The name it was uploaded under, or a marker for a sealed or erased file' }) name!: string;
  @ApiProperty() size!: number;
  @ApiProperty() mediaType!: string;
  @ApiProperty() step!: string;
  @ApiProperty() attachedAt!: string;
  @ApiProperty() attachedBy!: string;
  @ApiProperty({ description: "Kept encrypted under its owner's personal-data key" }) sealed!: boolean;
  @ApiProperty({ description: 'Sealed and its owner erased: unreadable for everyone' }) erased!: boolean;
}

/** GET /audit/cases/{stream}/files. */
export class AuditCaseFilesDto {
  @ApiProperty() root!: string;
  @ApiProperty({ type: () => [AuditCaseFileDto] }) files!: AuditCaseFileDto[];
}

export class AuditEscalationDto {
  @ApiProperty() rung!: string;
  @ApiProperty() step!: number;
}

/** A finding of the institution as the log stood at the instant. */
export class AuditLedgerRowDto implements LedgerRow {
  @ApiProperty() stream!: string;
  @ApiProperty() findingId!: string;
  @ApiProperty() category!: string;
  @ApiProperty() severity!: string;
  @ApiProperty({ description: 'When the finding was opened' }) openedAt!: string;
  @ApiProperty({ enum: FINDING_STATUSES })
  status!: LedgerRow['status'];
  @ApiProperty() round!: number;
  @ApiProperty({ type: String, nullable: true }) dueAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) deadlineStatus!: string | null;
  @ApiProperty({ type: () => AuditEscalationDto, nullable: true }) escalation!: AuditEscalationDto | null;
  @ApiProperty() lastPosition!: number;
  @ApiProperty() lastRecordedAt!: string;
}

/** GET /audit/ledgers/{institutionId}: the ledger recomputed from the log at an instant. */
export class AuditLedgerAsOfDto implements LedgerAsOf {
  @ApiProperty() institutionId!: string;
  @ApiProperty({ type: () => AuditAsOfDto }) asOf!: AsOf;
  @ApiProperty() events!: number;
  @ApiProperty({ type: Number, nullable: true }) position!: number | null;
  @ApiProperty({ type: () => [AuditLedgerRowDto] }) rows!: AuditLedgerRowDto[];
}

/** One read of personal data, case read or dossier export. */
export class AuditAccessLogRowDto implements AccessLogRow {
  @ApiProperty() at!: string;
  @ApiProperty({ type: () => ActorDto }) reader!: ActorDto;
  @ApiProperty({ example: 'view', description: 'view, reveal, export, erase or asOf' }) action!: string;
  @ApiProperty({ type: String, nullable: true }) subjectId!: string | null;
  @ApiProperty({ type: String, nullable: true }) caseStream!: string | null;
  @ApiProperty() purpose!: string;
  @ApiProperty() outcome!: string;
  @ApiProperty({ type: Number, nullable: true, description: "Place in the privacy access log's SM3 chain" }) seq!: number | null;
}

/** GET /audit/access-log: a page (limit/offset) of the access log, newest first. */
export class AuditAccessLogPageDto {
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: () => [AuditAccessLogRowDto] }) rows!: AuditAccessLogRowDto[];
}
