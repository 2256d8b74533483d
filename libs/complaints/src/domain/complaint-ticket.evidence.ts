import { Actor, EvidenceFile, decideAttach, isEvidenceDigest } from '@bihuan/core';
import { complaintError, optionalText, requireRole } from './complaint-errors';
import { AttachComplaintEvidence } from './complaint-ticket.commands';
import { ComplaintTicketEvent } from './complaint-ticket.events';
import { requireAssignedHospital, requireOpenTicket } from './complaint-ticket.guards';
import { ComplaintTicketState, ExistingTicket, isAssigned } from './complaint-ticket.state';
import { COMMISSION_ROLES } from './complaint-vocabulary';

/**
 * 投诉材料: files held with a ticket (a complainant's receipts and photos, a scanned letter, the
 * hospital's investigation records). Who may attach, when, and under whose key they are sealed are
 * decided here; the application layer only stores the bytes the decider accepted.
 */

/**
 * What a file on a ticket belongs to (the step words of core's EvidenceAttached summary):
 * `complaint` 投诉举报 (the complainant's own), `intake` 受理 (the receiving unit's staff before dispatch),
 * `handling` 办理 (the assigned hospital), `followUp` 回访 (commission staff once answered),
 * `supervision` 督办 (commission staff while an institution handles it).
 */
export const COMPLAINT_EVIDENCE_STEPS = ['complaint', 'intake', 'handling', 'followUp', 'supervision'] as const;
export type ComplaintEvidenceStep = (typeof COMPLAINT_EVIDENCE_STEPS)[number];

/**
 * The personal-data subject every file of a ticket is sealed under (docs/privacy.md, "Evidence
 * files"): a named complainant's own subject, so erasing the person shreds their identity and
 * every file of their complaint at once; for an anonymous complaint a subject of the ticket's own,
 * so retention or an erasure request can still shred its files. Any file on a complaint may show
 * the complainant (a receipt, an ID scan, a medical record), so staff uploads are sealed too.
 */
export function evidenceSubjectOf(ticket: ExistingTicket): string {
  return ticket.complainant.kind === 'named' ? ticket.complainant.subjectId : `subj-ticket-${ticket.ticketId}`;
}

/**
 * Who may attach at which step: the complainant (through the public entry) and commission staff
 * while the ticket is open; the hospital that received it while it owns it undispatched (intake);
 * the assigned hospital while it handles the complaint (acknowledged, until its answer). Timers
 * and partners never.
 */
export function evidenceStepFor(actor: Actor, ticket: ReturnType<typeof requireOpenTicket>): ComplaintEvidenceStep {
  if (actor.role === 'public') return 'complaint';
  if (actor.role === 'hospital') {
    // The hospital that received it at its own window (首诉负责) files what it took in, before handling it.
    if (!isAssigned(ticket) && ticket.receivingUnit === actor.unit) return 'intake';
    if (!isAssigned(ticket)) {
      throw complaintError('NOT_ASSIGNED_INSTITUTION', 'Only the assigned institution may attach files', { unit: actor.unit });
    }
    requireAssignedHospital(actor, ticket, 'attach files');
    if (ticket.status !== 'acknowledged' && ticket.status !== 'decided') {
      throw complaintError('INVALID_TRANSITION', `Cannot attach files to a ticket that is ${ticket.status}`, {
        status: ticket.status,
        allowed: ['acknowledged', 'decided'],
      });
    }
    return 'handling';
  }
  requireRole(actor, COMMISSION_ROLES, 'attach files');
  if (ticket.status === 'received') return 'intake';
  return ticket.status === 'answered' || ticket.status === 'followed-up' ? 'followUp' : 'supervision';
}

/** File name endings by media type, for the neutral names below (the usual ones; anything else `.bin`). */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/3gpp': '3gp',
  'audio/mp4': 'm4a',
  'audio/mpeg': 'mp3',
  'audio/amr': 'amr',
  'audio/wav': 'wav',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/ofd': 'ofd',
};

/**
 * The name a ticket's file is recorded under: `投诉材料-<first 8 hex of its digest>.<ext>`, never the
 * name it was uploaded under. The log is kept forever and in clear; only the bytes are sealed, so
 * an uploaded name (`张三身份证.jpg`, a phone's `IMG_张三…`) would outlive the complainant's
 * erasure. What the file is goes in the note, as plain text that must not name the complainant.
 */
export function neutralEvidenceName(file: Pick<EvidenceFile, 'digest' | 'mediaType'>): string {
  return `投诉材料-${file.digest.slice(0, 8)}.${EXTENSIONS[file.mediaType] ?? 'bin'}`;
}

function checkFile(file: EvidenceFile | undefined, subjectId: string): EvidenceFile {
  const described =
    !!file &&
    isEvidenceDigest(file.digest) &&
    Number.isSafeInteger(file.size) &&
    file.size > 0 &&
    typeof file.mediaType === 'string' &&
    file.mediaType.length > 0 &&
    typeof file.name === 'string' &&
    file.name.length > 0;
  if (!described || !file)
    throw complaintError('INVALID_EVIDENCE', 'The file is not described (digest, size, type, name)', { field: 'file' });
  if (!file.sealed || file.sealed.subjectId !== subjectId || !isEvidenceDigest(file.sealed.storedDigest)) {
    throw complaintError('EVIDENCE_NOT_SEALED', `Files on a complaint are sealed under ${subjectId}`, { field: 'file' });
  }
  return { ...file, name: neutralEvidenceName(file) };
}

/**
 * Attaches one file, under its neutral name (neutralEvidenceName). The same file again (by its plaintext digest) is a retried upload: nothing.
 * The complainant may attach at most `maxComplainantFiles` (policy) files to a ticket.
 */
export function attachEvidence(command: AttachComplaintEvidence, state: ComplaintTicketState): ComplaintTicketEvent[] {
  const ticket = requireOpenTicket(state);
  const actor = command.metadata.actor;
  const step = evidenceStepFor(actor, ticket);
  const file = checkFile(command.data.file, evidenceSubjectOf(ticket));
  const note = optionalText(command.data.note, 'note', 1000);
  if (ticket.evidence[file.digest]) return [];
  const limit = command.data.maxComplainantFiles;
  if (step === 'complaint') {
    if (!Number.isInteger(limit) || limit < 0)
      throw complaintError('INVALID_POLICY', 'maxComplainantFiles must be a whole number', { field: 'policy' });
    if (ticket.complainantFiles.length >= limit) {
      throw complaintError('EVIDENCE_LIMIT_REACHED', `A complainant may attach at most ${limit} files to a ticket`, {
        field: 'file',
        limit,
      });
    }
  }
  return decideAttach(ticket.evidence, { file, step, note }, actor.id);
}
