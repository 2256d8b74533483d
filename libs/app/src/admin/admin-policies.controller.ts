import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, DomainError, ID_GENERATOR, IdGenerator, isDomainError } from '@bihuan/core';
import { CurrentActor, Roles, SystemWide } from '@bihuan/auth';
import { POLICIES, PolicyRegistry } from '@bihuan/platform';
import { PolicyViewDto, SetPolicyDto } from './admin.dto';
import { PolicyContextsDto } from './admin.response';
import { POLICY_DEFAULTS, policyCheck, policyDefaults } from './policy-defaults';

/** Policy settings per context (domain.md: every number is a default), changed with a reason. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@SystemWide()
@Controller('admin/policies')
export class AdminPoliciesController {
  constructor(
    @Inject(POLICIES) private readonly policies: PolicyRegistry,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The policy contexts that can be changed' })
  @ApiOkResponse({ type: PolicyContextsDto })
  list(): PolicyContextsDto {
    return { contexts: Object.keys(POLICY_DEFAULTS) };
  }

  @Get(':context')
  @ApiOperation({ summary: 'A context’s policy in force, its defaults and its change history' })
  @ApiOkResponse({ type: PolicyViewDto })
  async get(@Param('context') context: string): Promise<PolicyViewDto> {
    const defaults = policyDefaults(context);
    const [current, history] = await Promise.all([this.policies.current(context, defaults), this.policies.history(context)]);
    return { context, current: { ...current }, defaults: { ...defaults }, history: history.map((h) => ({ ...h })) };
  }

  /** Validates every override against the defaults before anything is written (400 naming `overrides.<setting>`). */
  @Put(':context')
  @ApiOperation({ summary: 'Replace a context’s overrides (reason required); the new version is recorded on later events' })
  @ApiOkResponse({ type: PolicyViewDto })
  async set(@Param('context') context: string, @Body() body: SetPolicyDto, @CurrentActor() actor: Actor): Promise<PolicyViewDto> {
    const defaults = policyDefaults(context);
    try {
      await this.policies.set(context, defaults, body.overrides, actor, body.reason, this.ids.next(), policyCheck(context));
    } catch (error) {
      if (isDomainError(error) && error.kind === 'validation' && error.details.field && error.details.field !== 'reason') {
        throw new DomainError(error.code, `overrides.${error.message}`, 'validation', { field: `overrides.${error.details.field}` });
      }
      throw error;
    }
    return this.get(context);
  }
}
