import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '@bihuan/auth';
import { Actor, Clock, CLOCK, EvidenceFile } from '@bihuan/core';
import { EVIDENCE_VAULT, EvidenceContent, EvidenceVault } from '@bihuan/evidence';
import { CommandExecution, StagedFile } from '@bihuan/platform';
import { ACCESS_LOG, AccessLog } from '@bihuan/privacy';
import { complaintError } from '../domain/complaint-errors';
import { complaintTicketDecider, complaintTicketStream } from '../domain/complaint-ticket.decider';
import { evidenceSubjectOf } from '../domain/complaint-ticket.evidence';
import { COMPLAINT_TICKET_CATEGORY, ComplaintTicketState, ExistingTicket } from '../domain/complaint-ticket.state';
import { ticketWrite } from './ticket-builds';
import { PUBLIC_ACTOR, TicketCommandResult } from './ticket-request';
import { assertTicketScope } from './ticket-scope';

/** A file as the complainant sees it listed on the public status page. */
export interface ComplainantFile {
  readonly digest: string;
  readonly name: string;
  readonly size: number;
  readonly mediaType: string;
}

/** The complainant's own files of a ticket, in the order attached. */
export function complainantFilesOf(state: ComplaintTicketState): ComplainantFile[] {
  if (state.status === 'none') return [];
  return state.complainantFiles
    .map((digest) => state.evidence[digest])
    .filter((f): f is EvidenceFile => f !== undefined)
    .map(({ digest, name, size, mediaType }) => ({ digest, name, size, mediaType }));
}

const DOWNLOAD_PURPOSE = '投诉人凭查询码下载本人提交的材料';

/**
 * 投诉材料 in and out. In: the ticket is loaded and its scope checked first (404 / 403 before any
 * byte is sealed), the upload is sealed under the ticket's subject (evidenceSubjectOf: the rule
 * lives in the domain, which checks it again), the decider decides, and only then are the bytes
 * kept (`beforeAppend`); the sealed staging copy is always discarded. Out: the complainant's own
 * files, each download recorded in the access log before a byte is handed out (docs/privacy.md).
 */
@Injectable()
export class TicketEvidenceService {
  constructor(
    @Inject(CommandExecution) private readonly commands: CommandExecution,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(ACCESS_LOG) private readonly accessLog: AccessLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVIDENCE_VAULT) private readonly vault: EvidenceVault,
  ) {}

  async attach(actor: Actor, ticketId: string, staged: StagedFile, note: string | null): Promise<TicketCommandResult> {
    const authorize = (state: ComplaintTicketState) => assertTicketScope(this.access, actor, state);
    const ticket = await this.ticket(ticketId);
    authorize(ticket);
    const prepared = await this.vault.prepare(staged, { sealFor: evidenceSubjectOf(ticket as ExistingTicket) });
    try {
      const write = ticketWrite(
        ticketId,
        (_state, { policy }) => ({
          type: 'AttachEvidence',
          data: { file: prepared.file, note, maxComplainantFiles: policy.maxComplainantFiles },
        }),
        authorize,
      );
      const outcome = await this.commands.execute(actor, { ...write, beforeAppend: () => prepared.keep() });
      return { ticketId, status: outcome.state.status, position: outcome.position, events: [...outcome.events] };
    } finally {
      await prepared.discard();
    }
  }

  /** The complainant's own files (public status page). */
  async complainantFiles(ticketId: string): Promise<ComplainantFile[]> {
    return complainantFilesOf(await this.ticket(ticketId));
  }

  /**
   * One of the complainant's own files, for the complainant (code + secret already checked):
   * 404 for any other digest, `erased` once the subject was erased. Recorded before it is served.
   */
  async complainantDownload(ticketId: string, digest: string): Promise<{ file: EvidenceFile; content: EvidenceContent } | 'erased'> {
    const state = await this.ticket(ticketId);
    const file = state.status === 'none' || !state.complainantFiles.includes(digest) ? undefined : state.evidence[digest];
    if (!file) throw complaintError('NOT_FOUND', 'No such file of yours on this ticket');
    const content = await this.vault.read(file);
    const outcome = content === 'erased' ? 'erased' : content === 'missing' ? 'failed' : 'granted';
    await this.accessLog.record({
      at: this.clock.now().toISOString(),
      reader: PUBLIC_ACTOR,
      action: 'view',
      subjectId: file.sealed?.subjectId ?? null,
      caseStream: complaintTicketStream(ticketId),
      purpose: `${DOWNLOAD_PURPOSE} ${digest}`,
      outcome,
    });
    // A lost file is an incident for `verify` to name; the complainant is told it is not there.
    if (content === 'missing') throw complaintError('NOT_FOUND', 'The file is missing from the store');
    return content === 'erased' ? 'erased' : { file, content };
  }

  private ticket(ticketId: string): Promise<ComplaintTicketState> {
    return this.commands.state(complaintTicketDecider, COMPLAINT_TICKET_CATEGORY, ticketId);
  }
}
