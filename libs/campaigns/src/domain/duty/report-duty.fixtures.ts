import { Actor, Command, EvidenceFile, fold, SYSTEM_ACTOR } from '@bihuan/core';
import { reportDutyDecider } from './report-duty.decider';
import { AssignReportDuty, DutyDeadlineWindow, ReportDutyCommand, ReportDutyEvent } from './report-duty.messages';

/** Test fixtures (not exported from the lib): actors, instants, a duty and its windows. */
export const hospital: Actor = { id: 'u-hosp-1', role: 'hospital', unit: 'inst-1' };
export const otherHospital: Actor = { id: 'u-hosp-2', role: 'hospital', unit: 'inst-2' };
export const inspector: Actor = { id: 'u-insp-1', role: 'inspector', unit: 'county-1' };

/** Assigned Monday 3 March 2025, the 实施方案 due Friday 7 March (end of the day, Shanghai). */
export const ASSIGNED_AT = '2025-03-03T02:00:00.000Z';
export const DUE_AT = '2025-03-07T15:59:59.999Z';

export const window = (dueAt: string = DUE_AT, startedAt: string = ASSIGNED_AT, warnAt: string[] = []): DutyDeadlineWindow => ({
  startedAt,
  dueAt,
  workingDays: 4,
  calendarVersion: 'cn@test',
  warnAt,
  policy: { chosen: true },
});

let counter = 0;
export function cmd<C extends ReportDutyCommand>(type: C['type'], data: C['data'], actor: Actor, now: string): C {
  counter += 1;
  return { type, data, metadata: { commandId: `cmd-${counter}`, correlationId: 'corr-1', causationId: null, actor, now } } as C;
}

export const assignData = (change: Partial<AssignReportDuty['data']> = {}): AssignReportDuty['data'] => ({
  dutyId: 'duty-1',
  campaignId: 'camp-1',
  campaignTitle: '医德医风专项行动',
  issuingUnitId: 'county-1',
  institutionId: 'inst-1',
  kind: 'implementation-plan',
  recurrence: null,
  phaseIndex: 0,
  phaseName: '宣传动员',
  dueOn: '2025-03-07',
  opensOn: '2025-03-01',
  dueAt: DUE_AT,
  deadline: window(),
  ...change,
});

export const assign = (change: Partial<AssignReportDuty['data']> = {}, now = ASSIGNED_AT) =>
  cmd<AssignReportDuty>('AssignReportDuty', assignData(change), SYSTEM_ACTOR, now);

export const FILE: EvidenceFile = { digest: 'a'.repeat(64), size: 10, mediaType: 'application/pdf', name: '实施方案.pdf' };

/** Runs commands through the decider and returns every event, to build `given` histories. */
export function history(commands: readonly Command[]): ReportDutyEvent[] {
  const events: ReportDutyEvent[] = [];
  for (const command of commands) events.push(...reportDutyDecider.decide(command as ReportDutyCommand, fold(reportDutyDecider, events)));
  return events;
}
