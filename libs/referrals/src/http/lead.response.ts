import { ApiProperty } from '@nestjs/swagger';
import { PUBLIC_TICKET_STEPS } from '@bihuan/complaints';
import { CommandReceiptDto } from '@bihuan/platform';
import { LEAD_STATUSES } from '../domain/referral-values';
import { LeadView } from '../read-models/referral-views';

/** A lead (交办线索) as the agency that sent it and the commission that received it see it. */
export class LeadDto implements LeadView {
  @ApiProperty() leadId!: string;
  @ApiProperty({ description: 'The agency that sent it' }) fromUnit!: string;
  @ApiProperty({ description: '协同部门类别 (catalogue agencyTypes)' }) agencyType!: string;
  @ApiProperty({ description: 'The commission it went to' }) toUnit!: string;
  @ApiProperty({ type: String, nullable: true }) institutionId!: string | null;
  @ApiProperty({ description: 'Complaint category (catalogue complaintCategories)' }) category!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: String, nullable: true }) agencyReference!: string | null;
  @ApiProperty({ enum: LEAD_STATUSES }) status!: string;
  @ApiProperty() submittedBy!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ type: String, nullable: true }) ticketId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ticketCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) registeredAt!: string | null;
}

/** How far the ticket a lead became has come — its step and dates, never the informant nor anyone's notes. */
export class LeadTicketDto {
  @ApiProperty() ticketCode!: string;
  @ApiProperty({ enum: PUBLIC_TICKET_STEPS }) step!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ type: String, nullable: true }) answeredAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) declinedAt!: string | null;
}

export class LeadDetailDto extends LeadDto {
  @ApiProperty({ type: () => LeadTicketDto, nullable: true, description: 'Null until the lead is registered as a ticket' })
  ticket!: LeadTicketDto | null;
}

/** What sending a lead answers: the receipt and the complaint ticket it became. */
export class LeadReceiptDto extends CommandReceiptDto {
  @ApiProperty() ticketId!: string;
  @ApiProperty() ticketCode!: string;
}
