import { Kysely } from 'kysely';
import { isEventOf } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { RecordedEvent } from '@bihuan/event-store';
import { TableProjection } from '@bihuan/processing';
import { LEAD_CATEGORY } from '../domain/lead/lead.decider';
import { LEAD_EVENTS, LeadEvent } from '../domain/lead/lead.messages';
import { ACKNOWLEDGE_DEADLINE } from '../domain/referral-policy';
import { REFERRAL_CATEGORY } from '../domain/referral/referral.decider';
import { REFERRAL_EVENTS, ReferralEvent } from '../domain/referral/referral.events';
import { REFERRALS_TABLES, ReferralsTables } from './referrals.migrations';

export const REFERRALS_PROJECTION = 'referrals';

type Db = Kysely<ReferralsTables>;
type ReferralRow = ReferralsTables['referrals_referrals'];

async function applyReferral(db: Db, event: ReferralEvent, recorded: RecordedEvent): Promise<void> {
  const referralId = recorded.streamName.slice(REFERRAL_CATEGORY.length + 1);
  const set = (changes: Partial<ReferralRow>) =>
    db.updateTable('referrals_referrals').set(changes).where('referral_id', '=', referralId).execute();
  switch (event.type) {
    case 'ReferralMade': {
      const d = event.data;
      const row: Omit<ReferralRow, 'referral_id'> = {
        source_stream: d.sourceStream,
        source_category: d.sourceCategory,
        institution_id: d.institutionId,
        from_unit: d.fromUnit,
        to_unit: d.toUnit,
        agency_type: d.agencyType,
        scope_unit: d.institutionId ?? d.fromUnit,
        reason: d.reason,
        status: 'referred',
        dossier_digest: d.dossierDigest,
        referred_by: d.referredBy,
        referred_at: d.referredAt,
        ack_due_at: null,
        ack_overdue: 0,
        acknowledged_by: null,
        acknowledged_at: null,
        outcome: null,
        outcome_text: null,
        outcome_evidence: null,
        outcome_by: null,
        outcome_at: null,
        closed_by: null,
        closed_at: null,
        close_note: null,
        created_position: recorded.position,
      };
      await db
        .insertInto('referrals_referrals')
        .values({ referral_id: referralId, ...row })
        .onConflict((oc) => oc.column('referral_id').doUpdateSet(row))
        .execute();
      return;
    }
    case 'EvidenceAttached': {
      const d = event.data;
      const row = {
        name: d.file.name,
        size: d.file.size,
        media_type: d.file.mediaType,
        step: d.step,
        note: d.note,
        attached_by: d.attachedBy,
        attached_at: recorded.metadata.recordedAt,
        position: recorded.position,
      };
      await db
        .insertInto('referrals_files')
        .values({ referral_id: referralId, digest: d.file.digest, ...row })
        .onConflict((oc) => oc.columns(['referral_id', 'digest']).doUpdateSet(row))
        .execute();
      return;
    }
    case 'DeadlineSet':
      if (event.data.deadlineId === ACKNOWLEDGE_DEADLINE) await set({ ack_due_at: event.data.dueAt, ack_overdue: 0 });
      return;
    case 'DeadlineRecomputed':
      // The official calendar of a year replaced a provisional one: the due date moved.
      if (event.data.deadlineId === ACKNOWLEDGE_DEADLINE) await set({ ack_due_at: event.data.dueAt });
      return;
    case 'DeadlineExpired':
      if (event.data.deadlineId === ACKNOWLEDGE_DEADLINE) await set({ ack_overdue: 1 });
      return;
    case 'ReferralAcknowledged':
      return void (await set({
        status: 'acknowledged',
        acknowledged_by: event.data.acknowledgedBy,
        acknowledged_at: event.data.acknowledgedAt,
      }));
    case 'ReferralOutcomeRecorded': {
      const d = event.data;
      return void (await set({
        status: 'answered',
        outcome: d.outcome,
        outcome_text: d.text,
        outcome_evidence: JSON.stringify(d.evidence),
        outcome_by: d.recordedBy,
        outcome_at: d.recordedAt,
      }));
    }
    case 'ReferralClosed':
      return void (await set({
        status: 'closed',
        closed_by: event.data.closedBy,
        closed_at: event.data.closedAt,
        close_note: event.data.note,
      }));
    default:
      // Reminders, clearing and recomputing the deadline change nothing a list shows.
      return;
  }
}

async function applyLead(db: Db, event: LeadEvent, recorded: RecordedEvent): Promise<void> {
  switch (event.type) {
    case 'LeadSubmitted': {
      const d = event.data;
      const row = {
        from_unit: d.fromUnit,
        agency_type: d.agencyType,
        to_unit: d.toUnit,
        institution_id: d.institutionId,
        category: d.category,
        description: d.description,
        agency_reference: d.agencyReference,
        status: 'submitted',
        submitted_by: d.submittedBy,
        submitted_at: d.submittedAt,
        ticket_id: null,
        ticket_code: null,
        registered_at: null,
        created_position: recorded.position,
      };
      await db
        .insertInto('referrals_leads')
        .values({ lead_id: d.leadId, ...row })
        .onConflict((oc) => oc.column('lead_id').doUpdateSet(row))
        .execute();
      return;
    }
    case 'LeadRegistered': {
      const d = event.data;
      await db
        .updateTable('referrals_leads')
        .set({ status: 'registered', ticket_id: d.ticketId, ticket_code: d.ticketCode, registered_at: d.registeredAt })
        .where('lead_id', '=', d.leadId)
        .execute();
      return;
    }
  }
}

/**
 * Referrals, their files and leads as rows for the lists, the to-do list and the partner's view.
 * The streams stay the source of truth; this read model is rebuilt from them at will.
 */
export function referralsProjection(database: SqlDatabase): TableProjection<ReferralsTables> {
  return new TableProjection<ReferralsTables>(database, {
    name: REFERRALS_PROJECTION,
    filter: { categories: [REFERRAL_CATEGORY, LEAD_CATEGORY] },
    tables: REFERRALS_TABLES,
    apply: async (event, db) => {
      if (event.streamName.startsWith(`${REFERRAL_CATEGORY}-`)) {
        if (isEventOf(REFERRAL_EVENTS, event)) await applyReferral(db, event, event);
      } else if (isEventOf(LEAD_EVENTS, event)) await applyLead(db, event, event);
    },
  });
}
