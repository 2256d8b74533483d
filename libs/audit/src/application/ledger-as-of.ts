import { isEventOf } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';
import { currentDeadline, FINDING_EVENTS, FindingState, findingDecider } from '@bihuan/inspection';
import { ListDefinition } from '../as-of/as-of';
import { evolveExtras, LedgerExtras, NO_EXTRAS } from './ledger-as-of-extras';

/** One row of an institution's rectification ledger (整改台账) at an instant. */
export interface LedgerRow {
  readonly stream: string;
  readonly findingId: string;
  readonly category: string;
  readonly severity: string;
  /** When the finding was opened (its FindingOpened's occurredAt). */
  readonly openedAt: string;
  readonly status: FindingState['status'];
  readonly round: number;
  /** The current rectification deadline, if a notice was issued. */
  readonly dueAt: string | null;
  readonly deadlineStatus: string | null;
  readonly escalation: { readonly rung: string; readonly step: number } | null;
  readonly lastPosition: number;
  readonly lastRecordedAt: string;
}

/** Folded per finding stream; only streams whose FindingOpened names the institution are kept. */
export interface LedgerFold {
  readonly findings: Readonly<Record<string, FoldedFinding>>;
}

/** One finding as of the instant: its decider state, what the ledger shows besides, and its last event. */
export interface FoldedFinding {
  readonly state: FindingState;
  readonly extras: LedgerExtras;
  /** The position of its FindingOpened: the ledger's order (序号). */
  readonly openedPosition: number;
  readonly position: number;
  readonly recordedAt: string;
}

/**
 * The "list as of" of issue 7: an institution's findings and their status, recomputed from the
 * log by folding each finding stream with the finding decider's `evolve` (the same fold the
 * aggregate uses), so it is exact at any past instant however the read models evolved since.
 */
export function institutionLedgerList(institutionId: string): ListDefinition<LedgerFold> {
  return {
    name: `audit.ledger.${institutionId}`,
    initial: { findings: {} },
    filter: { categories: ['finding'] },
    reduce(fold: LedgerFold, event: RecordedEvent): LedgerFold {
      if (!isEventOf(FINDING_EVENTS, event)) return fold;
      const known = fold.findings[event.streamName];
      if (!known) {
        const opened = event.type === 'FindingOpened' && event.data.institutionId === institutionId;
        if (!opened) return fold;
      }
      const state = findingDecider.evolve(known?.state ?? findingDecider.initialState, event);
      // The fold is private to this read (a fresh `initial` per definition): updating in place keeps it linear.
      (fold.findings as Record<string, LedgerFold['findings'][string]>)[event.streamName] = {
        state,
        openedPosition: known?.openedPosition ?? event.position,
        extras: evolveExtras(known?.extras ?? NO_EXTRAS, event, event.metadata.occurredAt),
        position: event.position,
        recordedAt: event.metadata.recordedAt,
      };
      return fold;
    },
  };
}

/** The ledger rows of a fold, by finding id. */
export function ledgerRows(fold: LedgerFold): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const [stream, { state, extras, position, recordedAt }] of Object.entries(fold.findings)) {
    if (state.status === 'none') continue;
    const deadline = currentDeadline(state);
    rows.push({
      stream,
      findingId: state.finding.findingId,
      category: state.finding.category,
      severity: state.finding.severity,
      openedAt: extras.openedAt,
      status: state.status,
      round: state.rectification.round,
      dueAt: deadline?.dueAt ?? null,
      deadlineStatus: deadline?.status ?? null,
      escalation: state.rectification.escalation,
      lastPosition: position,
      lastRecordedAt: recordedAt,
    });
  }
  return rows.sort((a, b) => a.findingId.localeCompare(b.findingId));
}
