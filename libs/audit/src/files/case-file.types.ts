/** A sealed file whose owner was erased: the bytes are kept (encrypted) but nobody can read them. */
export const ERASED_FILE_MARKER = '已删除（个人信息已销毁）';

/** One file of a case as the list, the dossier and the reader see it. */
export interface CaseFileRow {
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly digest: string;
  /** The name it was uploaded under; a marker for a sealed file the reader may not know of, or whose owner was erased. */
  readonly name: string;
  readonly size: number;
  readonly mediaType: string;
  readonly step: string;
  readonly attachedAt: string;
  readonly attachedBy: string;
  /** Kept encrypted under its owner's personal-data key (a complainant's file). */
  readonly sealed: boolean;
  /** Sealed and its owner erased: unreadable for everyone. */
  readonly erased: boolean;
}
