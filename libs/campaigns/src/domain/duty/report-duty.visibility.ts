import { commissionReads, Message, ReadDecision, Reader, StreamVisibility } from '@bihuan/core';
import { REPORT_DUTY_CATEGORY } from './report-duty-schedule';

/** What access to a duty depends on: whose it is and which office issued the campaign. */
export interface ReportDutyAccessFacts {
  readonly institutionId: string | null;
  readonly issuingUnitId: string | null;
}

const NONE: ReportDutyAccessFacts = { institutionId: null, issuingUnitId: null };

/**
 * Who reads a reporting duty (its report, files and review): the hospital it is owed by, and the
 * commission staff whose jurisdiction covers that institution or the issuing unit. Other
 * hospitals and units are refused (403); an unknown duty is hidden (404).
 */
export function decideReportDutyRead(reader: Reader, facts: ReportDutyAccessFacts): ReadDecision {
  const { institutionId, issuingUnitId } = facts;
  if (institutionId === null) return { kind: 'hidden' };
  const { actor } = reader;
  const granted = actor.role === 'hospital' ? actor.unit === institutionId : commissionReads(reader, [institutionId, issuingUnitId]);
  if (granted) return { kind: 'granted', institutionId };
  return { kind: 'forbidden', reason: `${actor.role} ${actor.id} of ${actor.unit} may not read the reporting duty of ${institutionId}` };
}

function foldAccess(state: ReportDutyAccessFacts, event: Message): ReportDutyAccessFacts {
  const d = event.data as { institutionId?: unknown; issuingUnitId?: unknown };
  if (event.type !== 'ReportDutyAssigned' || typeof d.institutionId !== 'string' || typeof d.issuingUnitId !== 'string') return state;
  return { institutionId: d.institutionId, issuingUnitId: d.issuingUnitId };
}

/** The duty stream's declaration (architecture rule 9): its routes, the audit (files included) and exports read through it. */
export const reportDutyVisibility: StreamVisibility<ReportDutyAccessFacts> = {
  category: REPORT_DUTY_CATEGORY,
  initialState: NONE,
  evolve: foldAccess,
  decide: decideReportDutyRead,
};

/** The access facts of a folded duty, as the declaration folds them from its events. */
export function dutyAccessFactsOf(state: { readonly status: string; readonly duty?: ReportDutyAccessFacts }): ReportDutyAccessFacts {
  return state.duty ? { institutionId: state.duty.institutionId, issuingUnitId: state.duty.issuingUnitId } : NONE;
}
