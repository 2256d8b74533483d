import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, DirectoryUser, inspectorCovers, Jurisdiction, Unit, UserDirectory } from '@bihuan/auth';
import {
  Actor,
  assertNever,
  CAMPAIGN_CHECK,
  CampaignCheck,
  CampaignMembership,
  deterministicId,
  ID_GENERATOR,
  IdGenerator,
} from '@bihuan/core';
import { LiveDirectory, matchesSelectors } from '@bihuan/directory';
import { CaseWrite, CommandBody, CommandContext, CommandExecution, RequestAction } from '@bihuan/platform';
import { CreditPolicy } from '../domain/credit-policy';
import { DrawInput, DrawResult } from '../domain/draw/draw-inspections';
import { RandomDrawCommand, RandomDrawEvent, RequestRandomDraw } from '../domain/draw/random-draw.messages';
import { drawInputOf, RANDOM_DRAW_CATEGORY, randomDrawDecider, RandomDrawState } from '../domain/draw/random-draw.decider';
import { CreditQueries, DrawReadModel } from '../read-models/credit.queries';
import { CREDIT_POLICY } from './credit-writes';

/** A draw to make: the server gathers institutions, levels, inspectors and conflicts itself. */
export type RandomDrawAction = RequestAction<
  'RequestRandomDraw',
  {
    readonly jurisdiction: string;
    readonly count: number;
    readonly inspectorsPerVisit: number;
    readonly plannedDate: string;
    readonly campaignId?: string | null;
    /** Only institutions with these directory attributes (none given: every institution). */
    readonly institutionTypes?: readonly string[];
    readonly ownerships?: readonly string[];
    readonly levels?: readonly string[];
  }
>;

/** What the draw reads of the directory besides the tree and its people (LiveDirectory answers it). */
export interface DrawDirectory {
  profileOf(institutionId: string): { readonly institutionType: string; readonly ownership: string; readonly level: string } | undefined;
  conflictsOf(userId: string): readonly string[];
}

/** Who and what a draw draws among, gathered before the command is built. */
interface DrawCandidates {
  readonly institutionIds: readonly string[];
  readonly inspectors: readonly DirectoryUser[];
  readonly readModel: DrawReadModel;
}

/** What POST /draws answers: the published draw with everything needed to re-run it. */
export interface PublishedDraw {
  readonly drawId: string;
  readonly jurisdiction: string;
  readonly seed: string;
  readonly algorithm: string;
  readonly inputs: DrawInput;
  readonly result: DrawResult;
  readonly plannedDate: string;
  readonly position: number | null;
}

/** CommandBus message: one request to a 双随机 draw `randomDraw-<drawId>` (a new one: the id is drawn). */
export class RandomDrawRequest extends Command<PublishedDraw> {
  constructor(
    readonly actor: Actor,
    readonly action: RandomDrawAction,
  ) {
    super();
  }
}

type DrawWrite = CaseWrite<RandomDrawCommand, RandomDrawEvent, RandomDrawState, CreditPolicy>;

/**
 * 双随机: the draw's application service. The server gathers the inputs — the institutions under the
 * jurisdiction with their credit level as of now (read model + creditLevel under the policy in
 * force), the inspectors of the jurisdiction (the UserDirectory port: active inspectors whose unit
 * lies within it) with their declared conflicts and the drawn institutions their unit covers (a
 * county inspector is never sent to the next county's hospital) — and a seed derived from fresh
 * ids, then records the request (DrawRequested: seed + inputs) and publishes the result
 * (DrawPublished). Nothing is written if the draw could never be made.
 */
@CommandHandler(RandomDrawRequest)
export class RandomDrawHandler implements ICommandHandler<RandomDrawRequest, PublishedDraw> {
  constructor(
    private readonly execution: CommandExecution,
    private readonly queries: CreditQueries,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
    @Inject(LiveDirectory) private readonly attributes: DrawDirectory,
    @Inject(CAMPAIGN_CHECK) private readonly campaigns: CampaignCheck,
  ) {}

  /** The institutions under the unit that match the filter's directory attributes (and lie in the campaign's scope). */
  private institutionsOf(unitId: string, data: RandomDrawAction['data'], campaign: CampaignMembership | null): string[] {
    return this.jurisdiction
      .institutionsUnder(unitId)
      .filter((u) => matchesSelectors(this.attributes.profileOf(u.id), data))
      .filter((u) => !campaign || campaign.institutionIds.includes(u.id))
      .map((u) => u.id);
  }

  /** Inspectors who may be drawn for a jurisdiction: the directory's active inspectors within it. */
  static inspectorsOf(jurisdiction: Jurisdiction, unitId: string, users: readonly DirectoryUser[]): DirectoryUser[] {
    return users.filter((u) => u.active && u.role === 'inspector' && jurisdiction.contains(unitId, u.unit));
  }

  async execute({ actor, action }: RandomDrawRequest): Promise<PublishedDraw> {
    switch (action.kind) {
      case 'RequestRandomDraw': {
        const unit = this.jurisdiction.require(action.data.jurisdiction, 'jurisdiction');
        this.access.assertInScope(actor, unit.id, 'random draws');
        // A draw within a campaign (专项行动) draws among the institutions the campaign scopes.
        const { campaignId } = action.data;
        const campaign = campaignId ? await this.campaigns.requireOpen(actor, campaignId, []) : null;
        const drawId = this.ids.next();
        const institutionIds = this.institutionsOf(unit.id, action.data, campaign);
        const inspectors = RandomDrawHandler.inspectorsOf(this.jurisdiction, unit.id, this.directory.all());
        const readModel = await this.queries.drawInputs(institutionIds);
        await this.execution.execute(
          actor,
          this.write(drawId, (_state, context) =>
            this.request(drawId, unit, { institutionIds, inspectors, readModel }, action.data, context),
          ),
        );
        const published = await this.execution.execute(
          actor,
          this.write(drawId, () => ({ type: 'PublishRandomDraw', data: { drawId } })),
        );
        return publishedDraw(published.state, published.position);
      }
      default:
        return assertNever(action.kind, 'random draw action');
    }
  }

  private write(drawId: string, build: DrawWrite['build']): DrawWrite {
    return {
      category: RANDOM_DRAW_CATEGORY,
      id: drawId,
      decider: (policy: CreditPolicy) => randomDrawDecider(policy),
      policy: CREDIT_POLICY,
      build,
    };
  }

  /** RequestRandomDraw with the inputs as the read model, the directory and the policy in force give them now. */
  private request(
    drawId: string,
    unit: Unit,
    { institutionIds, inspectors, readModel }: DrawCandidates,
    data: RandomDrawAction['data'],
    { now, policy, newId }: CommandContext<CreditPolicy>,
  ): CommandBody<RequestRandomDraw> {
    const levels = readModel.levelsAt(now, policy);
    // Conflicts of interest have one home, the directory (issue 16).
    const conflictsOf = (id: string): string[] => [...new Set(this.attributes.conflictsOf(id))].sort();
    return {
      type: 'RequestRandomDraw',
      data: {
        drawId,
        jurisdiction: unit.id,
        seed: deterministicId('randomDrawSeed', drawId, newId(), now),
        institutions: institutionIds.map((id) => ({ id, creditLevel: levels.get(id)!.level })),
        inspectors: inspectors.map((i) => ({
          id: i.id,
          unit: i.unit,
          conflicts: conflictsOf(i.id),
          covers: institutionIds.filter((id) => inspectorCovers(this.jurisdiction, i, id)),
        })),
        count: data.count,
        inspectorsPerVisit: data.inspectorsPerVisit,
        plannedDate: data.plannedDate,
        campaignId: data.campaignId ?? null,
      },
    };
  }
}

function publishedDraw(state: RandomDrawState, position: number | null): PublishedDraw {
  if (state.status !== 'published') throw new Error(`draw was not published (status ${state.status})`);
  const { request, published } = state;
  return {
    drawId: request.drawId,
    jurisdiction: request.jurisdiction,
    seed: request.seed,
    algorithm: published.algorithm,
    inputs: drawInputOf(request),
    result: { algorithm: published.algorithm, visits: published.visits },
    plannedDate: published.plannedDate,
    position,
  };
}
