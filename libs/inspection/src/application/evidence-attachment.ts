import { EvidenceFile } from '@bihuan/core';
import { EvidenceVault, PreparedEvidence } from '@bihuan/evidence';
import { CommandReceipt, StagedFile } from '@bihuan/platform';
import { EvidenceStep } from '../domain';

/** An upload to attach, as the streamed upload guard staged it, with the step (default: by who and where) and note the form named. */
export interface EvidenceUpload {
  readonly staged: StagedFile;
  readonly step?: EvidenceStep;
  readonly note?: string;
}

/** An attachment answers the file as its event records it (also when it was already attached: `events` is then empty). */
export type EvidenceAck = CommandReceipt & { readonly file: EvidenceFile };

/**
 * The two steps around a case's write that attaches a file (EvidenceVault): `prepare` describes
 * the staged upload for the event; the write keeps the bytes in its `beforeAppend` — only once the
 * decider accepted, before the event that names the digest —, and whatever `prepare` staged is
 * discarded however the write ends, so a refused or out-of-scope upload keeps nothing.
 */
export async function withPreparedEvidence<T>(
  vault: EvidenceVault,
  staged: StagedFile,
  write: (prepared: PreparedEvidence) => Promise<T>,
): Promise<T> {
  const prepared = await vault.prepare(staged);
  try {
    return await write(prepared);
  } finally {
    await prepared.discard();
  }
}
