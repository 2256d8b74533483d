import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, DirectoryUser, inspectorCovers, Jurisdiction, readerOf, Unit, UserDirectory } from '@bihuan/auth';
import { Actor, assertNever, CAMPAIGN_CHECK, CampaignCheck, CampaignMembership, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { LiveDirectory, matchesSelectors } from '@bihuan/directory';
import { CaseWrite, CommandBody, CommandContext, CommandExecution, RequestAction } from '@bihuan/platform';
import { CreditPolicy } from '../domain/credit-policy';
import { CommitRandomDraw, RandomDrawCommand, RandomDrawEvent } from '../domain/draw/random-draw.messages';
import { RANDOM_DRAW_CATEGORY, randomDrawDecider, RandomDrawState } from '../domain/draw/random-draw.decider';
import { CreditQueries, DrawReadModel } from '../read-models/credit.queries';
import { CREDIT_POLICY } from './credit-writes';
import { assertDrawReadable, DrawAnswer } from './draw-document';

/** A draw to commit (the server gathers institutions, levels, inspectors and conflicts itself), or one to reveal. */
export type RandomDrawAction =
  | RequestAction<
      'CommitRandomDraw',
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
    >
  | RequestAction<'RevealRandomDraw', { readonly drawId: string }>;

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

/** CommandBus message: one request to a 双随机 draw `randomDraw-<drawId>` (a commitment makes a new one: the id is drawn). */
export class RandomDrawRequest extends Command<DrawAnswer> {
  constructor(
    readonly actor: Actor,
    readonly action: RandomDrawAction,
  ) {
    super();
  }
}

type DrawWrite = CaseWrite<RandomDrawCommand, RandomDrawEvent, RandomDrawState, CreditPolicy>;

/**
 * 双随机: the draw's application service (ADR 0018).
 * Commit: the server gathers the inputs — the institutions under the jurisdiction with their credit
 * level as of now (read model + creditLevel under the policy in force), the inspectors of the
 * jurisdiction (the UserDirectory port: active inspectors whose unit lies within it) with their
 * declared conflicts and the drawn institutions their unit covers (a county inspector is never sent
 * to the next county's hospital) — and 256 random bits for the seed, then records the commitment
 * (DrawCommitted). The randomDrawVisits saga makes the draw (DrawMade) and plans its visits; the
 * answer shows the draw as it stands once that settled. Nothing is written if it could never be made.
 * Reveal: once every drawn visit is conducted or cancelled (read from the visits' streams), the seed
 * is published (DrawRevealed).
 */
@CommandHandler(RandomDrawRequest)
export class RandomDrawHandler implements ICommandHandler<RandomDrawRequest, DrawAnswer> {
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
  private institutionsOf(
    unitId: string,
    data: Extract<RandomDrawAction, { kind: 'CommitRandomDraw' }>['data'],
    campaign: CampaignMembership | null,
  ): string[] {
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

  async execute({ actor, action }: RandomDrawRequest): Promise<DrawAnswer> {
    switch (action.kind) {
      case 'CommitRandomDraw': {
        const unit = this.jurisdiction.require(action.data.jurisdiction, 'jurisdiction');
        this.access.assertInScope(actor, unit.id, 'random draws');
        const drawId = this.ids.next();
        // The seed is secret until the reveal: 256 bits from the operating system's CSPRNG, so its published digest cannot be inverted.
        const seed = randomBytes(32).toString('hex');
        // A draw within a campaign (专项行动) draws among the institutions the campaign scopes.
        const { campaignId } = action.data;
        const campaign = campaignId ? await this.campaigns.requireOpen(actor, campaignId, []) : null;
        const institutionIds = this.institutionsOf(unit.id, action.data, campaign);
        const inspectors = RandomDrawHandler.inspectorsOf(this.jurisdiction, unit.id, this.directory.all());
        const readModel = await this.queries.drawInputs(institutionIds);
        const candidates = { institutionIds, inspectors, readModel };
        await this.execution.execute(actor, {
          ...this.write(drawId, (_state, context) => this.commit(drawId, seed, unit, candidates, action.data, context)),
          creates: true,
        });
        return this.answer(actor, drawId);
      }
      case 'RevealRandomDraw': {
        const { drawId } = action.data;
        const state = await this.readable(actor, drawId);
        const visits = state.status === 'drawn' ? await this.queries.drawnVisitStates(drawId, state.outcome.visits) : [];
        await this.execution.execute(actor, {
          ...this.write(drawId, () => ({ type: 'RevealRandomDraw', data: { drawId, visits } })),
          authorize: (current) => assertDrawReadable(readerOf(this.access, actor), drawId, current),
        });
        return this.answer(actor, drawId);
      }
      default:
        return assertNever(action, 'random draw action');
    }
  }

  private answer(actor: Actor, drawId: string): Promise<DrawAnswer> {
    return this.queries.drawFor(readerOf(this.access, actor), drawId);
  }

  private async readable(actor: Actor, drawId: string): Promise<RandomDrawState> {
    const state = await this.execution.state(randomDrawDecider(), RANDOM_DRAW_CATEGORY, drawId);
    assertDrawReadable(readerOf(this.access, actor), drawId, state);
    return state;
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

  /** CommitRandomDraw with the inputs as the read model, the directory and the policy in force give them now. */
  private commit(
    drawId: string,
    seed: string,
    unit: Unit,
    { institutionIds, inspectors, readModel }: DrawCandidates,
    data: Extract<RandomDrawAction, { kind: 'CommitRandomDraw' }>['data'],
    { now, policy }: CommandContext<CreditPolicy>,
  ): CommandBody<CommitRandomDraw> {
    const levels = readModel.levelsAt(now, policy);
    // Conflicts of interest have one home, the directory (issue 16).
    const conflictsOf = (id: string): string[] => [...new Set(this.attributes.conflictsOf(id))].sort();
    return {
      type: 'CommitRandomDraw',
      data: {
        drawId,
        jurisdiction: unit.id,
        seed,
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
