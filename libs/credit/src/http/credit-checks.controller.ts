import { ApiPagedResponse, CommandReceipt, CommandReceiptDto, KeysetPage } from '@bihuan/platform';
import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, APPLICANT_CREDIT_CHECK_READERS, APPLICANT_CREDIT_CHECKERS, CurrentActor, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { CreditCheckAnswer, CreditSubjectRequest } from '../application/credit-subject.handler';
import { ApplicantCreditQueries, CreditCheckRow } from '../read-models/applicant-credit.queries';
import { CreditCheckDto, CreditCheckListQueryDto, CreditFalseMaterialDto } from './credit-check.dto';
import { CreditCheckAnswerDto, CreditCheckRowDto } from './credit-check.response';

/** 准入信用核查 (issue 22, ADR 0019): the approving office checks applicants and records their false material. */
@ApiTags('credit')
@ApiBearerAuth()
@Controller('credit')
export class CreditChecksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: ApplicantCreditQueries,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  @Post('checks')
  @Roles(...APPLICANT_CREDIT_CHECKERS)
  @ApiOperation({
    summary:
      'Check an applicant’s credit (an organisation by 统一社会信用代码, a person by 居民身份证号) for a licensing procedure; the check is recorded on the applicant’s stream and answers the level, adverse information of 5 years and the red list as the caller’s role may see them',
  })
  @ApiCreatedResponse({ type: CreditCheckAnswerDto })
  check(@CurrentActor() actor: Actor, @Body() body: CreditCheckDto): Promise<CreditCheckAnswer> {
    // The request's one command message answers a check with its result (a false-material finding with a receipt).
    return this.commands.execute(
      new CreditSubjectRequest(actor, { kind: 'CheckApplicantCredit', data: body }),
    ) as Promise<CreditCheckAnswer>;
  }

  @Get('checks')
  @Roles(...APPLICANT_CREDIT_CHECK_READERS)
  @ApiOperation({
    summary: 'The checks recorded by the offices of the caller’s jurisdiction, newest first; a page after `cursor`: { items, nextCursor }',
  })
  @ApiPagedResponse(CreditCheckRowDto)
  list(@CurrentActor() actor: Actor, @Query() q: CreditCheckListQueryDto): Promise<KeysetPage<CreditCheckRow>> {
    return this.queries.checks(this.access.creditCheckUnits(actor), q);
  }

  @Post('subjects/false-material')
  @Roles(...APPLICANT_CREDIT_CHECKERS)
  @ApiOperation({
    summary:
      'The applicant supplied false material (提供虚假材料): an adverse record on the applicant (points as the credit policy sets them), shown by later checks and, once it is an institution, in its credit archive',
  })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  falseMaterial(@CurrentActor() actor: Actor, @Body() body: CreditFalseMaterialDto): Promise<CommandReceipt> {
    return this.commands.execute(new CreditSubjectRequest(actor, { kind: 'ReportFalseMaterial', data: body })) as Promise<CommandReceipt>;
  }
}
