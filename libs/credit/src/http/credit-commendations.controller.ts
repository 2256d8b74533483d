import { CommandReceipt, CommandReceiptDto } from '@bihuan/platform';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { CreditArchiveRequest } from '../application/credit-archive.handler';
import { CreditCommendationDto } from './credit-archive.dto';

/**
 * 表彰 (守信激励, seeds 001–003): the commission's commendation of an institution or one of its
 * departments, recorded as basic credit information of kind `commendation` — public on the
 * institution's credit page as long as it exists (seed 002).
 */
@ApiTags('credit')
@ApiBearerAuth()
@Controller('credit/archives')
export class CreditCommendationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':institutionId/commendations')
  @Roles('inspector', 'leader', 'admin')
  @ApiOperation({ summary: '表彰: commend the institution or one of its departments (basic credit information, public)' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  commend(@CurrentActor() actor: Actor, @Param('institutionId') id: string, @Body() body: CreditCommendationDto): Promise<CommandReceipt> {
    const { commendedAt, reason, ...rest } = body;
    return this.commands.execute(
      new CreditArchiveRequest(actor, id, {
        kind: 'RecordCreditInformation',
        data: { ...rest, infoClass: 'basic', kind: 'commendation', content: reason, occurredAt: commendedAt },
      }),
    );
  }
}
