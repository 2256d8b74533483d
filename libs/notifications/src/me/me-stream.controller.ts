import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEventStreamResponse } from '@bihuan/platform';
import { Actor } from '@bihuan/core';
import { AcceptsTicket, CurrentActor, Roles, USER_ROLES } from '@bihuan/auth';
import { EventStreamOptions, openEventStream } from '../live/event-stream';
import { LiveUpdates } from '../live/live-updates';
import { IssuedTicket, StreamTickets } from '../live/stream-tickets';
import { StreamQueryDto } from './me-notifications.dto';
import { StreamTicketDto } from './me-notifications.response';

/** Nest token: heartbeat and retry of GET /me/stream (DEFAULT_EVENT_STREAM_OPTIONS; tests shorten them). */
export const EVENT_STREAM_OPTIONS = Symbol('EVENT_STREAM_OPTIONS');

/** The signed-in person's live stream (server-sent events), docs/notifications.md *Live updates*. */
@ApiTags('me')
@ApiBearerAuth()
@Roles(...USER_ROLES)
@Controller('me')
export class MeStreamController {
  constructor(
    private readonly live: LiveUpdates,
    private readonly tickets: StreamTickets,
    @Inject(EVENT_STREAM_OPTIONS) private readonly options: EventStreamOptions,
  ) {}

  @Post('stream-ticket')
  @ApiOperation({ summary: 'A one-time ticket (valid 60 s) to open GET /me/stream?ticket=… from a browser EventSource' })
  @ApiCreatedResponse({ type: StreamTicketDto })
  async ticket(
    @CurrentActor() actor: Actor,
    @Req() request: IncomingMessage & { sessionId?: string },
  ): Promise<IssuedTicket & { url: string }> {
    const issued = await this.tickets.issue(actor, request.sessionId ?? null);
    return { ...issued, url: `/me/stream?ticket=${issued.ticket}` };
  }

  @Get('stream')
  @AcceptsTicket()
  @ApiEventStreamResponse('Events `notification`, `unread` and `todo`, each a JSON `data` line (docs/notifications.md)')
  @ApiOperation({ summary: 'My live events (text/event-stream): notification, unread, todo; bearer header or ?ticket=' })
  stream(
    @CurrentActor() actor: Actor,
    @Query() _query: StreamQueryDto,
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
  ): void {
    openEventStream(request, response, this.live, actor.id, this.options);
  }
}
