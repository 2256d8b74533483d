import { applyDecorators, Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiFileResponse, attachmentDisposition, CommandReceipt, CommandReceiptDto } from '@bihuan/platform';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, CurrentActor, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { EthicsEvaluationAction, EthicsEvaluationRequest, EvaluationKey } from '../application/ethics-evaluation.handler';
import { EthicsResultsRequest, FinalisedResults } from '../application/ethics-results.handler';
import { EthicsExportService, XLSX_CONTENT_TYPE } from '../application/ethics-export.service';
import { ethicsError } from '../domain/ethics-errors';
import { ethicsEvaluationStreamId } from '../domain/evaluation/ethics-evaluation.state';
import { EthicsEvaluationRow, EthicsQueries } from '../read-models/ethics.queries';
import { EthicsEvaluationDto, EthicsFinalisedResultsDto, EthicsResultsDto } from './ethics-evaluation.response';
import { DepartmentReviewDto, InstitutionScoreDto, OpenEthicsEvaluationDto, PostingDto, SelfEvaluationDto } from './ethics-evaluation.dto';

const READERS = ['hospital', 'inspector', 'leader', 'admin'] as const;
const STEP = ':institutionId/:year/:staffId';

/** A step on one evaluation, by the hospital, answering 200; listed bottom-up, as a stack above the method applies them. */
const EvaluationStep = (step: string, summary: string): MethodDecorator =>
  applyDecorators(
    ApiOperation({ summary }),
    ApiOkResponse({ type: CommandReceiptDto }),
    Roles('hospital'),
    HttpCode(200),
    Post(`evaluations/${STEP}/${step}`),
  );

/** 医德考评: self → department → institution (→ 公示) → final grades after the 优秀 cap; results and export. */
@ApiTags('ethics')
@ApiBearerAuth()
@Controller('ethics')
export class EthicsEvaluationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: EthicsQueries,
    private readonly exports: EthicsExportService,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  @Post('evaluations')
  @Roles('hospital')
  @ApiOperation({ summary: 'Open the year’s evaluation of one of the institution’s staff' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  open(@CurrentActor() actor: Actor, @Body() body: OpenEthicsEvaluationDto): Promise<CommandReceipt> {
    const { institutionId, year, staffId, ...data } = body;
    return this.step(actor, { institutionId, year, staffId }, { kind: 'OpenEthicsEvaluation', data });
  }

  @Get(`evaluations/${STEP}`)
  @Roles(...READERS)
  @ApiOperation({ summary: 'One evaluation as it stands' })
  @ApiOkResponse({ type: EthicsEvaluationDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('institutionId') institutionId: string,
    @Param('year', ParseIntPipe) year: number,
    @Param('staffId') staffId: string,
  ): Promise<EthicsEvaluationRow> {
    this.access.assertInScope(actor, institutionId, 'the ethics evaluations');
    const row = await this.queries.evaluation(ethicsEvaluationStreamId(institutionId, year, staffId));
    if (!row) throw ethicsError('EVALUATION_NOT_FOUND', 'no such evaluation');
    return row;
  }

  @EvaluationStep('self', '自评: the staff member’s self-evaluation')
  self(
    @CurrentActor() actor: Actor,
    @Param('institutionId') i: string,
    @Param('year', ParseIntPipe) y: number,
    @Param('staffId') s: string,
    @Body() body: SelfEvaluationDto,
  ): Promise<CommandReceipt> {
    return this.step(actor, { institutionId: i, year: y, staffId: s }, { kind: 'SubmitSelfEvaluation', data: body });
  }

  @EvaluationStep('department', '科室评价: the department’s score')
  department(
    @CurrentActor() actor: Actor,
    @Param('institutionId') i: string,
    @Param('year', ParseIntPipe) y: number,
    @Param('staffId') s: string,
    @Body() body: DepartmentReviewDto,
  ): Promise<CommandReceipt> {
    return this.step(actor, { institutionId: i, year: y, staffId: s }, { kind: 'ReviewEthicsEvaluation', data: body });
  }

  @EvaluationStep('institution', '单位评价: scored with the year’s archive reckoning and veto items; provisional grade')
  institution(
    @CurrentActor() actor: Actor,
    @Param('institutionId') i: string,
    @Param('year', ParseIntPipe) y: number,
    @Param('staffId') s: string,
    @Body() body: InstitutionScoreDto,
  ): Promise<CommandReceipt> {
    return this.step(actor, { institutionId: i, year: y, staffId: s }, { kind: 'ScoreEthicsEvaluation', data: body });
  }

  @EvaluationStep('posting', '公示: post the provisional grade for objections')
  posting(
    @CurrentActor() actor: Actor,
    @Param('institutionId') i: string,
    @Param('year', ParseIntPipe) y: number,
    @Param('staffId') s: string,
    @Body() body: PostingDto,
  ): Promise<CommandReceipt> {
    return this.step(actor, { institutionId: i, year: y, staffId: s }, { kind: 'PostEthicsEvaluation', data: body });
  }

  @Post('results/:institutionId/:year/finalise')
  @HttpCode(200)
  @Roles('hospital')
  @ApiOperation({ summary: 'Apply the 优秀 cap over the institution’s year and finalise every evaluation' })
  @ApiOkResponse({ type: EthicsFinalisedResultsDto })
  finalise(
    @CurrentActor() actor: Actor,
    @Param('institutionId') institutionId: string,
    @Param('year', ParseIntPipe) year: number,
  ): Promise<FinalisedResults> {
    return this.commands.execute(new EthicsResultsRequest(actor, institutionId, year, { kind: 'FinaliseEthicsResults' }));
  }

  @Get('results/:institutionId/:year')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The institution’s evaluations of a year (hospital: own; inspectors/leaders: jurisdiction)' })
  @ApiOkResponse({ type: EthicsResultsDto })
  async results(
    @CurrentActor() actor: Actor,
    @Param('institutionId') institutionId: string,
    @Param('year', ParseIntPipe) year: number,
  ): Promise<{ institutionId: string; year: number; evaluations: EthicsEvaluationRow[] }> {
    this.access.assertInScope(actor, institutionId, 'the ethics evaluations');
    return { institutionId, year, evaluations: await this.queries.evaluations(institutionId, year) };
  }

  @Get('results/:institutionId/:year/export.xlsx')
  @Roles(...READERS)
  @ApiFileResponse([XLSX_CONTENT_TYPE], 'The year’s final results, one row per staff member')
  @ApiOperation({ summary: 'Final results as XLSX for the physician’s periodic assessment (定期考核)' })
  async export(
    @CurrentActor() actor: Actor,
    @Param('institutionId') institutionId: string,
    @Param('year', ParseIntPipe) year: number,
  ): Promise<StreamableFile> {
    this.access.assertInScope(actor, institutionId, 'the ethics evaluations');
    const file = await this.exports.xlsx(institutionId, year);
    return new StreamableFile(file, {
      type: XLSX_CONTENT_TYPE,
      disposition: attachmentDisposition(`ethics-${institutionId}-${year}.xlsx`),
    });
  }

  private step(actor: Actor, key: EvaluationKey, action: EthicsEvaluationAction): Promise<CommandReceipt> {
    return this.commands.execute(new EthicsEvaluationRequest(actor, key, action));
  }
}
