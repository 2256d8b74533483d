/**
 * The closed vocabularies of the inspection context (domain.md §1). Codes are English and stable
 * (they are stored in events); Chinese labels for UI and exports live in inspection-labels.ts.
 */

/** Visit kinds: 日常监督 / 暗访 / 双随机 / 专项行动 / 自查 (self-inspection by the hospital itself). */
export const VISIT_KINDS = ['routine', 'unannounced', 'random', 'special', 'self'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** A visit's status as the read models list it (planned → conducted → findingsRegistered → closed, or cancelled). */
export const VISIT_STATUSES = ['planned', 'conducted', 'findingsRegistered', 'closed', 'cancelled'] as const;

/** A finding's status once opened (FindingState without `none`), as filters and answers name it. */
export const FINDING_STATUSES = ['open', 'noticeIssued', 'inProgress', 'signOffRequested', 'signedOff', 'withdrawn'] as const;

/** The nine rules of 《医疗机构工作人员廉洁从业九项准则》, in the order the rules give them. */
export const INTEGRITY_RULE_CATEGORIES = [
  'commissions',
  'improper-donations',
  'profit-driven-referrals',
  'insurance-fraud',
  'patient-privacy',
  'kickbacks',
  'queue-jumping',
  'red-envelopes',
  'over-treatment',
] as const;

/** Finding categories: the nine integrity rules plus the service and quality categories. */
export const FINDING_CATEGORIES = [
  ...INTEGRITY_RULE_CATEGORIES,
  'service-attitude',
  'environment-signage',
  'medical-quality',
  'disclosure',
  'informed-consent',
  'other',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

/**
 * Severity, mildest first: minor 轻微 (a slip, no harm), general 一般 (a rule not followed),
 * serious 较重 (repeated or harming patients' interests), severe 严重 (an integrity-rule breach
 * or risk to safety; re-checked by default).
 */
export const SEVERITIES = ['minor', 'general', 'serious', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Required action: 立行立改 / 限期整改 / 长期坚持. */
export const REQUIRED_ACTIONS = ['immediate', 'deadline', 'long-term'] as const;
export type RequiredAction = (typeof REQUIRED_ACTIONS)[number];

/**
 * The overdue escalation ladder (三书一函): 提醒敦促函 → 整改通知书 → 约谈通知书 → 挂牌督办 → 通报.
 * Which rungs are used, in which order and with which deadlines is policy (InspectionPolicy).
 */
export const ESCALATION_RUNGS = ['reminder-letter', 'rectification-notice', 'summons', 'listed-supervision', 'public-notice'] as const;
export type EscalationRung = (typeof ESCALATION_RUNGS)[number];

/** Outcome of a re-check (回头看): it holds, or the problem came back (反弹). */
export const RECHECK_OUTCOMES = ['passed', 'reopened'] as const;
export type RecheckOutcome = (typeof RECHECK_OUTCOMES)[number];

/**
 * What an attached file (EvidenceAttached.step) belongs to: the visit itself (现场检查记录), the
 * finding (问题取证), the hospital's plan, progress report or sign-off request, or a re-check (回头看).
 */
export const EVIDENCE_STEPS = ['visit', 'finding', 'plan', 'progress', 'signOff', 'recheck'] as const;
export type EvidenceStep = (typeof EVIDENCE_STEPS)[number];

function isOneOf<T extends string>(values: readonly T[]) {
  return (value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
}

export const isVisitKind = isOneOf<VisitKind>(VISIT_KINDS);
export const isFindingCategory = isOneOf<FindingCategory>(FINDING_CATEGORIES);
export const isSeverity = isOneOf<Severity>(SEVERITIES);
export const isRequiredAction = isOneOf<RequiredAction>(REQUIRED_ACTIONS);
export const isEscalationRung = isOneOf<EscalationRung>(ESCALATION_RUNGS);
export const isRecheckOutcome = isOneOf<RecheckOutcome>(RECHECK_OUTCOMES);
export const isEvidenceStep = isOneOf<EvidenceStep>(EVIDENCE_STEPS);
