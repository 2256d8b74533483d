import { EvidenceAttached, EvidenceFile, isEvidenceDigest } from '@bihuan/core';
import { RecordedEvent } from '@bihuan/event-store';

/** What a check of one stored file found (the EvidenceVault's `check` answer). */
export type FileCheckResult =
  { readonly status: 'intact' } | { readonly status: 'missing' } | { readonly status: 'altered'; readonly actualDigest: string };

/** Hashes what the blob store holds for an attached file (EvidenceVault.check). */
export type FileChecker = (file: EvidenceFile) => Promise<FileCheckResult>;

/** An attached file the store lost or holds altered, named by its case stream and the file itself. */
export interface FileProblem {
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly digest: string;
  readonly name: string;
  readonly sealed: boolean;
  readonly status: 'missing' | 'altered';
  /** For `altered`: what the stored bytes hash to now (the stored, encrypted bytes when sealed). */
  readonly actualDigest?: string;
}

/** The files part of an integrity report: how many attached files were checked, and what was wrong. */
export interface FileChecks {
  readonly checked: number;
  readonly problems: readonly FileProblem[];
}

/** The file an EvidenceAttached event records, or null for any other event. */
export function attachedFile(event: { readonly type: string; readonly data: object }): EvidenceFile | null {
  if (event.type !== 'EvidenceAttached') return null;
  const file = (event.data as Partial<EvidenceAttached['data']>).file;
  return file && isEvidenceDigest(file.digest) ? file : null;
}

/**
 * Checks the file an event attaches (undefined for other events): null when intact, the problem
 * otherwise. A sealed file is checked by its stored digest (the vault does that), so a file whose
 * owner was erased — unreadable, but still stored — is not a problem.
 */
export async function checkAttachedFile(event: RecordedEvent, check: FileChecker): Promise<FileProblem | null | undefined> {
  const file = attachedFile(event);
  if (!file) return undefined;
  const found = await check(file);
  if (found.status === 'intact') return null;
  return {
    stream: event.streamName,
    revision: event.revision,
    position: event.position,
    digest: file.digest,
    name: file.name,
    sealed: file.sealed !== undefined,
    status: found.status,
    ...(found.status === 'altered' ? { actualDigest: found.actualDigest } : {}),
  };
}

/** Counts checks and keeps problems while a log or a case is walked (nothing else is held). */
export class FileTally {
  checked = 0;
  readonly problems: FileProblem[] = [];

  constructor(private readonly check: FileChecker) {}

  async feed(event: RecordedEvent): Promise<FileProblem | null> {
    const problem = await checkAttachedFile(event, this.check);
    if (problem === undefined) return null;
    this.checked += 1;
    if (problem) this.problems.push(problem);
    return problem;
  }

  result(): FileChecks {
    return { checked: this.checked, problems: [...this.problems] };
  }
}

/** One line per problem for operators: `文件缺失：案件 finding-1 的文件 照片.jpg（sm3 …）` — the case and the file. */
export function describeFileProblem(p: FileProblem): string {
  const where = `案件 ${p.stream} 第 ${p.revision} 版所附文件「${p.name}」（SM3 ${p.digest}）`;
  return p.status === 'missing'
    ? `文件缺失：${where}在文件库中不存在（missing）`
    : `文件被改动：${where}的内容与记录不符，现摘要 ${p.actualDigest ?? '?'}（altered）`;
}
