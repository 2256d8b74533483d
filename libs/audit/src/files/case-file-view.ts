import { Actor, EvidenceFile } from '@bihuan/core';
import { identityDisplayFor, SubjectKeyStore } from '@bihuan/privacy';
import { PROTECTED_MARKER } from '../dossier/redaction';
import { FileChecker, FileProblem } from '../integrity/evidence-check';
import { IntegrityFileOptions, IntegrityReport } from '../integrity/integrity-report';
import { StreamAccess } from '../access/stream-access';
import { CaseFileRecord } from './case-files';
import { CaseFileRow, ERASED_FILE_MARKER } from './case-file.types';

export { CaseFileRow, ERASED_FILE_MARKER } from './case-file.types';

/** The part of the EvidenceVault the audit views use (EVIDENCE_VAULT implements it). */
export interface FileVault {
  readonly check: FileChecker;
  thumbnail(file: EvidenceFile): Promise<Buffer | null>;
}

/**
 * How attached files appear to one reader: a sealed file belongs to a person, so its name (and its
 * thumbnail, and its bytes) are personal data — shown only to roles privacy lets see personal data
 * (IDENTITY_DISPLAY), and to nobody once the person was erased. One home for that rule, used by the
 * file list, downloads, the dossier and the integrity report.
 */
export class CaseFileView {
  constructor(private readonly keys?: SubjectKeyStore) {}

  /**
   * Whether the reader may see this file's name, thumbnail and bytes: an unsealed file whoever sees
   * the case; a sealed one the roles that may see personal data, and the unit that attached it (a
   * hospital's own files on a ticket it handles, sealed under the ticket's key like every ticket file).
   */
  mayOpen(file: EvidenceFile, reader: Actor, attachedByUnit?: string): boolean {
    return !file.sealed || identityDisplayFor(reader) !== 'hidden' || (attachedByUnit !== undefined && attachedByUnit === reader.unit);
  }

  async erased(file: EvidenceFile): Promise<boolean> {
    return !!file.sealed && !!this.keys && (await this.keys.get(file.sealed.subjectId)) === 'erased';
  }

  /**
   * The file's name for this reader: a marker when it is sealed and hidden from them, when the
   * stream's declaration trims it (`shownName` null), or when its owner was erased.
   */
  nameFor(file: EvidenceFile, reader: Actor, erased: boolean, shownName: string | null = file.name, attachedByUnit?: string): string {
    if (erased) return ERASED_FILE_MARKER;
    return this.mayOpen(file, reader, attachedByUnit) && shownName !== null ? shownName : PROTECTED_MARKER;
  }

  async rows(records: readonly CaseFileRecord[], reader: Actor): Promise<CaseFileRow[]> {
    const rows: CaseFileRow[] = [];
    for (const r of records) {
      const erased = await this.erased(r.file);
      rows.push({
        stream: r.stream,
        revision: r.revision,
        position: r.position,
        digest: r.file.digest,
        name: this.nameFor(r.file, reader, erased, r.shownName, r.attachedByUnit),
        size: r.file.size,
        mediaType: r.file.mediaType,
        step: r.step,
        attachedAt: r.attachedAt,
        attachedBy: r.attachedBy,
        sealed: !!r.file.sealed,
        erased,
      });
    }
    return rows;
  }

  /** Integrity problems with sealed files' names hidden from readers who may not see personal data. */
  problemsFor(problems: readonly FileProblem[], reader: Actor): FileProblem[] {
    const hidden = identityDisplayFor(reader) === 'hidden';
    return problems.map((p) => (p.sealed && hidden ? { ...p, name: PROTECTED_MARKER } : p));
  }

  /** Integrity options checking each attached file the reader may see (none without a vault). */
  checks(access: StreamAccess, vault?: FileVault): { files?: IntegrityFileOptions } {
    if (!vault) return {};
    return { files: { check: (file) => vault.check(file), include: async (e) => (await access.view(e.streamName, e)) !== null } };
  }

  /** The report with sealed files' names hidden from readers who may not see personal data. */
  shownReport(report: IntegrityReport, reader: Actor): IntegrityReport {
    if (!report.files) return report;
    return { ...report, files: { ...report.files, problems: this.problemsFor(report.files.problems, reader) } };
  }
}
