import { Body, Controller, Get, Headers, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '@bihuan/auth';
import { FoldIdenticalRequests } from '@bihuan/platform';
import { complaintError } from '../domain/complaint-errors';
import { normalizeTicketCode, resolvePublicTicket } from '../application/public-secret';
import { ComplainantFile, TicketEvidenceService } from '../application/ticket-evidence.service';
import { PUBLIC_ACTOR, TicketRequest } from '../application/ticket-request';
import { ComplaintTicketQueries } from '../read-models/complaint-tickets.query';
import { PublicTicketStatus } from '../read-models/ticket-views';
import { PublicComplaintDto } from './intake.dto';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { PublicComplaintStepDto, PublicStatusDto, PublicSubmissionDto } from './response.dto';
import { PublicRatingDto, PublicReplyDto, SecretDto } from './steps.dto';

/** The public status with the files the complainant attached (theirs only: name, size, type, digest). */
type PublicView = PublicTicketStatus & { readonly files: readonly ComplainantFile[] };

/**
 * The public entry (no token), rate limited per client IP. The ticket code is in the path; the
 * secret only in a header or the body, never in the URL (URLs end up in logs and histories).
 * A wrong secret and an unknown code are the same 404. An identical submission from the same
 * client within the fold window (IDEMPOTENCY_FOLD_WINDOW_MINUTES) answers the first ticket.
 */
@ApiTags('public complaints')
@Public()
@UseGuards(PublicRateLimitGuard)
@ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
@Controller('public/complaints')
export class PublicComplaintsController {
  constructor(
    private readonly bus: CommandBus,
    private readonly tickets: ComplaintTicketQueries,
    private readonly evidence: TicketEvidenceService,
  ) {}

  @Post()
  @FoldIdenticalRequests()
  @ApiOperation({ summary: 'Submit a complaint (anonymous, or named: name and contacts are encrypted and never shown to the institution)' })
  @ApiCreatedResponse({ type: PublicSubmissionDto })
  async submit(@Body() dto: PublicComplaintDto): Promise<{ ticketCode: string; secret: string }> {
    const { ticketCode, secret } = await this.bus.execute(new TicketRequest(PUBLIC_ACTOR, { kind: 'submit-public', ...dto }));
    return { ticketCode, secret };
  }

  @Get(':code')
  @ApiHeader({ name: 'X-Ticket-Secret', required: true })
  @ApiOperation({ summary: 'Public status of a ticket (step, dates, the answer once given)' })
  @ApiOkResponse({ type: PublicStatusDto })
  status(@Param('code') code: string, @Headers('x-ticket-secret') secret: string | undefined): Promise<PublicView> {
    return this.read(code, secret);
  }

  @Post(':code/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Public status, with the secret in the body' })
  @ApiOkResponse({ type: PublicStatusDto })
  statusByBody(@Param('code') code: string, @Body() dto: SecretDto): Promise<PublicView> {
    return this.read(code, dto.secret);
  }

  @Post(':code/rating')
  @HttpCode(200)
  @ApiOperation({ summary: '回访: rate the answer (satisfied / basically-satisfied / dissatisfied)' })
  @ApiOkResponse({ type: PublicComplaintStepDto })
  async rate(@Param('code') code: string, @Body() dto: PublicRatingDto): Promise<{ ticketCode: string; status: string }> {
    const ticketId = await resolvePublicTicket(this.tickets, code, dto.secret);
    const { status } = await this.bus.execute(
      new TicketRequest(PUBLIC_ACTOR, { kind: 'follow-up', ticketId, rating: dto.rating, comment: dto.comment ?? null }),
    );
    return { ticketCode: normalizeTicketCode(code) ?? code, status };
  }

  @Post(':code/reply')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reply when the ticket is awaiting your reply (the clock resumes)' })
  @ApiOkResponse({ type: PublicComplaintStepDto })
  async reply(@Param('code') code: string, @Body() dto: PublicReplyDto): Promise<{ ticketCode: string; status: string }> {
    const ticketId = await resolvePublicTicket(this.tickets, code, dto.secret);
    const { status } = await this.bus.execute(
      new TicketRequest(PUBLIC_ACTOR, { kind: 'complainant-reply', ticketId, note: dto.note ?? null }),
    );
    return { ticketCode: normalizeTicketCode(code) ?? code, status };
  }

  private async read(code: string, secret: string | undefined): Promise<PublicView> {
    if (!secret || secret.length > 100) throw complaintError('NOT_FOUND', 'No ticket with this code and secret');
    const ticketId = await resolvePublicTicket(this.tickets, code, secret);
    const [status, files] = await Promise.all([this.tickets.publicStatus(ticketId), this.evidence.complainantFiles(ticketId)]);
    return { ...status, files };
  }
}
