import { ApiProperty } from '@nestjs/swagger';
import { InboxItem } from '../channels/inbox.channel';
import { IssuedTicket } from '../live/stream-tickets';
import { NotificationPreferencesView } from '../preferences/notification-preferences';
import { KindOverrideDto } from '../preferences/notification-preferences.dto';

/** One notification in the caller's inbox. */
export class InboxItemDto implements InboxItem {
  @ApiProperty() notificationId!: string;
  @ApiProperty({ example: 'deadlineWarning', description: 'deadlineWarning, reminder, escalation, assignment …' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ description: 'Console path of what it is about', example: '/findings/F1' }) link!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The case stream, if any' }) stream!: string | null;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ description: 'When it reached the inbox' }) deliveredAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'When it was read; null: unread' }) readAt!: string | null;
}

/** GET /me/notifications/unread-count: the badge. */
export class UnreadCountDto {
  @ApiProperty() unreadCount!: number;
}

/** POST /me/notifications/read-all: how many were marked, and what is left unread. */
export class MarkedReadDto extends UnreadCountDto {
  @ApiProperty() marked!: number;
}

/** GET/PUT /me/notification-preferences: the caller's channels (the inbox is always on). */
export class NotificationPreferencesViewDto implements NotificationPreferencesView {
  @ApiProperty({ enum: [true], description: 'The in-app inbox is always on' }) inbox!: true;
  @ApiProperty() email!: boolean;
  @ApiProperty() sms!: boolean;
  @ApiProperty({ type: () => [KindOverrideDto] }) overrides!: KindOverrideDto[];
}

/** POST /me/stream-ticket: a one-time ticket for EventSource, and the URL to open with it. */
export class StreamTicketDto implements IssuedTicket {
  @ApiProperty() ticket!: string;
  @ApiProperty({ description: 'Valid until (60 s after issue)' }) expiresAt!: string;
  @ApiProperty({ example: '/me/stream?ticket=…' }) url!: string;
}
