import { campaignError, requireText } from './campaign-errors';
import { monthEnd, nextDay, quarterEnd, requireDay } from './campaign-days';
import { isReportKind, isReportRecurrence, PhaseStatus, ReportKind, ReportRecurrence } from './campaign-values';

/** A report each unit in scope owes in a phase: by a fixed day, or at each month's or quarter's end within it. */
export interface CampaignReportRequirement {
  readonly kind: ReportKind;
  /** `YYYY-MM-DD`, or null for a recurring report. */
  readonly due: string | null;
  readonly recurrence: ReportRecurrence | null;
}

/** A dated phase (宣传动员, 自查自纠, 集中整治, 总结提升 …): its name and days are data, as the notice gives them. */
export interface CampaignPhase {
  readonly name: string;
  /** First and last day, `YYYY-MM-DD`, both inside the campaign's year. */
  readonly from: string;
  readonly to: string;
  readonly reports: readonly CampaignReportRequirement[];
}

/** A phase as a command carries it, before it is checked. */
export interface PhaseInput {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly reports?: readonly { readonly kind: string; readonly due?: string | null; readonly recurrence?: string | null }[];
}

export const PHASE_NAME_MAX = 50;

function acceptReport(
  raw: NonNullable<PhaseInput['reports']>[number],
  phase: CampaignPhase,
  year: number,
  field: string,
): CampaignReportRequirement {
  if (!isReportKind(raw.kind))
    throw campaignError('REPORT_KIND_UNKNOWN', `${field}.kind: unknown report kind "${String(raw.kind)}"`, `${field}.kind`);
  const due = raw.due ?? null;
  const recurrence = raw.recurrence ?? null;
  if ((due === null) === (recurrence === null)) {
    throw campaignError('REPORT_SCHEDULE_INVALID', `${field}: give either a due date or a recurrence`, field);
  }
  if (recurrence !== null && !isReportRecurrence(recurrence)) {
    throw campaignError(
      'REPORT_SCHEDULE_INVALID',
      `${field}.recurrence: unknown recurrence "${String(recurrence)}"`,
      `${field}.recurrence`,
    );
  }
  // A report may fall due after its phase ends (a 总结报告 after the summing-up), not before it starts nor after the year.
  if (due !== null && (requireDay(due, `${field}.due`) < phase.from || due > `${year}-12-31`)) {
    throw campaignError(
      'REPORT_DUE_OUTSIDE_PHASE',
      `${field}.due (${due}) lies before the phase (${phase.from}) or after the year`,
      `${field}.due`,
    );
  }
  return { kind: raw.kind, due, recurrence: recurrence as ReportRecurrence | null };
}

/**
 * The phases as recorded: at least one; each named (unique names), its days real and in order,
 * inside the year; the phases in order and not overlapping (a phase starts after the previous one's
 * last day); each report with a due day or a recurrence. Refusals name the field at fault.
 */
export function acceptPhases(phases: readonly PhaseInput[] | undefined, year: number): CampaignPhase[] {
  if (!Array.isArray(phases) || phases.length === 0) throw campaignError('FIELD_REQUIRED', 'phases needs at least one phase', 'phases');
  const accepted: CampaignPhase[] = [];
  phases.forEach((raw, i) => {
    const field = `phases[${i}]`;
    const name = requireText(raw.name, `${field}.name`, PHASE_NAME_MAX);
    const from = requireDay(raw.from, `${field}.from`);
    const to = requireDay(raw.to, `${field}.to`);
    if (to < from) throw campaignError('PHASE_DATES_INVALID', `${field}: to (${to}) lies before from (${from})`, `${field}.to`);
    for (const [key, day] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (!day.startsWith(`${year}-`)) {
        throw campaignError('PHASE_OUTSIDE_YEAR', `${field}.${key} (${day}) lies outside ${year}`, `${field}.${key}`, { year });
      }
    }
    const previous = accepted[i - 1];
    if (previous && from <= previous.to) {
      throw campaignError(
        'PHASES_OVERLAP',
        // No user text in the English message: the API keeps a message with Chinese in it as it is, and the
        // zh-CN template (which names the previous phase from `details`) would then never be used.
        `${field} starts ${from}, not after phases[${i - 1}] ends (${previous.to})`,
        `${field}.from`,
        {
          previous: previous.name,
        },
      );
    }
    if (accepted.some((p) => p.name === name)) {
      throw campaignError('PHASE_NAME_DUPLICATE', `${field}.name is used by another phase`, `${field}.name`);
    }
    const phase: CampaignPhase = { name, from, to, reports: [] };
    const required: NonNullable<PhaseInput['reports']> = raw.reports ?? [];
    const reports = required.map((r, j) => acceptReport(r, phase, year, `${field}.reports[${j}]`));
    accepted.push({ ...phase, reports });
  });
  return accepted;
}

/** Where the phase stands on `day` (a Shanghai calendar day). */
export function phaseStatusOn(phase: Pick<CampaignPhase, 'from' | 'to'>, day: string): PhaseStatus {
  if (day < phase.from) return 'upcoming';
  return day > phase.to ? 'past' : 'current';
}

/** The index of the phase `day` falls in, or null (before the first, between two, after the last). */
export function phaseIndexOn(phases: readonly Pick<CampaignPhase, 'from' | 'to'>[], day: string): number | null {
  const index = phases.findIndex((p) => phaseStatusOn(p, day) === 'current');
  return index < 0 ? null : index;
}

/**
 * The days a report falls due: its fixed day, or for a recurring one the end of every month
 * (quarter) the phase touches, the last one moved up to the phase's last day when the phase ends first.
 */
export function reportDueDays(phase: Pick<CampaignPhase, 'from' | 'to'>, report: CampaignReportRequirement): string[] {
  if (report.due !== null) return [report.due];
  const end = report.recurrence === 'quarterly' ? quarterEnd : monthEnd;
  const days: string[] = [];
  for (let day = phase.from; day <= phase.to; day = nextDay(end(day))) days.push(end(day) < phase.to ? end(day) : phase.to);
  return days;
}
