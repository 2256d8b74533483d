import { CreditPolicy, DEFAULT_CREDIT_POLICY } from '../credit-policy';
import { addMonths, CreditLevel } from '../credit-values';
import { CreditRecord } from './credit-archive.state';

export interface CreditLevelResult {
  readonly level: CreditLevel;
  /** The rule that decided it, for people and for audit. */
  readonly reason: string;
  readonly cyclePoints: number;
  readonly adverseInWindow: number;
}

const within = (iso: string, years: number, now: string): boolean => Date.parse(addMonths(iso, years * 12)) > Date.parse(now);

/**
 * Credit level A/B/C/D, pure, from the archive as of `now` (docs/events/credit.md, "Level rule"):
 * - D: an active black-list entry, or cycle points ≥ levels.dAtPoints, or the top measure imposed this cycle;
 * - C: cycle points ≥ levels.cAtPoints, or any measure imposed this cycle, or ≥ cAdverseRecords
 *      adverse items (non-revoked points entries + adverse information) in the last cAdverseYears;
 * - B: any points this cycle, or any adverse item in the last aCleanYears;
 * - A: otherwise (aCleanYears clean — the "3 years clean" of the green channel).
 * An archive that does not exist yet is A (nothing adverse is known). Cycle points: the non-revoked
 * entries counted in the current cycle.
 */
export function creditLevel(record: CreditRecord, now: string, policy: CreditPolicy = DEFAULT_CREDIT_POLICY): CreditLevelResult {
  const state = record.archive;
  if (state.status !== 'open') return { level: 'A', reason: 'no archive', cyclePoints: 0, adverseInWindow: 0 };
  const l = policy.levels;
  const cycleNo = state.current?.cycle.cycleNo ?? -1;
  const counted = record.points.filter((p) => !p.revoked);
  const cyclePoints = counted.filter((p) => p.cycleNo === cycleNo).reduce((sum, p) => sum + p.points, 0);
  const measures = state.measures.filter((m) => m.cycleNo === cycleNo);
  const top = policy.thresholds.length > 0 ? policy.thresholds[policy.thresholds.length - 1]!.points : Infinity;
  const adverseDates = [
    ...counted.map((p) => p.occurredAt),
    ...Object.values(state.information)
      .filter((i) => i.infoClass === 'adverse')
      .map((i) => i.occurredAt),
  ].filter((at) => Date.parse(at) <= Date.parse(now));
  const adverseInWindow = adverseDates.filter((at) => within(at, l.cAdverseYears, now)).length;
  const result = (level: CreditLevel, reason: string): CreditLevelResult => ({ level, reason, cyclePoints, adverseInWindow });
  const blacklisted = Object.values(state.lists).some((e) => e.list === 'black' && e.status === 'active');
  if (blacklisted) return result('D', 'black list');
  if (cyclePoints >= l.dAtPoints) return result('D', `cycle points >= ${l.dAtPoints}`);
  if (measures.some((m) => m.thresholdPoints >= top)) return result('D', `measure at ${top} points imposed this cycle`);
  if (cyclePoints >= l.cAtPoints) return result('C', `cycle points >= ${l.cAtPoints}`);
  if (measures.length > 0) return result('C', 'measure imposed this cycle');
  if (adverseInWindow >= l.cAdverseRecords) return result('C', `${adverseInWindow} adverse items in ${l.cAdverseYears} years`);
  if (cyclePoints > 0) return result('B', 'points this cycle');
  if (adverseDates.some((at) => within(at, l.aCleanYears, now))) return result('B', `adverse item within ${l.aCleanYears} years`);
  return result('A', `clean for ${l.aCleanYears} years`);
}
