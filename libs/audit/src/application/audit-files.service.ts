import { HttpException, HttpStatus, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Actor, Clock, CLOCK, DomainError } from '@bihuan/core';
import { EVENT_STORE, EventStore } from '@bihuan/event-store';
import { EVIDENCE_VAULT, EvidenceContent, EvidenceVault } from '@bihuan/evidence';
import { SUBJECT_KEY_STORE, SubjectKeyStore } from '@bihuan/privacy';
import { caseFiles, CaseFileRecord } from '../files/case-files';
import { CaseFileRow, CaseFileView } from '../files/case-file-view';
import { AUDIT_TRAIL } from './audit.tokens';
import { AuditTrail } from '../trail/audit-trail.port';
import { AuditReadService } from './audit-read.service';

/** A file download: what the event recorded (type, name) and the bytes as a stream. */
export interface FileDownload {
  readonly row: CaseFileRow;
  readonly content: EvidenceContent;
}

/**
 * Evidence files read through the case they belong to (issue 18, item 4): the case must be
 * readable (AuditReadService opens it, one rule with the history) and the file's EvidenceAttached
 * visible to the reader; a sealed file only to roles that may see personal data. Every download
 * and thumbnail is recorded in the access record with the case and the file's digest, before any
 * byte leaves.
 */
@Injectable()
export class AuditFilesService {
  private readonly logger = new Logger('AuditFiles');
  private readonly view: CaseFileView;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUDIT_TRAIL) private readonly trail: AuditTrail,
    private readonly audit: AuditReadService,
    @Optional() @Inject(EVIDENCE_VAULT) private readonly vault?: EvidenceVault,
    @Optional() @Inject(SUBJECT_KEY_STORE) keys?: SubjectKeyStore,
  ) {
    this.view = new CaseFileView(keys);
  }

  async list(reader: Actor, stream: string): Promise<{ root: string; files: CaseFileRow[] }> {
    return { root: stream, files: await this.view.rows(await this.records(reader, stream), reader) };
  }

  async download(reader: Actor, stream: string, digest: string, purpose?: string): Promise<FileDownload> {
    const found = await this.find(reader, stream, digest);
    const content = await this.vaultOf().read(found.file);
    if (content === 'missing') throw this.missing(stream, found);
    if (content === 'erased') throw erasedError(stream, found);
    await this.record(reader, stream, digest, purpose, 'file');
    const [row] = await this.view.rows([found], reader);
    return { row: row!, content };
  }

  /** A small JPEG of an image file; 404 AUDIT.FILE_NO_THUMBNAIL for other kinds and for unreadable files. */
  async thumbnail(reader: Actor, stream: string, digest: string, purpose?: string): Promise<Buffer> {
    const found = await this.find(reader, stream, digest);
    const jpeg = found.file.mediaType.startsWith('image/') ? await this.vaultOf().thumbnail(found.file) : null;
    if (!jpeg)
      throw new DomainError('AUDIT.FILE_NO_THUMBNAIL', `File ${digest} of ${stream} has no thumbnail (not a readable image)`, 'not_found', {
        case: stream,
        digest,
      });
    await this.record(reader, stream, digest, purpose, 'thumbnail');
    return jpeg;
  }

  private async records(reader: Actor, stream: string): Promise<CaseFileRecord[]> {
    const { access, linked } = await this.audit.openLinkedCase(reader, stream);
    return caseFiles(this.store, access, linked);
  }

  /** The file among those the reader may see of the case: 404 otherwise, 403 for a sealed file they may not open. */
  private async find(reader: Actor, stream: string, digest: string): Promise<CaseFileRecord> {
    const found = (await this.records(reader, stream)).find((r) => r.file.digest === digest);
    if (!found)
      throw new DomainError('AUDIT.FILE_NOT_FOUND', `Case ${stream} has no file ${digest}`, 'not_found', { case: stream, digest });
    if (!this.view.mayOpen(found.file, reader, found.attachedByUnit))
      throw DomainError.forbidden('AUDIT.FILE_PERSONAL_DATA', `File ${digest} of ${stream} is personal data a ${reader.role} may not open`);
    return found;
  }

  private missing(stream: string, found: CaseFileRecord): DomainError {
    // The log names bytes the store no longer has: an integrity problem for operators, not only a 404.
    this.logger.error(
      `Integrity: file ${found.file.digest} ("${found.file.name}") of case ${stream} (${found.stream}@${found.revision}) is missing from the blob store`,
    );
    return new DomainError('AUDIT.FILE_MISSING', `File ${found.file.digest} of case ${stream} is missing from the store`, 'not_found', {
      case: stream,
      file: found.file.name,
      digest: found.file.digest,
    });
  }

  private async record(
    reader: Actor,
    stream: string,
    digest: string,
    purpose: string | undefined,
    what: 'file' | 'thumbnail',
  ): Promise<void> {
    const why = purpose?.trim() || `audit ${what === 'file' ? 'file download' : 'file thumbnail'}`;
    await this.trail.record({
      at: this.clock.now().toISOString(),
      reader,
      stream,
      action: 'file',
      purpose: `${why} (file ${digest}${what === 'thumbnail' ? ', thumbnail' : ''})`,
      detail: { digest, ...(what === 'thumbnail' ? { thumbnail: true } : {}) },
    });
  }

  private vaultOf(): EvidenceVault {
    if (!this.vault)
      throw new HttpException({ code: 'UNAVAILABLE', message: 'No evidence vault is configured' }, HttpStatus.SERVICE_UNAVAILABLE);
    return this.vault;
  }
}

/** 410: the file's owner was erased; its bytes are kept encrypted under a key that no longer exists. */
function erasedError(stream: string, found: CaseFileRecord): HttpException {
  return new HttpException(
    {
      code: 'AUDIT.FILE_ERASED',
      message: `File ${found.file.digest} of case ${stream} belonged to an erased person and can no longer be read`,
      case: stream,
      digest: found.file.digest,
    },
    HttpStatus.GONE,
  );
}
