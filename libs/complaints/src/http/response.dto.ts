import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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
export class ComplainantFileDto {
  @ApiProperty({ description: 'SM3 of the file, 64 hex digits; names it in the download path' }) digest!: string;
  @ApiProperty() name!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ example: 'image/jpeg' }) mediaType!: string;
}

export class PublicStatusDto {
  @ApiProperty() ticketCode!: string;
  @ApiProperty({ enum: ['received', 'dispatched', 'in-progress', 'awaiting-your-reply', 'answered', 'rated', 'closed', 'declined'] })
  step!: string;
  @ApiProperty() category!: string;
  @ApiProperty() receivedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) answerDueAt!: string | null;
  @ApiProperty({
    description: 'The answer date is provisional (next year’s official holidays not yet published); it may move by a few working days',
  })
  answerDueProvisional!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) answeredAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) answer!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) rating!: string | null;
  @ApiProperty() canRate!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) declinedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) declineGround!: string | null;
  @ApiProperty({ type: [ComplainantFileDto], description: 'The files you attached' }) files!: ComplainantFileDto[];
}

export class ErasureResultDto {
  @ApiProperty() subjectId!: string;
  @ApiProperty({ enum: ['erased', 'already-erased'] }) outcome!: string;
  @ApiProperty() erasedAt!: string;
}
