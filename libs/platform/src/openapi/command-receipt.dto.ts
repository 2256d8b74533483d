import { ApiProperty } from '@nestjs/swagger';
import { CommandReceipt } from '../commands/command-receipt';

/** What every write answers (commandReceipt): the case, its stream, the last log position written and the event types. */
export class CommandReceiptDto implements CommandReceipt {
  @ApiProperty({ description: 'Id of the case the command acted on' }) id!: string;
  @ApiProperty({ description: 'The case stream written' }) stream!: string;
  @ApiProperty({ description: 'Log position of the last event written (null: nothing changed)', nullable: true, type: Number })
  position!: number | null;
  @ApiProperty({ type: [String], description: 'Event types written, in order' }) events!: string[];
}
