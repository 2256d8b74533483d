import type { Vocabulary, Words } from '../shared/catalogue';

/**
 * What each stream category is, in people's words. The API names streams `<category>-<id>`
 * (architecture.md); process streams (a saga's records, deadline timers) are 流程记录.
 */
const KINDS: Readonly<Record<string, string>> = {
  finding: '问题（整改台账）',
  visit: '监督检查',
  complaintTicket: '投诉工单',
  ethicsArchive: '医德档案',
  ethicsEvaluation: '医德考评',
  creditArchive: '信用档案',
  creditPoints: '不良执业记分',
  randomDraw: '双随机抽查',
  reportDuty: '报送任务',
  campaign: '专项行动',
};

/** Each category's status words in the catalogue (those without a status vocabulary show none). */
const STATUS_WORDS: Readonly<Record<string, Vocabulary>> = {
  finding: 'findingStatuses',
  visit: 'visitStatuses',
  complaintTicket: 'complaintStatuses',
  ethicsEvaluation: 'ethicsEvaluationStatuses',
  reportDuty: 'reportDutyStatuses',
  campaign: 'campaignStatuses',
};

/** Categories the API folds into a state (GET /audit/cases/:stream/state; others answer 400). */
export const STATE_CATEGORIES: readonly string[] = [
  'finding',
  'visit',
  'complaintTicket',
  'ethicsArchive',
  'ethicsEvaluation',
  'creditArchive',
  'creditPoints',
  'reportDuty',
  'campaign',
];

export function categoryOf(stream: string): string {
  return stream.slice(0, Math.max(0, stream.indexOf('-')));
}

export function idOf(stream: string): string {
  return stream.slice(stream.indexOf('-') + 1);
}

/** A stream of a case people work on (a finding, a ticket, an archive …), not a process's records. */
export function isCaseStream(stream: string): boolean {
  return categoryOf(stream) in KINDS;
}

/** 问题（整改台账）, 投诉工单 …; 流程记录 for a process stream. */
export function kindOf(stream: string): string {
  return KINDS[categoryOf(stream)] ?? '流程记录';
}

type Loose = Readonly<Record<string, unknown>>;

function objectAt(value: unknown, key: string): Loose | null {
  const inner = (value as Loose | null)?.[key];
  return typeof inner === 'object' && inner !== null ? (inner as Loose) : null;
}

function textAt(value: Loose | null, key: string): string | null {
  const inner = value?.[key];
  return typeof inner === 'string' ? inner : null;
}

/** What the header shows of a case's state (the decider's own shape, read defensively: the API types it as an object). */
export interface CaseFacts {
  /** The decider's status; 'none' when the stream had no events at the instant. */
  readonly status: string | null;
  readonly statusLabel: string | null;
  readonly institutionId: string | null;
  /** A line that names the case: the finding's category, the ticket's code, the visit's kind. */
  readonly title: string | null;
  /** A finding's rung on the overdue ladder (提醒敦促函 … 通报), from its current round. */
  readonly escalation: { readonly rung: string; readonly step: number } | null;
  /** A complaint's 督办 of the current round. */
  readonly supervisedAt: string | null;
  /** The case's deadlines as the decider keeps them (DeadlineBook). */
  readonly deadlines: readonly { readonly deadlineId: string; readonly status: string; readonly dueAt: string }[];
}

export function caseFacts(stream: string, state: unknown, words: Words): CaseFacts {
  const category = categoryOf(stream);
  const root = (typeof state === 'object' && state !== null ? state : {}) as Loose;
  const status = textAt(root, 'status');
  const vocabulary = STATUS_WORDS[category];
  const nested = ['assignment', 'finding', 'visit', 'opened', 'staff', 'duty'].map((key) => objectAt(root, key));
  const institutionId =
    nested.map((inner) => textAt(inner, 'institutionId')).find((id) => id !== null) ??
    textAt(root, 'institutionId') ??
    textAt(root, 'concernedInstitutionId');
  const finding = objectAt(root, 'finding');
  const visit = objectAt(root, 'visit');
  const title =
    category === 'finding'
      ? words.label('findingCategories', textAt(finding, 'category'))
      : category === 'complaintTicket'
        ? `投诉 ${textAt(root, 'ticketCode') ?? ''}`.trim()
        : category === 'visit'
          ? words.label('visitKinds', textAt(visit, 'kind'))
          : category === 'campaign'
            ? textAt(objectAt(root, 'campaign'), 'title')
            : null;
  const escalation = objectAt(objectAt(root, 'rectification'), 'escalation');
  const book = objectAt(root, 'deadlines') ?? {};
  return {
    status,
    statusLabel: status && vocabulary && status !== 'none' ? words.label(vocabulary, status) : null,
    institutionId,
    title,
    escalation: escalation ? { rung: textAt(escalation, 'rung') ?? '', step: Number(escalation['step'] ?? 0) } : null,
    supervisedAt: textAt(objectAt(objectAt(root, 'assignment'), 'supervision'), 'supervisedAt'),
    deadlines: Object.entries(book).flatMap(([deadlineId, value]) => {
      const d = value as Loose;
      const dueAt = textAt(d, 'dueAt');
      const deadlineStatus = textAt(d, 'status');
      return dueAt && deadlineStatus && deadlineStatus !== 'cleared' ? [{ deadlineId, status: deadlineStatus, dueAt }] : [];
    }),
  };
}

/** A file's step (整改进展, 投诉材料 …) in the vocabulary of whichever context attached it. */
export function evidenceStepLabel(words: Words, step: string | null): string {
  if (!step) return '';
  const vocabularies: readonly Vocabulary[] = [
    'inspectionEvidenceSteps',
    'complaintEvidenceSteps',
    'ethicsEvidenceSteps',
    'referralEvidenceSteps',
  ];
  return vocabularies.map((v) => words.label(v, step)).find((label) => label !== step) ?? step;
}
