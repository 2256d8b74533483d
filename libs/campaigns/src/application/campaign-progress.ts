import { shanghaiDate } from '@bihuan/core';
import { LedgerRow, VisitView } from '@bihuan/inspection';
import { CampaignPhase, phaseIndexOn } from '../domain/campaign-phases';
import { ReceivedReport, reportsDue } from './campaign-reports';

/** What one unit did in one phase (or all phases): visits, findings by where they stand now, reports. */
export interface ProgressCell {
  /** Commission visits carried out (planned ones are not told: an unannounced visit stays unannounced). */
  visitsDone: number;
  /** Self-inspections (自查) carried out by the hospital. */
  selfInspections: number;
  /** Ledger rows that count (withdrawn ones apart). */
  findings: number;
  open: number;
  signedOff: number;
  overdue: number;
  withdrawn: number;
  /** Signed off by their deadline. */
  onTime: number;
  /** Report instances due by today. */
  reportsDue: number;
  /** Of those, received (handed in and not returned) / received by the due instant; null while reporting duties are not kept. */
  reportsReceived: number | null;
  reportsOnTime: number | null;
}

export interface ProgressColumns {
  /** One cell per phase, in phase order. */
  readonly phases: ProgressCell[];
  /** Visits and findings dated between, before or after the phases. */
  readonly outsidePhases: ProgressCell;
  readonly total: ProgressCell;
}

export interface ProgressUnit extends ProgressColumns {
  readonly institutionId: string;
}

export interface ProgressTable {
  readonly units: ProgressUnit[];
  readonly totals: ProgressColumns;
}

/** What the fold reads: the campaign's phases, the units it reports on, and what the read models hold for them. */
export interface ProgressInputs {
  readonly phases: readonly CampaignPhase[];
  readonly institutionIds: readonly string[];
  readonly rows: readonly LedgerRow[];
  readonly visits: readonly VisitView[];
  readonly received: readonly ReceivedReport[] | null;
  /** The Shanghai day of the clock: reports due by it count as due. */
  readonly today: string;
}

const DONE = ['conducted', 'findingsRegistered', 'closed'];

export function emptyCell(tracked: boolean): ProgressCell {
  const reports = tracked ? 0 : null;
  const zero = {
    visitsDone: 0,
    selfInspections: 0,
    findings: 0,
    open: 0,
    signedOff: 0,
    overdue: 0,
    withdrawn: 0,
    onTime: 0,
    reportsDue: 0,
  };
  return { ...zero, reportsReceived: reports, reportsOnTime: reports };
}

/** A ledger row into a cell: withdrawn rows are listed apart, the others counted by where they stand. */
export function addRow(cell: ProgressCell, row: LedgerRow): void {
  if (row.status === 'withdrawn') {
    cell.withdrawn++;
    return;
  }
  cell.findings++;
  if (row.signedOff) cell.signedOff++;
  else cell.open++;
  if (row.overdue) cell.overdue++;
  if (row.onTime === true) cell.onTime++;
}

function addCells(into: ProgressCell, cell: ProgressCell): void {
  for (const key of Object.keys(into) as (keyof ProgressCell)[]) {
    const [a, b] = [into[key], cell[key]];
    if (a !== null && b !== null) into[key] = a + b;
  }
}

/**
 * Phase × unit: each visit counted in the phase of the day it was carried out, each finding in the
 * phase of the day it was opened (Shanghai days), reports in the phase that requires them; units in
 * the order given, then any other unit the rows name. Pure: the read models' rows go in.
 */
export function campaignProgress(input: ProgressInputs): ProgressTable {
  const tracked = input.received !== null;
  const ids = [...input.institutionIds];
  for (const r of [...input.rows, ...input.visits]) if (!ids.includes(r.institutionId)) ids.push(r.institutionId);
  const columns = (): ProgressColumns => ({
    phases: input.phases.map(() => emptyCell(tracked)),
    outsidePhases: emptyCell(tracked),
    total: emptyCell(tracked),
  });
  const units = new Map(ids.map((id) => [id, columns()]));
  const cellOf = (institutionId: string, day: string): ProgressCell => {
    const unit = units.get(institutionId)!;
    const index = phaseIndexOn(input.phases, day);
    return index === null ? unit.outsidePhases : unit.phases[index]!;
  };
  for (const v of input.visits) {
    if (!DONE.includes(v.status) || v.conductedOn === null) continue;
    const cell = cellOf(v.institutionId, v.conductedOn.slice(0, 10));
    if (v.kind === 'self') cell.selfInspections++;
    else cell.visitsDone++;
  }
  for (const row of input.rows) addRow(cellOf(row.institutionId, shanghaiDate(row.openedAt)), row);
  const due = reportsDue(input.phases).filter((r) => r.dueOn <= input.today);
  for (const [institutionId, unit] of units) {
    for (const r of due) {
      const cell = unit.phases[r.phaseIndex]!;
      cell.reportsDue++;
      const got = input.received?.find((x) => x.institutionId === institutionId && x.kind === r.kind && x.dueOn === r.dueOn);
      if (got && cell.reportsReceived !== null && cell.reportsOnTime !== null) {
        cell.reportsReceived++;
        if (got.onTime) cell.reportsOnTime++;
      }
    }
    for (const cell of [...unit.phases, unit.outsidePhases]) addCells(unit.total, cell);
  }
  const totals = columns();
  for (const unit of units.values()) {
    unit.phases.forEach((cell, i) => addCells(totals.phases[i]!, cell));
    addCells(totals.outsidePhases, unit.outsidePhases);
    addCells(totals.total, unit.total);
  }
  return { units: ids.map((institutionId) => ({ institutionId, ...units.get(institutionId)! })), totals };
}
