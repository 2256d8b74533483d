import { Inject, Injectable } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { DomainError, streamName } from '@bihuan/core';
import { READ_MODEL_DB } from '@bihuan/platform';
import { FINDING_STREAM_CATEGORY } from '../domain';
import { CountsQueries, LedgerQueries, VisitQueries } from '../read-models';
import { findingDetail, historyEntry } from './finding-views';
import { InspectionContext } from './inspection-context';
import {
  FindingHistoryQuery,
  GetFindingQuery,
  GetVisitQuery,
  LedgerCountsQuery,
  LedgerQuery,
  LedgerView,
  ListFindingsQuery,
  ListVisitsQuery,
} from './inspection.queries';

/** The inspection read models on the read-model database. */
@Injectable()
export class InspectionReadModels {
  readonly ledger: LedgerQueries;
  readonly counts: CountsQueries;
  readonly visits: VisitQueries;

  constructor(@Inject(READ_MODEL_DB) db: Database.Database) {
    this.ledger = new LedgerQueries(db);
    this.counts = new CountsQueries(db);
    this.visits = new VisitQueries(db);
  }
}

abstract class ReadHandler {
  constructor(
    @Inject(InspectionContext) protected readonly ctx: InspectionContext,
    @Inject(InspectionReadModels) protected readonly rm: InspectionReadModels,
  ) {}

  /** Institutions the actor may read; a named institution must be known and in scope (400 / 403). */
  protected visible(actor: ListFindingsQuery['actor'], institutionId?: string): string[] {
    if (institutionId !== undefined) this.ctx.requireInstitutionInScope(actor, institutionId);
    return this.ctx.access.visibleInstitutions(actor);
  }

  /** The visit as the actor may read it (its visibility declaration: 暗访 stays unannounced). */
  protected visit(actor: ListFindingsQuery['actor'], visitId: string) {
    return this.ctx.visit(visitId, actor);
  }
}

@QueryHandler(ListFindingsQuery)
export class ListFindingsHandler extends ReadHandler implements IQueryHandler<ListFindingsQuery> {
  async execute({ actor, filter, page, pageSize }: ListFindingsQuery) {
    return this.rm.ledger.list(filter, this.visible(actor, filter.institutionId), this.ctx.now(), page, pageSize);
  }
}

@QueryHandler(GetFindingQuery)
export class GetFindingHandler extends ReadHandler implements IQueryHandler<GetFindingQuery> {
  async execute({ actor, findingId }: GetFindingQuery) {
    const state = await this.ctx.finding(findingId, actor);
    const now = this.ctx.now();
    return findingDetail(state, now, this.rm.ledger.row(findingId, now));
  }
}

@QueryHandler(FindingHistoryQuery)
export class FindingHistoryHandler extends ReadHandler implements IQueryHandler<FindingHistoryQuery> {
  async execute({ actor, findingId }: FindingHistoryQuery) {
    await this.ctx.finding(findingId, actor);
    const events = await this.ctx.store.readStream(streamName(FINDING_STREAM_CATEGORY, findingId));
    return { findingId, entries: events.map(historyEntry) };
  }
}

@QueryHandler(LedgerQuery)
export class LedgerHandler extends ReadHandler implements IQueryHandler<LedgerQuery> {
  async execute({ actor, scope }: LedgerQuery): Promise<LedgerView> {
    const now = this.ctx.now();
    if ('visitId' in scope) {
      const state = await this.visit(actor, scope.visitId);
      const { institutionId } = state.visit;
      const ledger = this.rm.ledger.ledger({ visitId: scope.visitId }, this.visible(actor), now);
      const visit = this.rm.visits.get(scope.visitId);
      const closed = visit ? visit.status === 'closed' : ledger.summary.closed;
      const institutionName = this.ctx.jurisdiction.get(institutionId)?.name ?? institutionId;
      return { ...ledger, summary: { ...ledger.summary, closed }, scope: 'visit', institutionId, institutionName, visit, generatedAt: now };
    }
    const visible = this.visible(actor, scope.institutionId);
    const ledger = this.rm.ledger.ledger({ institutionId: scope.institutionId }, visible, now);
    const institutionName = this.ctx.jurisdiction.get(scope.institutionId)?.name ?? scope.institutionId;
    return { ...ledger, scope: 'institution', institutionId: scope.institutionId, institutionName, visit: null, generatedAt: now };
  }
}

@QueryHandler(LedgerCountsQuery)
export class LedgerCountsHandler extends ReadHandler implements IQueryHandler<LedgerCountsQuery> {
  async execute({ actor, filter }: LedgerCountsQuery) {
    const now = this.ctx.now();
    const counts = this.rm.counts.counts(filter, this.visible(actor, filter.institutionId), now);
    const byInstitution = counts.byInstitution.map((r) => ({ ...r, name: this.ctx.jurisdiction.get(r.key)?.name ?? r.key }));
    return { ...counts, byInstitution, generatedAt: now };
  }
}

@QueryHandler(ListVisitsQuery)
export class ListVisitsHandler extends ReadHandler implements IQueryHandler<ListVisitsQuery> {
  async execute({ actor, filter, page, pageSize }: ListVisitsQuery) {
    const hidePlanned = actor.role === 'hospital';
    return this.rm.visits.list({ ...filter, onlyConductedOrSelf: hidePlanned }, this.visible(actor, filter.institutionId), page, pageSize);
  }
}

@QueryHandler(GetVisitQuery)
export class GetVisitHandler extends ReadHandler implements IQueryHandler<GetVisitQuery> {
  async execute({ actor, visitId }: GetVisitQuery) {
    await this.visit(actor, visitId);
    const view = this.rm.visits.get(visitId);
    if (!view) throw DomainError.notFound('INSPECTION.VISIT_NOT_FOUND', `visit ${visitId} is not in the read model yet; retry shortly`);
    const ledger = this.rm.ledger.ledger({ visitId }, this.ctx.access.visibleInstitutions(actor), this.ctx.now());
    return { ...view, ledger: { ...ledger.summary, closed: view.status === 'closed' } };
  }
}
