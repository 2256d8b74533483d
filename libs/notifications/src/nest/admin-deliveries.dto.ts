import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CHANNEL_KINDS, ChannelKind } from '../notification';
import { DELIVERY_STATUSES, DeliveryStatus } from '../notifications.migrations';
import { DeliveryView } from '../outbox/delivery-view';

/** GET /admin/deliveries — newest first, optionally of one status. */
export class DeliveriesQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, description: 'Only deliveries in this status (failed: the dead letters)' })
  @IsOptional()
  @IsIn([...DELIVERY_STATUSES])
  status?: DeliveryStatus;

  @ApiPropertyOptional({ description: 'How many to list (1–500)', default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class DeliveryRecipientDto {
  @ApiProperty() userId!: string;
  @ApiProperty() unitId!: string;
}

/** One delivery of a notification on one channel, as admins see it. */
export class DeliveryDto implements DeliveryView {
  @ApiProperty() id!: string;
  @ApiProperty() notificationId!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ enum: CHANNEL_KINDS }) channel!: ChannelKind;
  @ApiProperty({ description: 'For e-mail and SMS only the domain / the last four digits' }) address!: string;
  @ApiProperty({ type: () => DeliveryRecipientDto }) recipient!: DeliveryRecipientDto;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) nextAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}
