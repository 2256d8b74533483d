import { ChainBreak } from '../../chain/verify';
import { SqliteStatements, toRecorded } from './sqlite-statements';

/**
 * The SQLite log's own presence check: its positions run 1, 2, 3 … without a gap, and the last one
 * is the highest AUTOINCREMENT ever handed out (`sqlite_sequence.seq`).
 *
 * Why this holds: positions are assigned inside the one write transaction that holds the file's
 * write lock; a failed INSERT, a rolled-back savepoint (a refused append of a batch) or a rolled-back
 * transaction also undoes its `sqlite_sequence` step, and the store never deletes or updates rows.
 * So any missing position is a deleted event — in the middle of a stream (which the chain also
 * catches), the newest event of some stream (which the chain alone cannot catch: what is left is a
 * valid shorter chain), or the newest events of the whole log (a last position below `seq`).
 * Someone who can edit the file can also lower `seq`; anchoring the last verified hash elsewhere
 * (integrity reports, exported dossiers) is what covers that.
 *
 * Returns the first gap as a ChainBreak: named after the event that follows the gap, or — for a
 * deleted global tail — with an empty stream name, revision -1 and the first missing position.
 */
export function findPositionGap(sql: SqliteStatements): ChainBreak | null {
  const gap = sql.firstGap.get();
  if (gap) {
    const after = toRecorded(sql.readAll(gap.previous, 1, undefined)[0]!);
    const missing =
      gap.previous + 1 === gap.position - 1 ? `position ${gap.previous + 1} is` : `positions ${gap.previous + 1}–${gap.position - 1} are`;
    return {
      streamName: after.streamName,
      revision: after.revision,
      position: after.position,
      eventId: after.metadata.eventId,
      problem: 'missing',
      detail: `${missing} missing before this event: an event was deleted from the log`,
    };
  }
  const last = sql.headPosition.get()?.position ?? 0;
  const assigned = sql.lastAssigned.get() ?? 0;
  if (last >= assigned) return null;
  return {
    streamName: '',
    revision: -1,
    position: last + 1,
    eventId: '',
    problem: 'missing',
    detail: `the log ends at position ${last} but positions up to ${assigned} were assigned: its newest ${assigned - last === 1 ? 'event was' : `${assigned - last} events were`} deleted`,
  };
}
