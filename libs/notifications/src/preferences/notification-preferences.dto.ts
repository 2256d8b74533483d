import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, Equals, IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { NOTIFICATION_KINDS, NotificationKind } from '../workflows/notification-kinds';

export class KindOverrideDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'escalation', description: 'Notification kind (catalogue `notificationKinds`)' })
  @IsIn(NOTIFICATION_KINDS)
  kind!: NotificationKind;

  @ApiPropertyOptional({ description: 'E-mail for this kind; absent: as the global choice' })
  @IsOptional()
  @IsBoolean()
  email?: boolean;

  @ApiPropertyOptional({ description: 'SMS for this kind; absent: as the global choice' })
  @IsOptional()
  @IsBoolean()
  sms?: boolean;
}

/** PUT /me/notification-preferences — the whole choice at once. */
export class NotificationPreferencesDto {
  @ApiPropertyOptional({ enum: [true], description: 'The in-app inbox is always on: only `true` is accepted' })
  @IsOptional()
  @Equals(true, { message: '$property is always on and cannot be turned off' })
  inbox?: true;

  @ApiProperty({ description: 'E-mail on or off (every kind without an override)' })
  @IsBoolean()
  email!: boolean;

  @ApiProperty({ description: 'SMS on or off (every kind without an override)' })
  @IsBoolean()
  sms!: boolean;

  @ApiPropertyOptional({ type: [KindOverrideDto], description: 'Per-kind exceptions, one per kind' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique((o: KindOverrideDto) => o?.kind, { message: '$property must name each kind once' })
  @ValidateNested({ each: true })
  @Type(() => KindOverrideDto)
  overrides?: KindOverrideDto[];
}
