import { existsSync, readFileSync } from 'node:fs';
import { verifyDossier } from '@bihuan/audit';
import { CliIo } from '../cli-command';

/**
 * `verify --export <file>`: re-verifies an exported dossier offline (no store needed): every
 * event's SM3 hash is recomputed and each stream's chain checked from revision 0 to the head the
 * dossier declares. Prints a JSON summary (with the verified heads, to compare against the live
 * log or a published report). Exit 0 intact, 1 altered (first broken event on stderr),
 * 2 no such file. The `verify` command calls this when `--export` is given.
 */
export function verifyExportFile(file: string, io: CliIo): number {
  if (!existsSync(file)) {
    io.err(`No dossier at ${file}`);
    return 2;
  }
  const result = verifyDossier(readFileSync(file, 'utf8'));
  io.out(JSON.stringify({ export: file, ...result }, null, 2));
  const b = result.firstBreak;
  if (b) {
    io.err(
      b.problem === 'format'
        ? `Dossier ${file} cannot be read: ${b.detail}`
        : `Dossier check failed at stream ${b.streamName} revision ${b.revision} (position ${b.position}, event ${b.eventId || '?'}): ${b.problem} — ${b.detail}`,
    );
  }
  return result.ok ? 0 : 1;
}
