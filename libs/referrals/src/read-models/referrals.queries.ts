import { Inject, Injectable } from '@nestjs/common';
import { Kysely } from 'kysely';
import { SqlDatabase } from '@bihuan/database';
import { KeysetPage, keysetPage, READ_MODELS, SortKey } from '@bihuan/platform';
import { ReferralsTables } from './referrals.migrations';
import { LeadView, ReferralFileView, ReferralView, toFileView, toLeadView, toReferralView } from './referral-views';

type Tables = ReferralsTables;
type ReferralRow = Tables['referrals_referrals'];
type LeadRow = Tables['referrals_leads'];

/**
 * Whose exchanges a reader lists: a partner those of its own agency; commission staff those whose
 * scope unit lies in the units they read (AccessPolicy.visibleUnits), or every one (`all`).
 */
export type ExchangeScope = { readonly agency: string } | { readonly units: readonly string[] } | { readonly all: true };

export interface ReferralFilter {
  readonly status?: string;
  readonly sourceStream?: string;
}

/** The referral made last first; unique: ReferralMade, first of its stream, creates each row. */
const REFERRALS_NEWEST_FIRST: readonly SortKey<ReferralRow>[] = [
  { column: 'created_position', descending: true, of: (r) => Number(r.created_position) },
];
const LEADS_NEWEST_FIRST: readonly SortKey<LeadRow>[] = [
  { column: 'created_position', descending: true, of: (r) => Number(r.created_position) },
];

/** Reads of the referrals read model; callers decide access on the row (the context's visibility) before answering. */
@Injectable()
export class ReferralQueries {
  private readonly db: Kysely<Tables>;

  constructor(@Inject(READ_MODELS) database: SqlDatabase) {
    this.db = database.db.withTables<Tables>();
  }

  async referral(referralId: string): Promise<ReferralView | null> {
    const r = await this.db.selectFrom('referrals_referrals').selectAll().where('referral_id', '=', referralId).executeTakeFirst();
    return r ? toReferralView(r) : null;
  }

  async files(referralId: string): Promise<ReferralFileView[]> {
    const rows = await this.db
      .selectFrom('referrals_files')
      .selectAll()
      .where('referral_id', '=', referralId)
      .orderBy('position')
      .execute();
    return rows.map(toFileView);
  }

  referrals(scope: ExchangeScope, filter: ReferralFilter, cursor: string | undefined, pageSize = 20): Promise<KeysetPage<ReferralView>> {
    let query = this.db.selectFrom('referrals_referrals').selectAll();
    if ('agency' in scope) query = query.where('to_unit', '=', scope.agency);
    else if ('units' in scope) query = query.where('scope_unit', 'in', scope.units.length > 0 ? [...scope.units] : ['']);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.sourceStream) query = query.where('source_stream', '=', filter.sourceStream);
    return keysetPage({ query, order: REFERRALS_NEWEST_FIRST, cursor, pageSize, map: toReferralView });
  }

  async lead(leadId: string): Promise<LeadView | null> {
    const r = await this.db.selectFrom('referrals_leads').selectAll().where('lead_id', '=', leadId).executeTakeFirst();
    return r ? toLeadView(r) : null;
  }

  leads(scope: ExchangeScope, cursor: string | undefined, pageSize = 20): Promise<KeysetPage<LeadView>> {
    let query = this.db.selectFrom('referrals_leads').selectAll();
    if ('agency' in scope) query = query.where('from_unit', '=', scope.agency);
    else if ('units' in scope) query = query.where('to_unit', 'in', scope.units.length > 0 ? [...scope.units] : ['']);
    return keysetPage({ query, order: LEADS_NEWEST_FIRST, cursor, pageSize, map: toLeadView });
  }
}
