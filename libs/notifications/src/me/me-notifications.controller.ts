import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, DomainError } from '@bihuan/core';
import { CurrentActor, Roles, USER_ROLES } from '@bihuan/auth';
import { ApiPagedResponse, KeysetPage } from '@bihuan/platform';
import { InboxChannel, InboxItem } from '../channels/inbox.channel';
import { LiveUpdates } from '../live/live-updates';
import { NotificationPreferences, NotificationPreferencesView } from '../preferences/notification-preferences';
import { NotificationPreferencesDto } from '../preferences/notification-preferences.dto';
import { MyNotificationsQueryDto, NotificationIdParamDto } from './me-notifications.dto';
import { InboxItemDto, MarkedReadDto, NotificationPreferencesViewDto, UnreadCountDto } from './me-notifications.response';

/**
 * The signed-in person's own inbox and channel choices. Every query is keyed on the caller's user
 * id, never on a parameter, so another person's item is simply not found (404), not forbidden.
 */
@ApiTags('me')
@ApiBearerAuth()
@Roles(...USER_ROLES)
@Controller('me')
export class MeNotificationsController {
  constructor(
    private readonly inbox: InboxChannel,
    private readonly preferences: NotificationPreferences,
    private readonly live: LiveUpdates,
  ) {}

  @Get('notifications')
  @ApiOperation({ summary: 'My notifications, newest first (unread=true: only unread); pass nextCursor back for the next page' })
  @ApiPagedResponse(InboxItemDto)
  list(@CurrentActor() actor: Actor, @Query() q: MyNotificationsQueryDto): Promise<KeysetPage<InboxItem>> {
    return this.inbox.page(actor.id, { unreadOnly: q.unread === 'true', cursor: q.cursor, pageSize: q.pageSize ?? 20 });
  }

  @Get('notifications/unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread (the badge)' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentActor() actor: Actor): Promise<{ unreadCount: number }> {
    return { unreadCount: await this.inbox.unreadCount(actor.id) };
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read (again: no change); 404 if I have no such item' })
  @ApiOkResponse({ type: InboxItemDto, description: 'The item, now read' })
  async markRead(@CurrentActor() actor: Actor, @Param() { id }: NotificationIdParamDto): Promise<InboxItem> {
    if (!(await this.inbox.markRead(actor.id, id))) throw DomainError.notFound('NOTIFICATIONS.NO_ITEM', `You have no notification ${id}`);
    await this.pingUnread(actor.id);
    return (await this.inbox.get(actor.id, id))!;
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkedReadDto })
  async markAllRead(@CurrentActor() actor: Actor): Promise<{ marked: number; unreadCount: number }> {
    const marked = await this.inbox.markAllRead(actor.id);
    return { marked, unreadCount: await this.pingUnread(actor.id) };
  }

  @Get('notification-preferences')
  @ApiOperation({ summary: 'My channels: e-mail and SMS on or off, per-kind overrides (the inbox is always on)' })
  @ApiOkResponse({ type: NotificationPreferencesViewDto })
  async getPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreferencesView & { inbox: true }> {
    return { inbox: true, ...(await this.preferences.get(actor.id)) };
  }

  @Put('notification-preferences')
  @ApiOperation({ summary: 'Replace my channel choices as a whole' })
  @ApiOkResponse({ type: NotificationPreferencesViewDto })
  async putPreferences(
    @CurrentActor() actor: Actor,
    @Body() body: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesView & { inbox: true }> {
    const saved = await this.preferences.set(actor.id, { email: body.email, sms: body.sms, overrides: body.overrides ?? [] });
    return { inbox: true, ...saved };
  }

  /** Other open tabs of the same person update their badge. */
  private async pingUnread(userId: string): Promise<number> {
    const unreadCount = await this.inbox.unreadCount(userId);
    this.live.publish(userId, { type: 'unread', data: { unreadCount } });
    return unreadCount;
  }
}
