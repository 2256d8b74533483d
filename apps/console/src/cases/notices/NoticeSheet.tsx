import type { Schemas } from '../../client/client';
import { NoticeTables } from '../../portal/notice/NoticeTables';
import { chineseDate } from '../../shared/time';
import './notices.css';

/** What a notice prints, whether published (the frozen content) or previewed (what publishing now would freeze). */
export interface NoticeSheetContent {
  readonly title: string;
  /** Null in a preview: the number is taken from the unit's register only when it is published. */
  readonly documentNo: string | null;
  readonly preface: readonly string[];
  readonly corrects: { readonly documentNo: string; readonly title: string; readonly withdraw: boolean } | null;
  readonly tables: readonly Schemas['PublicNoticeTableDto'][];
  readonly notes: readonly string[];
  readonly issuingUnitName: string;
  readonly issuedOn: string;
}

/**
 * A notice laid out as the public page and the printed document show it — title, 文号, text, the
 * correction it makes, tables (the portal's own table renderer), 说明, issuing unit and date — so the
 * staff see exactly what the public will read.
 */
export function NoticeSheet({ content, label }: { content: NoticeSheetContent; label: string }) {
  return (
    <article className="notice-sheet" aria-label={label}>
      <h1>{content.title}</h1>
      <p className="notice-number">{content.documentNo ?? '（文号发布时自动编排）'}</p>
      {content.corrects ? (
        <p className="notice-paragraph">
          本通报系对《{content.corrects.title}》（{content.corrects.documentNo}）的{content.corrects.withdraw ? '撤销' : '更正'}。
        </p>
      ) : null}
      {content.preface.map((paragraph, i) => (
        <p key={i} className="notice-paragraph">
          {paragraph}
        </p>
      ))}
      <NoticeTables tables={content.tables} />
      {content.notes.length > 0 ? (
        <section aria-label="说明" className="notice-notes">
          <p>说明：</p>
          <ol>
            {content.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ol>
        </section>
      ) : null}
      <p className="notice-signature">
        {content.issuingUnitName}
        <br />
        {chineseDate(content.issuedOn)}
      </p>
    </article>
  );
}
