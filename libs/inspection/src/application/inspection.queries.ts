import { Query } from '@nestjs/cqrs';
import { Actor } from '@bihuan/core';
import { EventEntry } from '@bihuan/event-store';
import { KeysetPage } from '@bihuan/platform';
import { AttachedFileView, FindingFilter, Ledger, LedgerCounts, LedgerRow, LedgerSort, VisitFilter, VisitView } from '../read-models';
import { FindingDetail } from './finding-views';

export class ListFindingsQuery extends Query<KeysetPage<LedgerRow>> {
  constructor(
    readonly actor: Actor,
    readonly filter: FindingFilter,
    readonly cursor: string | undefined,
    readonly pageSize: number,
    readonly sort: LedgerSort = 'opened',
  ) {
    super();
  }
}

export class GetFindingQuery extends Query<FindingDetail> {
  constructor(
    readonly actor: Actor,
    readonly findingId: string,
  ) {
    super();
  }
}

export class FindingHistoryQuery extends Query<{ findingId: string; entries: (EventEntry & { summary?: string })[] }> {
  constructor(
    readonly actor: Actor,
    readonly findingId: string,
    /** Every event, bookkeeping included (FULL_HISTORY_ROLES only). */
    readonly all = false,
  ) {
    super();
  }
}

export type LedgerScope = { readonly institutionId: string } | { readonly visitId: string };

export interface LedgerView extends Ledger {
  readonly scope: 'institution' | 'visit';
  readonly institutionId: string;
  readonly institutionName: string;
  readonly visit: VisitView | null;
  readonly generatedAt: string;
}

export class LedgerQuery extends Query<LedgerView> {
  constructor(
    readonly actor: Actor,
    readonly scope: LedgerScope,
  ) {
    super();
  }
}

export class LedgerCountsQuery extends Query<LedgerCounts & { generatedAt: string }> {
  constructor(
    readonly actor: Actor,
    readonly filter: FindingFilter,
  ) {
    super();
  }
}

export class ListVisitsQuery extends Query<KeysetPage<VisitView>> {
  constructor(
    readonly actor: Actor,
    readonly filter: VisitFilter,
    readonly cursor: string | undefined,
    readonly pageSize: number,
  ) {
    super();
  }
}

export class GetVisitQuery extends Query<VisitView & { ledger: Ledger['summary']; files: readonly AttachedFileView[] }> {
  constructor(
    readonly actor: Actor,
    readonly visitId: string,
  ) {
    super();
  }
}
