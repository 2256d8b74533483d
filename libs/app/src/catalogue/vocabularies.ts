import { DEADLINE_STATUS_LABELS, ROLE_LABELS, ROLES } from '@bihuan/core';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_CHANNELS,
  COMPLAINT_COMPLEXITIES,
  COMPLAINT_DECISIONS,
  COMPLAINT_TIMED_STEPS,
  DECLINE_GROUNDS,
  PUBLIC_TICKET_STEPS,
  SATISFACTION_RATINGS,
  COMPLAINT_COMPLEXITY_LABELS,
  COMPLAINT_DECISION_LABELS,
  COMPLAINT_EVIDENCE_STEP_LABELS,
  COMPLAINT_EVIDENCE_STEPS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_TIMED_STEP_LABELS,
  DECLINE_GROUND_LABELS,
  FOLLOW_UP_SOURCE_LABELS,
  PUBLIC_TICKET_STEP_LABELS,
  SATISFACTION_RATING_LABELS,
} from '@bihuan/complaints';
import {
  COMMITMENT_KIND_LABELS,
  COMMITMENT_KINDS,
  CREDIT_BEHAVIOUR_LABELS,
  CREDIT_CHECK_PURPOSE_LABELS,
  CREDIT_CHECK_PURPOSES,
  CREDIT_SUBJECT_KIND_LABELS,
  CREDIT_SUBJECT_KINDS,
  CREDIT_INFO_CLASSES,
  CREDIT_INFORMATION_KIND_LABELS,
  CREDIT_INFORMATION_KINDS,
  CREDIT_LEVELS,
  CREDIT_LISTS,
  CREDIT_MEASURES,
  CREDIT_DRAW_STATUS_LABELS,
  CREDIT_EVIDENCE_STEP_LABELS,
  CREDIT_EVIDENCE_STEPS,
  CREDIT_INFO_CLASS_LABELS,
  CREDIT_LEVEL_LABELS,
  CREDIT_LIST_ENTRY_STATUS_LABELS,
  CREDIT_LIST_LABELS,
  CREDIT_MEASURE_LABELS,
} from '@bihuan/credit';
import {
  CAMPAIGN_STATUS_LABELS,
  CAMPAIGN_STATUSES,
  DUTY_ESCALATION_RUNG_LABELS,
  DUTY_ESCALATION_RUNGS,
  DUTY_WITHDRAW_REASON_LABELS,
  DUTY_WITHDRAW_REASONS,
  OWING_UNIT_KIND_LABELS,
  OWING_UNIT_KINDS,
  REPORT_DUTY_STATUS_LABELS,
  REPORT_DUTY_STATUSES,
  PHASE_STATUS_LABELS,
  PHASE_STATUSES,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  REPORT_RECURRENCE_LABELS,
  REPORT_RECURRENCES,
} from '@bihuan/campaigns';
import {
  PUBLIC_NOTICE_KIND_LABELS,
  PUBLIC_NOTICE_KINDS,
  PUBLIC_NOTICE_STATUS_LABELS,
  PUBLIC_NOTICE_STATUSES,
  PUBLICITY_CLASS_LABELS,
  PUBLICITY_CLASSES,
} from '@bihuan/notices';
import {
  AGENCY_TYPES,
  CONFLICT_REASONS,
  HOSPITAL_GRADES,
  HOSPITAL_LEVELS,
  INSTITUTION_TYPES,
  OWNERSHIPS,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  USER_STATUSES,
} from '@bihuan/directory';
import {
  ETHICS_EVALUATION_STATUS_LABELS,
  ETHICS_EVIDENCE_STEP_LABELS,
  ETHICS_EVIDENCE_STEPS,
  ETHICS_GRADE_LABELS,
  ETHICS_GRADES,
  ETHICS_SOURCE_KINDS,
  ETHICS_SOURCE_LABELS,
  STAFF_LIST_LABELS,
  STAFF_LISTS,
  VETO_ITEM_LABELS,
  VETO_ITEMS,
} from '@bihuan/ethics';
import {
  ESCALATION_RUNG_LABELS,
  ESCALATION_RUNGS,
  EVIDENCE_STEP_LABELS,
  EVIDENCE_STEPS,
  FINDING_CATEGORIES,
  FINDING_CATEGORY_LABELS,
  FINDING_STATUS_LABELS,
  NOTICE_KIND_LABELS,
  NOTICE_KINDS,
  RECHECK_OUTCOME_LABELS,
  RECHECK_OUTCOMES,
  RECHECK_STATUS_LABELS,
  REQUIRED_ACTION_LABELS,
  REQUIRED_ACTIONS,
  SEVERITIES,
  SEVERITY_LABELS,
  VISIT_KIND_LABELS,
  VISIT_KINDS,
  VISIT_STATUS_LABELS,
} from '@bihuan/inspection';
import {
  LEAD_STATUS_LABELS,
  LEAD_STATUSES,
  REFERRAL_EVIDENCE_STEP_LABELS,
  REFERRAL_EVIDENCE_STEPS,
  REFERRAL_OUTCOME_LABELS,
  REFERRAL_OUTCOMES,
  REFERRAL_SOURCE_CATEGORIES,
  REFERRAL_SOURCE_LABELS,
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
} from '@bihuan/referrals';
import { ACCESS_LOG_ACTION_LABELS } from '@bihuan/audit';
import { CHANNEL_KIND_LABELS, DELIVERY_STATUS_LABELS, NOTIFICATION_KIND_LABELS } from '@bihuan/notifications';
import { ACCESS_OUTCOME_LABELS } from '@bihuan/privacy';
import { POLICY_CONTEXT_LABELS, POLICY_SETTING_LABELS } from '../admin/policy-labels';
import { PROJECTION_KIND_LABELS, REBUILD_STATE_LABELS } from '../admin/projection-rebuilds';
import { DEADLINE_PURPOSE_LABELS } from './deadline-purposes';

/**
 * The one catalogue of words: every closed word list the API returns, by the name GET /catalogue
 * answers it under. Each label map is its owning context's (typed over its codes, so a code without
 * a label does not compile); this table only composes them, in the order a console would show them.
 */
export const VOCABULARIES = {
  roles: ROLE_LABELS,
  unitKinds: UNIT_KIND_LABELS,
  institutionTypes: INSTITUTION_TYPES,
  agencyTypes: AGENCY_TYPES,
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
  noticeKinds: NOTICE_KIND_LABELS,
  recheckStatuses: RECHECK_STATUS_LABELS,
  recheckOutcomes: RECHECK_OUTCOME_LABELS,
  inspectionEvidenceSteps: EVIDENCE_STEP_LABELS,
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
  complaintEvidenceSteps: COMPLAINT_EVIDENCE_STEP_LABELS,
  ethicsSources: ETHICS_SOURCE_LABELS,
  ethicsGrades: ETHICS_GRADE_LABELS,
  vetoItems: VETO_ITEM_LABELS,
  ethicsEvaluationStatuses: ETHICS_EVALUATION_STATUS_LABELS,
  ethicsEvidenceSteps: ETHICS_EVIDENCE_STEP_LABELS,
  staffLists: STAFF_LIST_LABELS,
  creditInfoClasses: CREDIT_INFO_CLASS_LABELS,
  creditInformationKinds: CREDIT_INFORMATION_KIND_LABELS,
  creditLists: CREDIT_LIST_LABELS,
  creditListEntryStatuses: CREDIT_LIST_ENTRY_STATUS_LABELS,
  creditLevels: CREDIT_LEVEL_LABELS,
  creditMeasures: CREDIT_MEASURE_LABELS,
  commitmentKinds: COMMITMENT_KIND_LABELS,
  creditEvidenceSteps: CREDIT_EVIDENCE_STEP_LABELS,
  creditDrawStatuses: CREDIT_DRAW_STATUS_LABELS,
  campaignStatuses: CAMPAIGN_STATUS_LABELS,
  campaignPhaseStatuses: PHASE_STATUS_LABELS,
  campaignReportKinds: REPORT_KIND_LABELS,
  campaignReportRecurrences: REPORT_RECURRENCE_LABELS,
  // The admin's workspace (系统管理).
  policyContexts: POLICY_CONTEXT_LABELS,
  policySettings: POLICY_SETTING_LABELS,
  deliveryStatuses: DELIVERY_STATUS_LABELS,
  deliveryChannels: CHANNEL_KIND_LABELS,
  notificationKinds: NOTIFICATION_KIND_LABELS,
  accessLogActions: ACCESS_LOG_ACTION_LABELS,
  accessOutcomes: ACCESS_OUTCOME_LABELS,
  projectionKinds: PROJECTION_KIND_LABELS,
  rebuildStates: REBUILD_STATE_LABELS,
  deadlinePurposes: DEADLINE_PURPOSE_LABELS,
  reportDutyStatuses: REPORT_DUTY_STATUS_LABELS,
  reportDutyEscalationRungs: DUTY_ESCALATION_RUNG_LABELS,
  reportDutyWithdrawReasons: DUTY_WITHDRAW_REASON_LABELS,
  reportDutyOwingUnitKinds: OWING_UNIT_KIND_LABELS,
  creditSubjectKinds: CREDIT_SUBJECT_KIND_LABELS,
  creditCheckPurposes: CREDIT_CHECK_PURPOSE_LABELS,
  creditBehaviours: CREDIT_BEHAVIOUR_LABELS,
  publicNoticeKinds: PUBLIC_NOTICE_KIND_LABELS,
  publicNoticeStatuses: PUBLIC_NOTICE_STATUS_LABELS,
  publicityClasses: PUBLICITY_CLASS_LABELS,
  referralSources: REFERRAL_SOURCE_LABELS,
  referralStatuses: REFERRAL_STATUS_LABELS,
  referralOutcomes: REFERRAL_OUTCOME_LABELS,
  referralEvidenceSteps: REFERRAL_EVIDENCE_STEP_LABELS,
  leadStatuses: LEAD_STATUS_LABELS,
} as const satisfies Readonly<Record<string, Readonly<Record<string, string>>>>;

export type VocabularyName = keyof typeof VOCABULARIES;

/** One code and its zh-CN label. */
export interface CatalogueEntry {
  readonly value: string;
  readonly label: string;
}

/** What GET /catalogue answers: every vocabulary as `[{ value, label }]`, in its declared order. */
export type Catalogue = Readonly<Record<VocabularyName, readonly CatalogueEntry[]>>;

/**
 * The order of the vocabularies that have a declared value list; the others keep their map's
 * order. (A map alone cannot keep it: JavaScript lists integer-like keys such as `12345` first.)
 */
const DECLARED_ORDER: Partial<Readonly<Record<VocabularyName, readonly string[]>>> = {
  roles: ROLES,
  unitKinds: UNIT_KINDS,
  visitKinds: VISIT_KINDS,
  findingCategories: FINDING_CATEGORIES,
  severities: SEVERITIES,
  requiredActions: REQUIRED_ACTIONS,
  escalationRungs: ESCALATION_RUNGS,
  noticeKinds: NOTICE_KINDS,
  recheckOutcomes: RECHECK_OUTCOMES,
  inspectionEvidenceSteps: EVIDENCE_STEPS,
  complaintChannels: COMPLAINT_CHANNELS,
  complaintCategories: COMPLAINT_CATEGORIES,
  complaintComplexities: COMPLAINT_COMPLEXITIES,
  complaintSteps: COMPLAINT_TIMED_STEPS,
  complaintDecisions: COMPLAINT_DECISIONS,
  declineGrounds: DECLINE_GROUNDS,
  satisfactionRatings: SATISFACTION_RATINGS,
  publicTicketSteps: PUBLIC_TICKET_STEPS,
  complaintEvidenceSteps: COMPLAINT_EVIDENCE_STEPS,
  ethicsSources: ETHICS_SOURCE_KINDS,
  ethicsGrades: ETHICS_GRADES,
  vetoItems: VETO_ITEMS,
  ethicsEvidenceSteps: ETHICS_EVIDENCE_STEPS,
  staffLists: STAFF_LISTS,
  creditInfoClasses: CREDIT_INFO_CLASSES,
  creditInformationKinds: CREDIT_INFORMATION_KINDS,
  creditLists: CREDIT_LISTS,
  creditLevels: CREDIT_LEVELS,
  creditMeasures: CREDIT_MEASURES,
  commitmentKinds: COMMITMENT_KINDS,
  creditEvidenceSteps: CREDIT_EVIDENCE_STEPS,
  campaignStatuses: CAMPAIGN_STATUSES,
  campaignPhaseStatuses: PHASE_STATUSES,
  campaignReportKinds: REPORT_KINDS,
  campaignReportRecurrences: REPORT_RECURRENCES,
  reportDutyStatuses: REPORT_DUTY_STATUSES,
  reportDutyEscalationRungs: DUTY_ESCALATION_RUNGS,
  reportDutyWithdrawReasons: DUTY_WITHDRAW_REASONS,
  reportDutyOwingUnitKinds: OWING_UNIT_KINDS,
  creditSubjectKinds: CREDIT_SUBJECT_KINDS,
  creditCheckPurposes: CREDIT_CHECK_PURPOSES,
  publicNoticeKinds: PUBLIC_NOTICE_KINDS,
  publicNoticeStatuses: PUBLIC_NOTICE_STATUSES,
  publicityClasses: PUBLICITY_CLASSES,
  referralSources: REFERRAL_SOURCE_CATEGORIES,
  referralStatuses: REFERRAL_STATUSES,
  referralOutcomes: REFERRAL_OUTCOMES,
  referralEvidenceSteps: REFERRAL_EVIDENCE_STEPS,
  leadStatuses: LEAD_STATUSES,
};

export function buildCatalogue(): Catalogue {
  const entries = Object.entries(VOCABULARIES).map(([name, map]) => {
    const labels: Readonly<Record<string, string>> = map;
    const values = DECLARED_ORDER[name as VocabularyName] ?? Object.keys(labels);
    return [name, values.map((value) => ({ value, label: labels[value]! }))];
  });
  return Object.fromEntries(entries) as Catalogue;
}
