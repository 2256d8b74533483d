import { CommandReceipt, CommandReceiptDto } from '@bihuan/platform';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { EthicsArchiveRequest } from '../application/ethics-archive.handler';
import { EthicsAddListEntryDto, EthicsListRemovalDto } from './ethics-archive.dto';

/**
 * 医务人员红黑榜 on a staff member's archive: the red list by the institution (own staff) or the
 * commission, the black list by the commission only (the archive's decider checks which list).
 */
@ApiTags('ethics')
@ApiBearerAuth()
@Controller('ethics/archives')
export class EthicsListsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':staffId/lists')
  @Roles('hospital', 'inspector', 'leader')
  @ApiOperation({
    summary:
      '红黑榜: put the staff member on the red (hospital: own staff; inspector, leader) or black (inspector, leader) list until expiresAt',
  })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  add(@CurrentActor() actor: Actor, @Param('staffId') staffId: string, @Body() body: EthicsAddListEntryDto): Promise<CommandReceipt> {
    return this.commands.execute(new EthicsArchiveRequest(actor, staffId, { kind: 'AddStaffListEntry', data: body }));
  }

  @Post(':staffId/lists/:entryId/remove')
  @HttpCode(200)
  @Roles('hospital', 'inspector', 'leader')
  @ApiOperation({ summary: 'Take a staff member off a list before the entry expires (by a keeper of that list)' })
  @ApiOkResponse({ type: CommandReceiptDto })
  remove(
    @CurrentActor() actor: Actor,
    @Param('staffId') staffId: string,
    @Param('entryId') entryId: string,
    @Body() body: EthicsListRemovalDto,
  ): Promise<CommandReceipt> {
    return this.commands.execute(
      new EthicsArchiveRequest(actor, staffId, { kind: 'RemoveStaffListEntry', data: { entryId, reason: body.reason } }),
    );
  }
}
