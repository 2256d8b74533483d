import { Body, Controller, Get, GoneException, Headers, HttpCode, Param, Post, Res, StreamableFile, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiGoneResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Public } from '@bihuan/auth';
import { ApiFileResponse, attachmentDisposition, FileUpload, StagedFile, StagedUpload } from '@bihuan/platform';
import { complaintError } from '../domain/complaint-errors';
import { normalizeTicketCode, resolvePublicTicket } from '../application/public-secret';
import { TicketEvidenceService } from '../application/ticket-evidence.service';
import { PUBLIC_ACTOR, TicketRequest } from '../application/ticket-request';
import { ComplaintTicketQueries } from '../read-models/complaint-tickets.query';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { PublicEvidenceReceiptDto } from './response.dto';
import { PublicEvidenceDto } from './steps.dto';

/** What a download sets besides the body (Express's response, as far as it is used). */
interface HeaderSink {
  setHeader(name: string, value: string): void;
}

/**
 * The complainant's own files, through the public entry (code + secret, rate limited like the rest
 * of it): attach while the ticket is open (the `public` use of the uploads policy: images and PDF,
 * small; at most `maxComplainantFiles` per ticket), and download what they attached. A wrong
 * secret and an unknown code are the same 404. Files are sealed under the complainant's key; once
 * the complainant is erased a download answers 410.
 */
@ApiTags('public complaints')
@Public()
@UseGuards(PublicRateLimitGuard)
@ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
@Controller('public/complaints')
export class PublicEvidenceController {
  constructor(
    private readonly bus: CommandBus,
    private readonly tickets: ComplaintTicketQueries,
    private readonly evidence: TicketEvidenceService,
  ) {}

  @Post(':code/evidence')
  @HttpCode(200)
  @FileUpload({
    mode: 'streamed',
    use: 'public',
    fields: {
      secret: { type: 'string', maxLength: 100, description: 'The secret given at submission' },
      note: { type: 'string', maxLength: 1000, description: 'What the file is (optional)' },
    },
    required: ['secret'],
  })
  @ApiOperation({ summary: 'Attach a photo or PDF to your complaint (kept encrypted under your personal key)' })
  @ApiOkResponse({ type: PublicEvidenceReceiptDto })
  async attach(
    @Param('code') code: string,
    @StagedUpload() staged: StagedFile,
    @Body() dto: PublicEvidenceDto,
  ): Promise<{ ticketCode: string; status: string; digest: string }> {
    const ticketId = await resolvePublicTicket(this.tickets, code, dto.secret);
    const { status } = await this.bus.execute(
      new TicketRequest(PUBLIC_ACTOR, { kind: 'attach-evidence', ticketId, staged, note: dto.note ?? null }),
    );
    return { ticketCode: normalizeTicketCode(code) ?? code, status, digest: staged.digest };
  }

  @Get(':code/evidence/:digest')
  @ApiHeader({ name: 'X-Ticket-Secret', required: true })
  @ApiOperation({ summary: 'Download a file you attached (recorded in the access log)' })
  @ApiFileResponse(['*/*'], 'The file, as an attachment, in its own media type (images and PDF under the default uploads policy)')
  @ApiGoneResponse({ description: 'EVIDENCE_ERASED: your personal data was erased, the file with it' })
  async download(
    @Param('code') code: string,
    @Param('digest') digest: string,
    @Headers('x-ticket-secret') secret: string | undefined,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<StreamableFile> {
    if (!secret || secret.length > 100) throw complaintError('NOT_FOUND', 'No ticket with this code and secret');
    const ticketId = await resolvePublicTicket(this.tickets, code, secret);
    const served = await this.evidence.complainantDownload(ticketId, digest);
    if (served === 'erased')
      throw new GoneException({ code: 'EVIDENCE_ERASED', message: 'The file was erased with its owner’s personal data' });
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(served.content.stream, {
      type: served.content.mediaType,
      length: served.content.size,
      disposition: attachmentDisposition(served.file.name),
    });
  }
}
