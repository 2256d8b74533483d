import { RecordedEvent } from '@bihuan/event-store';
import { NOTICE_KIND_LABELS, NoticeDocumentIssued, NoticeKind } from '@bihuan/inspection';

/** A printed notice as the API lists it: what identifies it, how to check it, where to download it. */
export interface NoticeDocumentView {
  readonly findingId: string;
  readonly kind: NoticeKind;
  readonly title: string;
  readonly documentNo: string;
  readonly round: number;
  readonly step: number;
  /** SM3 of the DOCX bytes, lowercase hex: the downloaded file hashes to this. */
  readonly digest: string;
  readonly templateVersion: number;
  readonly fileName: string;
  readonly issuingUnitId: string;
  readonly issuedBy: string;
  readonly issuedAt: string;
  readonly download: string;
}

export function downloadPath(findingId: string, documentNo: string): string {
  return `/findings/${encodeURIComponent(findingId)}/notices/${encodeURIComponent(documentNo)}`;
}

export function noticeView(event: RecordedEvent): NoticeDocumentView {
  const d = event.data as NoticeDocumentIssued['data'];
  return {
    findingId: d.findingId,
    kind: d.kind,
    title: NOTICE_KIND_LABELS[d.kind] ?? d.kind,
    documentNo: d.documentNo,
    round: d.round,
    step: d.step,
    digest: d.digest,
    templateVersion: d.templateVersion,
    fileName: d.fileName,
    issuingUnitId: d.issuingUnitId,
    issuedBy: d.issuedBy,
    issuedAt: event.metadata.occurredAt,
    download: downloadPath(d.findingId, d.documentNo),
  };
}

/** A file to send: bytes, the UTF-8 name and its ASCII fallback (Content-Disposition). */
export interface NoticeFile {
  readonly body: Buffer;
  readonly utf8Name: string;
  readonly asciiName: string;
  readonly digest: string;
}

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
