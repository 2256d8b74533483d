import { shanghaiDate } from '@bihuan/core';
import { canonicalJson, sm3Hex } from '@bihuan/event-store';
import { NoticeContent } from '../domain/public-notice.messages';
import { DraftRecord } from '../domain/public-notice.state';
import { NoticeFigures } from './tables/notice-tables.service';

/**
 * Everything a notice prints, from its draft, its number and unit, the instant its figures were read
 * and those figures (pure): the preface's paragraphs are its non-blank lines, trimmed; the 成文日期 is
 * the Beijing day of `asOf`.
 */
export function noticeContent(
  draft: DraftRecord,
  issue: { readonly documentNo: string; readonly issuingUnitName: string; readonly asOf: string },
  figures: NoticeFigures,
): NoticeContent {
  return {
    kind: draft.kind,
    title: draft.title,
    documentNo: issue.documentNo,
    issuingUnitName: issue.issuingUnitName,
    issuedOn: shanghaiDate(issue.asOf),
    asOf: issue.asOf,
    preface: draft.preface
      .split(/\r?\n/)
      .map((p) => p.trim())
      .filter((p) => p !== ''),
    corrects: draft.corrects ? { documentNo: draft.corrects.documentNo, title: draft.corrects.title, withdraw: draft.withdraw } : null,
    tables: figures.tables,
    notes: figures.notes,
  };
}

/** The SM3 of a notice's content: of its canonical JSON, so it is the same whatever order the keys were stored in. */
export const contentDigest = (content: NoticeContent): string => sm3Hex(canonicalJson(content));
