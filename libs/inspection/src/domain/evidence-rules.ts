import { AttachEvidenceData, AttachedFiles, assertAttached, EvidenceFile, isEvidenceDigest } from '@bihuan/core';
import { optionalText, requireText, requireTextList } from './actor-rules';
import { inspectionError } from './inspection-errors';
import { EvidenceStep, isEvidenceStep } from './inspection-values';

/** The code a step citing a file the case does not hold is refused with (422, field `evidence`). */
export const EVIDENCE_NOT_ATTACHED = 'INSPECTION.EVIDENCE_NOT_ATTACHED';

/** An attachment as the rules accept it: a well-described file (as the vault described it), a known step, an optional note (its length is the DTO's). */
export function acceptAttachment(data: AttachEvidenceData): AttachEvidenceData & { readonly step: EvidenceStep } {
  if (!isEvidenceStep(data.step)) {
    throw inspectionError('EVIDENCE_STEP_UNKNOWN', `unknown evidence step "${String(data.step)}"`, 'step', { step: String(data.step) });
  }
  return { file: acceptFile(data.file), step: data.step, note: optionalText(data.note, 'note') };
}

function acceptFile(file: EvidenceFile | undefined): EvidenceFile {
  const valid =
    file !== undefined &&
    file !== null &&
    isEvidenceDigest(file.digest) &&
    Number.isInteger(file.size) &&
    file.size > 0 &&
    typeof file.mediaType === 'string' &&
    file.mediaType.length > 0;
  if (!valid) throw inspectionError('EVIDENCE_FILE_INVALID', 'the file is not a stored file (digest, size and type)', 'file');
  return { ...file, name: requireText(file.name, 'file.name') };
}

/** Refuses a step the actor may not attach files to here and now (422, field `step`). */
export function requireStep(step: EvidenceStep, allowed: readonly EvidenceStep[], where: string): void {
  if (!allowed.includes(step)) {
    throw inspectionError(
      'EVIDENCE_NOT_ALLOWED',
      `${where}: files may be attached for ${allowed.join(', ') || 'no step'}, not ${step}`,
      'step',
    );
  }
}

/**
 * A step's `evidence`: digests of files attached to this case (422 naming `evidence` otherwise), so
 * what a progress report or sign-off request cites is a file the store holds and the chain covers.
 */
export function citedEvidence(files: AttachedFiles, evidence: readonly string[] | undefined): readonly string[] {
  const digests = requireTextList(evidence, 'evidence');
  assertAttached(files, digests, EVIDENCE_NOT_ATTACHED);
  return [...new Set(digests)];
}
