import { DEADLINE_STATUS_LABELS, Role } from '@bihuan/core';
import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_COMPLEXITY_LABELS,
  COMPLAINT_DECISION_LABELS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_TIMED_STEP_LABELS,
  DECLINE_GROUND_LABELS,
  FOLLOW_UP_SOURCE_LABELS,
  PUBLIC_TICKET_STEP_LABELS,
  SATISFACTION_RATING_LABELS,
} from '@bihuan/complaints';
import {
  COMMITMENT_KIND_LABELS,
  CREDIT_DRAW_STATUS_LABELS,
  CREDIT_INFO_CLASS_LABELS,
  CREDIT_LEVEL_LABELS,
  CREDIT_LIST_ENTRY_STATUS_LABELS,
  CREDIT_LIST_LABELS,
  CREDIT_MEASURE_LABELS,
} from '@bihuan/credit';
import {
  CONFLICT_REASONS,
  DIRECTORY_ROLE_LABELS,
  HOSPITAL_GRADES,
  HOSPITAL_LEVELS,
  INSTITUTION_TYPES,
  OWNERSHIPS,
  UNIT_KIND_LABELS,
  USER_STATUSES,
} from '@bihuan/directory';
import { ETHICS_EVALUATION_STATUS_LABELS, ETHICS_GRADE_LABELS, ETHICS_SOURCE_LABELS, VETO_ITEM_LABELS } from '@bihuan/ethics';
import {
  ESCALATION_RUNG_LABELS,
  FINDING_CATEGORY_LABELS,
  FINDING_STATUS_LABELS,
  RECHECK_OUTCOME_LABELS,
  RECHECK_STATUS_LABELS,
  REQUIRED_ACTION_LABELS,
  SEVERITY_LABELS,
  VISIT_KIND_LABELS,
  VISIT_STATUS_LABELS,
} from '@bihuan/inspection';

/**
 * Every role: the directory's words for the roles an office assigns, plus the two no office assigns
 * (the public caller and the system's own sagas and timers), which appear on histories.
 */
const ROLE_LABELS: Readonly<Record<Role, string>> = { ...DIRECTORY_ROLE_LABELS, public: '公众', system: '系统' };

/**
 * The one catalogue of words: every closed word list the API returns, by the name GET /catalogue
 * answers it under. Each label map is its owning context's (typed over its codes, so a code without
 * a label does not compile); this table only composes them, in the order a console would show them.
 */
export const VOCABULARIES = {
  roles: ROLE_LABELS,
  unitKinds: UNIT_KIND_LABELS,
  institutionTypes: INSTITUTION_TYPES,
  ownerships: OWNERSHIPS,
  hospitalLevels: HOSPITAL_LEVELS,
  hospitalGrades: HOSPITAL_GRADES,
  userStatuses: USER_STATUSES,
  conflictReasons: CONFLICT_REASONS,
  deadlineStatuses: DEADLINE_STATUS_LABELS,
  visitKinds: VISIT_KIND_LABELS,
  visitStatuses: VISIT_STATUS_LABELS,
  findingCategories: FINDING_CATEGORY_LABELS,
  severities: SEVERITY_LABELS,
  requiredActions: REQUIRED_ACTION_LABELS,
  findingStatuses: FINDING_STATUS_LABELS,
  escalationRungs: ESCALATION_RUNG_LABELS,
  recheckStatuses: RECHECK_STATUS_LABELS,
  recheckOutcomes: RECHECK_OUTCOME_LABELS,
  complaintChannels: COMPLAINT_CHANNEL_LABELS,
  complaintCategories: COMPLAINT_CATEGORY_LABELS,
  complaintComplexities: COMPLAINT_COMPLEXITY_LABELS,
  complaintStatuses: COMPLAINT_STATUS_LABELS,
  complaintSteps: COMPLAINT_TIMED_STEP_LABELS,
  complaintDecisions: COMPLAINT_DECISION_LABELS,
  declineGrounds: DECLINE_GROUND_LABELS,
  satisfactionRatings: SATISFACTION_RATING_LABELS,
  followUpSources: FOLLOW_UP_SOURCE_LABELS,
  publicTicketSteps: PUBLIC_TICKET_STEP_LABELS,
  ethicsSources: ETHICS_SOURCE_LABELS,
  ethicsGrades: ETHICS_GRADE_LABELS,
  vetoItems: VETO_ITEM_LABELS,
  ethicsEvaluationStatuses: ETHICS_EVALUATION_STATUS_LABELS,
  creditInfoClasses: CREDIT_INFO_CLASS_LABELS,
  creditLists: CREDIT_LIST_LABELS,
  creditListEntryStatuses: CREDIT_LIST_ENTRY_STATUS_LABELS,
  creditLevels: CREDIT_LEVEL_LABELS,
  creditMeasures: CREDIT_MEASURE_LABELS,
  commitmentKinds: COMMITMENT_KIND_LABELS,
  creditDrawStatuses: CREDIT_DRAW_STATUS_LABELS,
} as const satisfies Readonly<Record<string, Readonly<Record<string, string>>>>;

export type VocabularyName = keyof typeof VOCABULARIES;

/** One code and its zh-CN label. */
export interface CatalogueEntry {
  readonly value: string;
  readonly label: string;
}

/** What GET /catalogue answers: every vocabulary as `[{ value, label }]`, in its declared order. */
export type Catalogue = Readonly<Record<VocabularyName, readonly CatalogueEntry[]>>;

export function buildCatalogue(): Catalogue {
  const entries = Object.entries(VOCABULARIES).map(([name, labels]) => [
    name,
    Object.entries(labels).map(([value, label]) => ({ value, label })),
  ]);
  return Object.fromEntries(entries) as Catalogue;
}
