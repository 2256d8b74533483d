import { Kysely } from 'kysely';
import { idOf } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';
import { CreditSubjectEvent } from '../domain/subject/credit-subject.messages';
import { CreditSubjectState, evolveCreditSubject, initialCreditSubjectState } from '../domain/subject/credit-subject.state';
import { CreditTables } from './credit-read-model.schema';

/**
 * An applicant's event into the credit read model (ADR 0019): the subject's folded state (read and
 * written in the batch's transaction), and a row per check for the offices' lists. A check row
 * names an organisation by its code and a person by nothing but the subject key.
 */
export async function applySubject(db: Kysely<CreditTables>, event: RecordedEvent & CreditSubjectEvent): Promise<void> {
  const subjectKey = idOf(event.streamName);
  const row = await db.selectFrom('credit_subjects').select('state').where('subject_key', '=', subjectKey).executeTakeFirst();
  const before = row ? (JSON.parse(row.state) as CreditSubjectState) : initialCreditSubjectState;
  const state = evolveCreditSubject(before, event);
  if (state.status !== 'registered') return;
  if (state !== before) {
    const json = JSON.stringify(state);
    await db
      .insertInto('credit_subjects')
      .values({ subject_key: subjectKey, kind: state.subject.kind, state: json })
      .onConflict((oc) => oc.column('subject_key').doUpdateSet({ state: json }))
      .execute();
  }
  if (event.type !== 'CreditChecked') return;
  const d = event.data;
  await db
    .insertInto('credit_checks')
    .values({
      check_id: d.checkId,
      subject_key: subjectKey,
      kind: d.kind,
      credit_code: state.subject.creditCode,
      purpose: d.purpose,
      application_ref: d.applicationRef,
      institution_id: d.institutionId,
      checked_by: d.checkedBy,
      checked_in: d.checkedIn,
      checked_at: d.checkedAt,
      result: JSON.stringify(d.result),
    })
    .onConflict((oc) => oc.column('check_id').doNothing())
    .execute();
}
