import { Controller, Get, Inject, Module } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@bihuan/core';
import { AllowedBeforePasswordChange, CurrentActor, Jurisdiction } from '@bihuan/auth';
import { MeDto } from './me.dto';

/** Who the bearer token says the caller is, and the unit path of their jurisdiction. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(@Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction) {}

  @Get()
  @AllowedBeforePasswordChange()
  @ApiOperation({ summary: 'The authenticated user, role and unit (with the unit path)' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor): MeDto {
    return { actor, unitPath: this.jurisdiction.path(actor.unit).map(({ id, name, kind }) => ({ id, name, kind })) };
  }
}

@Module({ controllers: [MeController] })
export class SecurityModule {}
