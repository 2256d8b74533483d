import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PUBLIC_TICKET_STEPS, PublicTicketStep } from '../domain/complaint-labels';
import { DECLINE_GROUNDS, SATISFACTION_RATINGS } from '../domain/complaint-vocabulary';
import { ComplainantFile } from '../application/ticket-evidence.service';
import { PublicTicketStatus } from '../read-models/ticket-views';
import { nullableEnum } from '@bihuan/platform';
import { COMPLAINT_TICKET_STATUSES } from './ticket.response';

/** What every step endpoint answers. */
export class TicketCommandResultDto {
  @ApiProperty() ticketId!: string;
  @ApiProperty({ description: 'Ticket status after the command' }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Log position of the last event written (null: nothing changed)' })
  position!: number | null;
  @ApiProperty({ type: [String], description: 'Types of the events written' }) events!: string[];
}

export class ReceivedTicketDto extends TicketCommandResultDto {
  @ApiProperty({ example: 'K7Q2-M9XD' }) ticketCode!: string;
  @ApiProperty({ description: 'Give it to the complainant once; only its hash is stored' }) secret!: string;
}

export class PublicSubmissionDto {
  @ApiProperty({ example: 'K7Q2-M9XD' }) ticketCode!: string;
  @ApiProperty({ description: 'Keep it: with the code it shows your ticket’s status. It cannot be recovered.' }) secret!: string;
}

/** A file the complainant attached, as the public status lists it. */
export class ComplainantFileDto implements ComplainantFile {
  @ApiProperty({ description: 'SM3 of the file, 64 hex digits; names it in the download path' }) digest!: string;
  @ApiProperty() name!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ example: 'image/jpeg' }) mediaType!: string;
}

export class PublicStatusDto implements PublicTicketStatus {
  @ApiProperty() ticketCode!: string;
  @ApiProperty({ enum: PUBLIC_TICKET_STEPS }) step!: PublicTicketStep;
  @ApiProperty() category!: string;
  @ApiProperty() receivedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) answerDueAt!: string | null;
  @ApiProperty({
    description: 'The answer date is provisional (next year’s official holidays not yet published); it may move by a few working days',
  })
  answerDueProvisional!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) answeredAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) answer!: string | null;
  @ApiPropertyOptional(nullableEnum(SATISFACTION_RATINGS)) rating!: string | null;
  @ApiProperty() canRate!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) declinedAt!: string | null;
  @ApiPropertyOptional(nullableEnum(DECLINE_GROUNDS)) declineGround!: string | null;
  @ApiProperty({ type: [ComplainantFileDto], description: 'The files you attached' }) files!: ComplainantFileDto[];
}

/** What the complainant's rating and reply answer: the ticket's code and where it stands now. */
export class PublicComplaintStepDto {
  @ApiProperty({ example: 'K7Q2-M9XD' }) ticketCode!: string;
  @ApiProperty({ enum: COMPLAINT_TICKET_STATUSES, description: 'Ticket status after the step' }) status!: string;
}

/** What attaching a file through the public entry answers: the step, and the file's SM3 digest (its download name). */
export class PublicEvidenceReceiptDto extends PublicComplaintStepDto {
  @ApiProperty({ description: 'SM3 of the file, 64 hex digits' }) digest!: string;
}

export class ErasureResultDto {
  @ApiProperty() subjectId!: string;
  @ApiProperty({ enum: ['erased', 'already-erased'] }) outcome!: string;
  @ApiProperty() erasedAt!: string;
}
