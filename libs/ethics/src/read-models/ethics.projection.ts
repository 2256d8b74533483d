import type Database from 'better-sqlite3';
import { isEventOf } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';
import { SqliteProjection } from '@bihuan/processing';
import { ETHICS_ARCHIVE_CATEGORY } from '../domain/archive/ethics-archive.decider';
import { ETHICS_ARCHIVE_EVENTS, EthicsArchiveEvent } from '../domain/archive/ethics-archive.events';
import { ETHICS_EVALUATION_CATEGORY } from '../domain/evaluation/ethics-evaluation.decider';
import { ETHICS_EVALUATION_EVENTS, EthicsEvaluationEvent } from '../domain/evaluation/ethics-evaluation.events';
import { ensureEthicsSchema, ETHICS_TABLES } from './ethics-read-model.schema';

export const ETHICS_PROJECTION = 'ethics';

function applyArchive(db: Database.Database, event: EthicsArchiveEvent, recorded: RecordedEvent): void {
  switch (event.type) {
    case 'EthicsArchiveOpened': {
      const d = event.data;
      db.prepare(`INSERT OR REPLACE INTO ethics_archives VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
        d.staffId,
        d.institutionId,
        d.departmentId,
        d.name,
        d.implicit ? 1 : 0,
        d.openedBy,
        recorded.metadata.occurredAt,
      );
      return;
    }
    case 'EthicsRecordAdded': {
      const d = event.data;
      db.prepare(
        `INSERT OR REPLACE INTO ethics_records
        (staff_id, record_id, institution_id, source_kind, record_kind, category, summary, evidence, points, veto_item, occurred_at, year, caused_by, added_by, retracted, retract_reason, position)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?)`,
      ).run(
        d.staffId,
        d.recordId,
        d.institutionId,
        d.sourceKind,
        d.recordKind,
        d.category,
        d.summary,
        JSON.stringify(d.evidence),
        d.points,
        d.vetoItem,
        d.occurredAt,
        d.year,
        d.causedBy ? JSON.stringify(d.causedBy) : null,
        d.addedBy,
        recorded.position,
      );
      return;
    }
    case 'EthicsRecordRetracted':
      db.prepare('UPDATE ethics_records SET retracted = 1, retract_reason = ? WHERE staff_id = ? AND record_id = ?').run(
        event.data.reason,
        event.data.staffId,
        event.data.recordId,
      );
      return;
  }
}

function applyEvaluation(db: Database.Database, event: EthicsEvaluationEvent): void {
  const set = (sql: string, ...values: unknown[]): void =>
    void db.prepare(`UPDATE ethics_evaluations SET ${sql} WHERE evaluation_id = ?`).run(...values, event.data.evaluationId);
  switch (event.type) {
    case 'EthicsEvaluationOpened': {
      const d = event.data;
      db.prepare(
        `INSERT OR REPLACE INTO ethics_evaluations (evaluation_id, institution_id, year, staff_id, department_id, status) VALUES (?, ?, ?, ?, ?, 'opened')`,
      ).run(d.evaluationId, d.institutionId, d.year, d.staffId, d.departmentId);
      return;
    }
    case 'SelfEvaluationSubmitted':
      return set(`status = 'selfSubmitted', self_summary = ?, self_score = ?`, event.data.summary, event.data.selfScore);
    case 'EthicsEvaluationReviewed':
      return set(`status = 'departmentReviewed', department_score = ?`, event.data.departmentScore);
    case 'EthicsEvaluationScored': {
      const d = event.data;
      return set(
        `status = 'scored', assessed_score = ?, deductions = ?, additions = ?, final_score = ?, veto_items = ?, provisional_grade = ?, reason = ?`,
        d.assessedScore,
        d.deductions,
        d.additions,
        d.finalScore,
        JSON.stringify(d.vetoItems),
        d.provisionalGrade,
        d.reason,
      );
    }
    case 'EthicsEvaluationPosted':
      return set(`status = 'posted', posted_until = ?`, event.data.until);
    case 'EthicsEvaluationFinalised': {
      const d = event.data;
      return set(
        `status = 'finalised', grade = ?, downgraded_by_cap = ?, passes_assessment = ?, final_score = ?`,
        d.grade,
        d.downgradedByCap ? 1 : 0,
        d.passesPeriodicAssessment ? 1 : 0,
        d.finalScore,
      );
    }
  }
}

/**
 * Archives, records and evaluations as rows for the ethics queries (lists by institution and year).
 * The streams stay the source of truth; this read model is rebuilt from them at will.
 */
export function ethicsProjection(db: Database.Database): SqliteProjection {
  ensureEthicsSchema(db);
  return new SqliteProjection({
    name: ETHICS_PROJECTION,
    db,
    filter: { categories: [ETHICS_ARCHIVE_CATEGORY, ETHICS_EVALUATION_CATEGORY] },
    apply: (event, target) => {
      if (event.streamName.startsWith(`${ETHICS_ARCHIVE_CATEGORY}-`)) {
        if (isEventOf(ETHICS_ARCHIVE_EVENTS, event)) applyArchive(target, event, event);
      } else if (isEventOf(ETHICS_EVALUATION_EVENTS, event)) applyEvaluation(target, event);
    },
    tables: ETHICS_TABLES,
  });
}
