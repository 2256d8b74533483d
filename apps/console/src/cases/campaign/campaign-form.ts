import type { FormInstance } from 'antd';
import type { Schemas } from '../../client/client';
import { ApiError, messageOf } from '../../client/errors';
import type { CampaignDetail } from './campaign-queries';

type ScopeBody = Schemas['CampaignScopeDto'];
type PhaseBody = Schemas['CampaignPhaseDto'];
export type ReportKind = Schemas['CampaignReportDto']['kind'];
type Recurrence = NonNullable<Schemas['CampaignReportDto']['recurrence']>;

/** A report as the form edits it: the kind, and either a due day or a recurrence (报送方式). */
export interface ReportValues {
  kind?: ReportKind;
  schedule?: 'due' | Recurrence;
  due?: string;
}

export interface PhaseValues {
  name?: string;
  from?: string;
  to?: string;
  reports?: ReportValues[];
}

export interface ScopeValues {
  institutionTypes?: NonNullable<ScopeBody['institutionTypes']>;
  ownerships?: NonNullable<ScopeBody['ownerships']>;
  levels?: NonNullable<ScopeBody['levels']>;
  institutionIds?: string[];
  /** Lower commissions that owe the phases' reports to the issuing unit (ADR 0024). */
  commissionUnitIds?: string[];
}

/** The phases and scope, edited alike at launch and when amending. */
export interface CampaignPlanValues {
  title?: string;
  scope?: ScopeValues;
  phases?: PhaseValues[];
}

/** Only the lists given: an empty list means “any” to the API as much as a missing one, and reads better left out. */
export function scopeBody(scope: ScopeValues = {}): ScopeBody {
  const { institutionTypes = [], ownerships = [], levels = [], institutionIds = [], commissionUnitIds = [] } = scope;
  return {
    ...(institutionTypes.length ? { institutionTypes } : {}),
    ...(ownerships.length ? { ownerships } : {}),
    ...(levels.length ? { levels } : {}),
    ...(institutionIds.length ? { institutionIds } : {}),
    ...(commissionUnitIds.length ? { commissionUnitIds } : {}),
  };
}

/** The phases as the API takes them: each report with exactly one of `due` and `recurrence`. */
export function phasesBody(phases: PhaseValues[] = []): PhaseBody[] {
  return phases.map((phase) => ({
    name: phase.name?.trim() ?? '',
    from: phase.from ?? '',
    to: phase.to ?? '',
    reports: (phase.reports ?? []).map((report) => ({
      kind: report.kind as ReportKind,
      ...(report.schedule === 'due' || !report.schedule ? { due: report.due ?? '' } : { recurrence: report.schedule }),
    })),
  }));
}

/** A campaign's phases and scope in force, as the amendment form starts from them. */
export function planValuesOf(detail: CampaignDetail): Required<CampaignPlanValues> {
  return {
    title: detail.title,
    scope: {
      institutionTypes: detail.scope.institutionTypes as ScopeValues['institutionTypes'],
      ownerships: detail.scope.ownerships as ScopeValues['ownerships'],
      levels: detail.scope.levels as ScopeValues['levels'],
      institutionIds: detail.scope.listedInstitutionIds,
      commissionUnitIds: detail.scope.commissionUnitIds,
    },
    phases: detail.phases.map((phase) => ({
      name: phase.name,
      from: phase.from,
      to: phase.to,
      reports: phase.reports.map((report) => ({
        kind: report.kind,
        schedule: report.recurrence ?? 'due',
        ...(report.due ? { due: report.due } : {}),
      })),
    })),
  };
}

type Segment = string | number;

/** `phases[1].reports[0].due` → ['phases', 1, 'reports', 0, 'due']: the API's field names, as form paths. */
export function pathOf(field: string): Segment[] {
  return field.split('.').flatMap((part) => {
    const [name = '', ...indexes] = part.split('[');
    return [name, ...indexes.map((index) => Number(index.replace(']', '')))].filter((segment) => segment !== '');
  });
}

const SCOPE_LABELS: Readonly<Record<string, string>> = {
  institutionTypes: '机构类别',
  ownerships: '所有制',
  levels: '医院等级',
  institutionIds: '指定机构',
};
const PHASE_LABELS: Readonly<Record<string, string>> = { name: '名称', from: '开始日期', to: '结束日期' };
const REPORT_LABELS: Readonly<Record<string, string>> = { kind: '材料', due: '截止日期', recurrence: '报送方式', schedule: '报送方式' };
const TOP_LABELS: Readonly<Record<string, string>> = {
  title: '行动名称',
  issuingUnitId: '发文单位',
  year: '年度',
  reason: '调整原因',
  scope: '范围',
  phases: '阶段安排',
};

/** The field in people's words: 第 2 阶段的开始日期, 第 1 阶段第 1 项报送材料的截止日期 … */
export function fieldLabel(field: string): string {
  const [top, a, b, c, d] = pathOf(field);
  if (top === 'scope' && typeof a === 'string') return SCOPE_LABELS[a] ?? TOP_LABELS['scope']!;
  if (top === 'phases' && typeof a === 'number') {
    const phase = `第 ${a + 1} 阶段`;
    if (b === 'reports' && typeof c === 'number') {
      const report = `${phase}第 ${c + 1} 项报送材料`;
      return typeof d === 'string' ? `${report}的${REPORT_LABELS[d] ?? d}` : report;
    }
    return typeof b === 'string' ? `${phase}的${PHASE_LABELS[b] ?? b}` : phase;
  }
  return TOP_LABELS[String(top)] ?? field;
}

/**
 * The form item a refusal names, or null when the form has none (then the message shows above the
 * form): a listed institution's index goes to the list, a report's recurrence to its 报送方式.
 */
export function formPathOf(field: string): Segment[] | null {
  const path = pathOf(field);
  const [top, a, b, c, d] = path;
  if (top === 'scope') return typeof a === 'string' && a in SCOPE_LABELS ? ['scope', a] : null;
  if (top === 'phases') {
    if (typeof a !== 'number' || typeof b !== 'string') return null;
    if (b !== 'reports') return b in PHASE_LABELS ? ['phases', a, b] : null;
    if (typeof c !== 'number') return null;
    return ['phases', a, 'reports', c, d === 'kind' || d === 'due' ? d : 'schedule'];
  }
  return typeof top === 'string' && top in TOP_LABELS && top !== 'phases' ? [top] : null;
}

/**
 * Puts the API's refusal under the fields it names, each message saying the field by its label
 * (字段 phases[1].from … → 「第 2 阶段的开始日期」…). Answers what to say in the toast, and the messages
 * no field of the form takes (shown above the submit button).
 */
export function showRefusal<Values>(form: FormInstance<Values>, error: unknown): { summary: string; unplaced: string[] } {
  if (!(error instanceof ApiError) || error.fields.length === 0) return { summary: messageOf(error), unplaced: [] };
  const named = (message: string, field: string) =>
    message.replace(new RegExp(`字段 ${field.replace(/[.[\]]/g, '\\$&')} ?`), `「${fieldLabel(field)}」`);
  const problems = error.fields.map((problem) => ({ name: formPathOf(problem.field), errors: [named(problem.message, problem.field)] }));
  const placed = problems.filter((problem) => problem.name !== null);
  form.setFields(placed as Parameters<FormInstance<Values>['setFields']>[0]);
  return {
    summary: problems.map((problem) => problem.errors[0]).join('；'),
    unplaced: problems.filter((problem) => problem.name === null).map((problem) => problem.errors[0]!),
  };
}
