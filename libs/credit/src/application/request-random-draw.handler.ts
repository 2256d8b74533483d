import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, DirectoryUser, inspectorCovers, Jurisdiction, UserDirectory } from '@bihuan/auth';
import { deterministicId } from '@bihuan/core';
import { DrawInput, DrawResult } from '../domain/draw/draw-inspections';
import { drawInputOf } from '../domain/draw/random-draw.decider';
import { CreditQueries } from '../read-models/credit.queries';
import { RequestRandomDrawCommand } from './credit.commands';
import { CreditCommandRunner } from './credit-command-runner';

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

/**
 * 双随机: the server gathers the inputs — the institutions under the jurisdiction with their credit
 * level as of now (read model + creditLevel), the inspectors of the jurisdiction (UserDirectory: active
 * inspectors whose unit lies within it) with their declared conflicts and the drawn institutions
 * their unit covers (a county inspector is never sent to the next county's hospital) — and a
 * seed derived from fresh ids, then records the request (DrawRequested: seed + inputs) and publishes
 * the result (DrawPublished). Nothing is written if the draw could never be made.
 */
@CommandHandler(RequestRandomDrawCommand)
export class RequestRandomDrawHandler implements ICommandHandler<RequestRandomDrawCommand, PublishedDraw> {
  constructor(
    private readonly runner: CreditCommandRunner,
    private readonly queries: CreditQueries,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(UserDirectory) private readonly directory: UserDirectory,
  ) {}

  /** Inspectors who may be drawn for a jurisdiction: the directory's active inspectors within it. */
  static inspectorsOf(jurisdiction: Jurisdiction, unitId: string, users: readonly DirectoryUser[]): DirectoryUser[] {
    return users.filter((u) => u.active && u.role === 'inspector' && jurisdiction.contains(unitId, u.unit));
  }

  async execute({ actor, data }: RequestRandomDrawCommand): Promise<PublishedDraw> {
    const unit = this.jurisdiction.require(data.jurisdiction, 'jurisdiction');
    this.access.assertInScope(actor, unit.id, 'random draws');
    const policy = await this.runner.policy();
    const now = this.runner.now();
    const institutionIds = this.jurisdiction.institutionsUnder(unit.id).map((u) => u.id);
    const levels = this.queries.drawLevels(institutionIds, now, policy);
    const inspectors = RequestRandomDrawHandler.inspectorsOf(this.jurisdiction, unit.id, this.directory.all());
    const conflicts = this.queries.conflictsOf(inspectors.map((i) => i.id));
    const drawId = this.runner.ids.next();
    const seed = deterministicId('randomDrawSeed', drawId, this.runner.ids.next(), now);
    await this.runner.draw(drawId, {
      type: 'RequestRandomDraw',
      data: {
        drawId,
        jurisdiction: unit.id,
        seed,
        institutions: institutionIds.map((id) => ({ id, creditLevel: levels.get(id)!.level })),
        inspectors: inspectors.map((i) => ({
          id: i.id,
          unit: i.unit,
          conflicts: conflicts.get(i.id) ?? [],
          covers: institutionIds.filter((id) => inspectorCovers(this.jurisdiction, i, id)),
        })),
        count: data.count,
        inspectorsPerVisit: data.inspectorsPerVisit,
        plannedDate: data.plannedDate,
        campaignId: data.campaignId ?? null,
      },
    }, actor);
    const published = await this.runner.draw(drawId, { type: 'PublishRandomDraw', data: { drawId } }, actor);
    const state = await this.runner.drawState(drawId);
    if (state.status !== 'published') throw new Error(`draw ${drawId} was not published`);
    return {
      drawId,
      jurisdiction: unit.id,
      seed,
      algorithm: state.published.algorithm,
      inputs: drawInputOf(state.request),
      result: { algorithm: state.published.algorithm, visits: state.published.visits },
      plannedDate: state.published.plannedDate,
      position: published.position,
    };
  }
}
