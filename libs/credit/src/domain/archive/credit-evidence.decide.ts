import { decideAttach, EVIDENCE_STEP_WORDS, isEvidenceDigest } from '@bihuan/core';
import { creditError } from '../credit-errors';
import { optionalText } from '../credit-rules';
import { AttachCreditEvidence } from './credit-archive.commands';
import { CreditArchiveEvent } from './credit-archive.events';
import { OpenCreditArchiveState } from './credit-archive.state';

/** What the files of a credit archive are for, in EvidenceAttached.step: materials its commitments cite. */
export const CREDIT_EVIDENCE_STEPS = ['credit'] as const;
export type CreditEvidenceStep = (typeof CREDIT_EVIDENCE_STEPS)[number];
/** In the words core's EvidenceAttached summary uses for the step. */
export const CREDIT_EVIDENCE_STEP_LABELS: Readonly<Record<CreditEvidenceStep, string>> = { credit: EVIDENCE_STEP_WORDS.credit };

/**
 * One file for the archive (the caller has checked who and for which institution): not sealed —
 * these are the institution's documents (a signed 廉洁诚信协议), not a complainant's. The same file
 * again is a retried upload and answers nothing. Commitments then cite it by digest.
 */
export function attachCreditEvidence(command: AttachCreditEvidence, s: OpenCreditArchiveState): CreditArchiveEvent[] {
  const { file, note } = command.data;
  const described =
    !!file &&
    isEvidenceDigest(file.digest) &&
    Number.isSafeInteger(file.size) &&
    file.size > 0 &&
    typeof file.mediaType === 'string' &&
    file.mediaType.length > 0 &&
    typeof file.name === 'string' &&
    file.name.length > 0 &&
    !file.sealed;
  if (!described) throw creditError('INVALID_EVIDENCE', 'The file is not described (digest, size, type, name)', { field: 'file' });
  return decideAttach(s.files ?? {}, { file, step: 'credit', note: optionalText(note, 'note') }, command.metadata.actor.id);
}
