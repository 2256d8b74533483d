import { Actor } from '@bihuan/core';
import { Redactor } from '../dossier/dossier.types';
import { defaultRedact } from '../dossier/redaction';
import { HistoryEntry } from './case-history.types';

/**
 * Entries as `reader` may see them, for API answers: `data` goes through the redactor (default:
 * personal fields replaced by markers) and the envelope is kept. Hashes are not recomputable
 * from a redacted entry — re-verification works on dossiers (full data) or on the log itself.
 */
export function redactEntries(entries: readonly HistoryEntry[], reader: Actor, redact: Redactor = defaultRedact()): HistoryEntry[] {
  return entries.map((e) => ({ ...e, data: redact(e, reader) }));
}
