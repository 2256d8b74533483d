import { AttachEvidenceData, Command } from '@bihuan/core';
import { VisitKind } from '../inspection-values';
import { WakeUpCommand } from '../wake-up.commands';
import { FindingDraft } from '../finding/finding.commands';

/**
 * Commands of the Visit aggregate (检查), stream `visit-<visitId>`. The actor and the time come
 * from metadata; ids arrive in data.
 */

/** An inspector plans a visit; for `self` (自查) the hospital plans its own self-inspection. */
export type PlanVisit = Command<
  'PlanVisit',
  {
    readonly visitId: string;
    readonly kind: VisitKind;
    readonly institutionId: string;
    /** User ids of the inspectors; may be empty only for `self`. */
    readonly inspectorIds: readonly string[];
    /** ISO-8601 date (for unannounced visits the planned date is internal to the commission). */
    readonly plannedDate: string;
    /** The special campaign (专项行动) it belongs to, if any. */
    readonly campaignId?: string | null;
  }
>;

/** The visit took place: when, by whom, and a summary. */
export type RecordVisit = Command<
  'RecordVisit',
  {
    readonly visitId: string;
    readonly conductedOn: string;
    /** Who actually went; defaults to the planned inspectors. */
    readonly inspectorIds?: readonly string[];
    readonly summary?: string | null;
  }
>;

/**
 * Records findings on the visit: the visit is the authority that it is conducted and not closed,
 * and its event carries what each finding stream is then opened with (findingOpening workflow).
 * May be sent more than once (ids already registered are ignored); an empty list records a clean visit.
 */
export type RegisterFindings = Command<
  'RegisterFindings',
  {
    readonly visitId: string;
    readonly findings: readonly FindingDraft[];
  }
>;

/** Closes the visit's ledger; `settledFindingIds` must cover every registered finding. */
export type CloseVisit = Command<
  'CloseVisit',
  {
    readonly visitId: string;
    readonly settledFindingIds: readonly string[];
  }
>;

/** A re-check reopened one of the visit's findings (反弹), so its ledger is open again. */
export type ReopenVisit = Command<
  'ReopenVisit',
  {
    readonly visitId: string;
    readonly findingId: string;
    readonly reason: string;
  }
>;

/** A planned visit that will not take place. */
export type CancelVisit = Command<
  'CancelVisit',
  {
    readonly visitId: string;
    readonly reason: string;
  }
>;

/** Attaches a stored file (photo, recording …) to the visit; `step` is `visit`. */
export type AttachVisitEvidence = Command<'AttachEvidence', AttachEvidenceData & { readonly visitId: string }>;

export type VisitCommand =
  PlanVisit | RecordVisit | RegisterFindings | CloseVisit | ReopenVisit | CancelVisit | AttachVisitEvidence | WakeUpCommand;
