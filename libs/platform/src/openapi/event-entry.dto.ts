import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EventEntry } from '@bihuan/event-store';
import { ActorDto, FREE_OBJECT } from './actor.dto';

/** One event of a case's own history (`eventEntry`), with the Chinese one-line summary when the app has one. */
export class EventEntryDto implements EventEntry {
  @ApiProperty({ description: 'Revision within its stream (0-based)' }) revision!: number;
  @ApiProperty({ description: 'Global log position' }) position!: number;
  @ApiProperty({ example: 'FindingOpened' }) type!: string;
  @ApiProperty({ ...FREE_OBJECT, description: "The event's data as the reader may see it (per type: docs/events)" }) data!: object;
  @ApiProperty() eventId!: string;
  @ApiProperty({ type: () => ActorDto }) actor!: ActorDto;
  @ApiProperty({ description: 'When it happened in the world (ISO-8601)' }) occurredAt!: string;
  @ApiProperty({ description: 'When the log accepted it (ISO-8601)' }) recordedAt!: string;
  @ApiProperty({ type: String, nullable: true }) causationId!: string | null;
  @ApiProperty() correlationId!: string;
  @ApiPropertyOptional({ description: 'One line in Chinese for people, names resolved', example: '监督员张三发现问题：…' })
  summary?: string;
}
