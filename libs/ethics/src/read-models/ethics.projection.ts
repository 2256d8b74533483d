import { Kysely } from 'kysely';
import { isEventOf } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { RecordedEvent } from '@bihuan/event-store';
import { TableProjection } from '@bihuan/processing';
import { ETHICS_ARCHIVE_CATEGORY } from '../domain/archive/ethics-archive.decider';
import { ETHICS_ARCHIVE_EVENTS, EthicsArchiveEvent } from '../domain/archive/ethics-archive.events';
import { ETHICS_EVALUATION_CATEGORY } from '../domain/evaluation/ethics-evaluation.decider';
import { ETHICS_EVALUATION_EVENTS, EthicsEvaluationEvent } from '../domain/evaluation/ethics-evaluation.events';
import { ETHICS_TABLES, EthicsTables } from './ethics-read-model.schema';

export const ETHICS_PROJECTION = 'ethics';

type Db = Kysely<EthicsTables>;
type Evaluation = EthicsTables['ethics_evaluations'];

/** What a (re)opened evaluation starts from: every later step's column empty, as a replaced row had it. */
const NOT_YET_EVALUATED: Omit<Evaluation, 'evaluation_id' | 'institution_id' | 'year' | 'staff_id' | 'department_id' | 'status'> = {
  self_summary: null,
  self_score: null,
  department_score: null,
  assessed_score: null,
  deductions: null,
  additions: null,
  final_score: null,
  veto_items: null,
  provisional_grade: null,
  reason: null,
  grade: null,
  downgraded_by_cap: null,
  passes_assessment: null,
  posted_until: null,
};

async function applyArchive(db: Db, event: EthicsArchiveEvent, recorded: RecordedEvent): Promise<void> {
  switch (event.type) {
    case 'EthicsArchiveOpened': {
      const d = event.data;
      const row = {
        institution_id: d.institutionId,
        department_id: d.departmentId,
        name: d.name,
        implicit: d.implicit ? 1 : 0,
        opened_by: d.openedBy,
        opened_at: recorded.metadata.occurredAt,
      };
      await db
        .insertInto('ethics_archives')
        .values({ staff_id: d.staffId, ...row })
        .onConflict((oc) => oc.column('staff_id').doUpdateSet(row))
        .execute();
      return;
    }
    case 'EthicsRecordAdded': {
      const d = event.data;
      const row = {
        institution_id: d.institutionId,
        source_kind: d.sourceKind,
        record_kind: d.recordKind,
        category: d.category,
        summary: d.summary,
        evidence: JSON.stringify(d.evidence),
        points: d.points,
        veto_item: d.vetoItem,
        occurred_at: d.occurredAt,
        year: d.year,
        caused_by: d.causedBy ? JSON.stringify(d.causedBy) : null,
        added_by: d.addedBy,
        retracted: 0,
        retract_reason: null,
        position: recorded.position,
      };
      await db
        .insertInto('ethics_records')
        .values({ staff_id: d.staffId, record_id: d.recordId, ...row })
        .onConflict((oc) => oc.columns(['staff_id', 'record_id']).doUpdateSet(row))
        .execute();
      return;
    }
    case 'EvidenceAttached': {
      const { file, note, attachedBy } = event.data;
      const staffId = recorded.streamName.slice(ETHICS_ARCHIVE_CATEGORY.length + 1);
      const row = {
        name: file.name,
        size: file.size,
        media_type: file.mediaType,
        note,
        attached_by: attachedBy,
        position: recorded.position,
      };
      await db
        .insertInto('ethics_files')
        .values({ staff_id: staffId, digest: file.digest, ...row })
        .onConflict((oc) => oc.columns(['staff_id', 'digest']).doUpdateSet(row))
        .execute();
      return;
    }
    case 'StaffListEntryAdded': {
      const d = event.data;
      const row = {
        institution_id: d.institutionId,
        list: d.list,
        reason: d.reason,
        record_ids: JSON.stringify(d.recordIds),
        listed_at: d.listedAt,
        expires_at: d.expiresAt,
        listed_by: d.listedBy,
        status: 'active',
        ended_at: null,
        end_reason: null,
      };
      await db
        .insertInto('ethics_list_entries')
        .values({ staff_id: d.staffId, entry_id: d.entryId, ...row })
        .onConflict((oc) => oc.columns(['staff_id', 'entry_id']).doUpdateSet(row))
        .execute();
      return;
    }
    case 'StaffListEntryExpired':
    case 'StaffListEntryRemoved': {
      const d = event.data;
      const ended =
        event.type === 'StaffListEntryExpired'
          ? { status: 'expired', ended_at: event.data.expiredAt, end_reason: null }
          : { status: 'removed', ended_at: event.data.removedAt, end_reason: event.data.reason };
      await db.updateTable('ethics_list_entries').set(ended).where('staff_id', '=', d.staffId).where('entry_id', '=', d.entryId).execute();
      return;
    }
    case 'EthicsRecordRetracted':
      await db
        .updateTable('ethics_records')
        .set({ retracted: 1, retract_reason: event.data.reason })
        .where('staff_id', '=', event.data.staffId)
        .where('record_id', '=', event.data.recordId)
        .execute();
      return;
  }
}

async function applyEvaluation(db: Db, event: EthicsEvaluationEvent): Promise<void> {
  const set = async (values: Partial<Evaluation>): Promise<void> =>
    void (await db.updateTable('ethics_evaluations').set(values).where('evaluation_id', '=', event.data.evaluationId).execute());
  switch (event.type) {
    case 'EthicsEvaluationOpened': {
      const d = event.data;
      const row = { institution_id: d.institutionId, year: d.year, staff_id: d.staffId, department_id: d.departmentId, status: 'opened' };
      await db
        .insertInto('ethics_evaluations')
        .values({ evaluation_id: d.evaluationId, ...row, ...NOT_YET_EVALUATED })
        .onConflict((oc) => oc.column('evaluation_id').doUpdateSet({ ...row, ...NOT_YET_EVALUATED }))
        .execute();
      return;
    }
    case 'SelfEvaluationSubmitted':
      return set({ status: 'selfSubmitted', self_summary: event.data.summary, self_score: event.data.selfScore });
    case 'EthicsEvaluationReviewed':
      return set({ status: 'departmentReviewed', department_score: event.data.departmentScore });
    case 'EthicsEvaluationScored': {
      const d = event.data;
      return set({
        status: 'scored',
        assessed_score: d.assessedScore,
        deductions: d.deductions,
        additions: d.additions,
        final_score: d.finalScore,
        veto_items: JSON.stringify(d.vetoItems),
        provisional_grade: d.provisionalGrade,
        reason: d.reason,
      });
    }
    case 'EthicsEvaluationPosted':
      return set({ status: 'posted', posted_until: event.data.until });
    case 'EthicsEvaluationFinalised': {
      const d = event.data;
      return set({
        status: 'finalised',
        grade: d.grade,
        downgraded_by_cap: d.downgradedByCap ? 1 : 0,
        passes_assessment: d.passesPeriodicAssessment ? 1 : 0,
        final_score: d.finalScore,
      });
    }
  }
}

/**
 * Archives, records and evaluations as rows for the ethics queries (lists by institution and year).
 * The streams stay the source of truth; this read model is rebuilt from them at will.
 */
export function ethicsProjection(database: SqlDatabase): TableProjection<EthicsTables> {
  return new TableProjection<EthicsTables>(database, {
    name: ETHICS_PROJECTION,
    filter: { categories: [ETHICS_ARCHIVE_CATEGORY, ETHICS_EVALUATION_CATEGORY] },
    tables: ETHICS_TABLES,
    apply: async (event, db) => {
      if (event.streamName.startsWith(`${ETHICS_ARCHIVE_CATEGORY}-`)) {
        if (isEventOf(ETHICS_ARCHIVE_EVENTS, event)) await applyArchive(db, event, event);
      } else if (isEventOf(ETHICS_EVALUATION_EVENTS, event)) await applyEvaluation(db, event);
    },
  });
}
