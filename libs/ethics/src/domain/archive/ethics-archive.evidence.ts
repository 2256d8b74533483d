import { decideAttach, EVIDENCE_STEP_WORDS, isEvidenceDigest } from '@bihuan/core';
import { ethicsError } from '../ethics-errors';
import { optionalText } from '../ethics-rules';
import { AttachEthicsEvidence } from './ethics-archive.commands';
import { EthicsArchiveEvent } from './ethics-archive.events';
import { EthicsArchiveState } from './ethics-archive.state';

/** What the files of an archive are for, in EvidenceAttached.step: materials its records cite. */
export const ETHICS_EVIDENCE_STEPS = ['ethics'] as const;
export type EthicsEvidenceStep = (typeof ETHICS_EVIDENCE_STEPS)[number];
export const ETHICS_EVIDENCE_STEP: EthicsEvidenceStep = 'ethics';
/** In the words core's EvidenceAttached summary uses for the step. */
export const ETHICS_EVIDENCE_STEP_LABELS: Readonly<Record<EthicsEvidenceStep, string>> = { ethics: EVIDENCE_STEP_WORDS.ethics };

/**
 * One file for the archive (the caller has checked who and for which institution): the same file
 * again is a retried upload and answers nothing. Records then cite it by digest.
 */
export function attachEthicsEvidence(command: AttachEthicsEvidence, state: EthicsArchiveState): EthicsArchiveEvent[] {
  const { file, note } = command.data;
  const described =
    !!file &&
    isEvidenceDigest(file.digest) &&
    Number.isSafeInteger(file.size) &&
    file.size > 0 &&
    typeof file.mediaType === 'string' &&
    file.mediaType.length > 0 &&
    typeof file.name === 'string' &&
    file.name.length > 0;
  if (!described) throw ethicsError('INVALID_EVIDENCE', 'The file is not described (digest, size, type, name)', { field: 'file' });
  const files = state.status === 'open' ? state.files : {};
  return decideAttach(files, { file, step: ETHICS_EVIDENCE_STEP, note: optionalText(note, 'note', 1000) }, command.metadata.actor.id);
}
