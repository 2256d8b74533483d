import { EVIDENCE_EVENTS, isEventOf } from '@bihuan/core';
import { SqlDatabase } from '@bihuan/database';
import { TableProjection } from '@bihuan/processing';
import { FINDING_STREAM_CATEGORY, VISIT_STREAM_CATEGORY } from '../domain';
import { InspectionTables } from './inspection-read-model.schema';

export const EVIDENCE_FILES_PROJECTION = 'inspection-evidence-files';

const CATEGORIES = [VISIT_STREAM_CATEGORY, FINDING_STREAM_CATEGORY] as const;

/**
 * The files attached to visits and findings, with when and by whom (the envelope's, which the
 * deciders' states do not keep): what a visit's or a finding's page lists. A file is attached to
 * a case once (the deciders write nothing for the same digest again), so the key is case + digest.
 */
export function evidenceFilesProjection(database: SqlDatabase): TableProjection<InspectionTables> {
  return new TableProjection<InspectionTables>(database, {
    name: EVIDENCE_FILES_PROJECTION,
    filter: { categories: [...CATEGORIES] },
    tables: ['inspection_evidence_files'],
    apply: async (recorded, db) => {
      if (!isEventOf(EVIDENCE_EVENTS, recorded)) return;
      const category = CATEGORIES.find((c) => recorded.streamName.startsWith(`${c}-`));
      const { file, step, note, attachedBy } = recorded.data;
      if (!category || !file || typeof file.digest !== 'string') return;
      await db
        .insertInto('inspection_evidence_files')
        .values({
          case_category: category,
          case_id: recorded.streamName.slice(category.length + 1),
          digest: file.digest,
          name: file.name,
          size: file.size,
          media_type: file.mediaType,
          step,
          note: note ?? null,
          attached_at: recorded.metadata.occurredAt,
          attached_by: attachedBy,
          position: recorded.position,
        })
        .onConflict((oc) => oc.columns(['case_category', 'case_id', 'digest']).doNothing())
        .execute();
    },
  });
}
