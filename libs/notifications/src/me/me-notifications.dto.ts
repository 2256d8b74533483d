import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageCursor, PageSize } from '@bihuan/platform';

/** GET /me/notifications — newest first, keyset-paged. */
export class MyNotificationsQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'true: only unread items' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';

  @PageCursor() cursor?: string;
  @PageSize(100, 20) pageSize?: number;
}

/** `:id` of POST /me/notifications/:id/read. */
export class NotificationIdParamDto {
  @ApiProperty({ description: 'The notification id (notificationId of an inbox item)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id!: string;
}

/** GET /me/stream — `ticket` from POST /me/stream-ticket when the client cannot send Authorization. */
export class StreamQueryDto {
  @ApiPropertyOptional({ description: 'One-time ticket (60 s) from POST /me/stream-ticket, for EventSource in browsers' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: '$property must be a ticket from POST /me/stream-ticket' })
  ticket?: string;
}
