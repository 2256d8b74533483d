import { useEffect, useRef, useState } from 'react';
import { call, messageOf } from '../../client/errors';
import type { components } from '../../client/schema.gen';
import { PATHS } from '../../routes';
import { beijingDate, beijingDateTime, chineseDate } from '../../shared/time';
import { Link } from '../navigation';
import { publicApi } from '../public-api';
import { NoticeTables } from './NoticeTables';

type Notice = components['schemas']['PublicNoticeViewDto'];
type NoticeLink = components['schemas']['PublicNoticeLinkDto'];

function NoticeRef({ link }: { readonly link: NoticeLink }) {
  return (
    <Link href={PATHS.portalNotice(link.noticeId)}>
      《{link.title}》（{link.documentNo}）
    </Link>
  );
}

/** What stands above the notice: corrected or withdrawn by a later notice, or itself the correction of an earlier one. */
function CorrectionBanner({ notice }: { readonly notice: Notice }) {
  return (
    <>
      {notice.correctedBy ? (
        <p className="alert alert-warning" role="note">
          <strong>{notice.correctedBy.withdraw ? '本通报已被撤销' : '本通报已被更正'}</strong>，以 <NoticeRef link={notice.correctedBy} />（
          {beijingDate(notice.correctedBy.publishedAt)} 发布）为准。
        </p>
      ) : null}
      {notice.corrects ? (
        <p className="alert alert-info" role="note">
          本通报系对 <NoticeRef link={notice.corrects} /> 的{notice.corrects.withdraw ? '撤销' : '更正'}。
        </p>
      ) : null}
    </>
  );
}

/**
 * One published notice as it was printed — title, 文号, text, tables, notes, issuing unit and date —
 * with its corrections, how to check it (SM3 of the content, printed on the document too), the Word
 * file, and 打印: the print stylesheet prints the notice alone, in black on white.
 */
export default function NoticePage({ noticeId }: { readonly noticeId: string }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    call(publicApi.GET('/public/notices/{noticeId}', { params: { path: { noticeId } } })).then(
      (answer) => {
        setNotice(answer);
        requestAnimationFrame(() => heading.current?.focus());
      },
      (thrown: unknown) => setFailure(messageOf(thrown)),
    );
  }, [noticeId]);

  return (
    <>
      <p className="no-print">
        <Link href={PATHS.portalNotices}>← 返回通报列表</Link>
      </p>
      {failure ? <p role="alert">{failure}</p> : null}
      {!notice && !failure ? <p role="status">正在加载…</p> : null}
      {notice ? (
        <>
          <CorrectionBanner notice={notice} />
          <div className="actions no-print">
            <button type="button" className="button" onClick={() => window.print()}>
              打印
            </button>
            <a className="button button-secondary" href={notice.document} download>
              下载 Word 文档
            </a>
          </div>
          <article className="notice-document" aria-labelledby="notice-title">
            <h1 id="notice-title" ref={heading} tabIndex={-1}>
              {notice.title}
            </h1>
            <p className="notice-number">{notice.documentNo}</p>
            {notice.preface.map((paragraph, i) => (
              <p key={i} className="notice-paragraph">
                {paragraph}
              </p>
            ))}
            <NoticeTables tables={notice.tables} />
            {notice.notes.length > 0 ? (
              <section aria-label="说明" className="notice-notes">
                <p>说明：</p>
                <ol>
                  {notice.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ol>
              </section>
            ) : null}
            <p className="notice-signature">
              {notice.issuingUnit.name}
              <br />
              {chineseDate(notice.issuedOn)}
            </p>
            <dl className="facts notice-check">
              <dt>数据截至</dt>
              <dd>{beijingDateTime(notice.asOf)}（北京时间）</dd>
              <dt>内容摘要（SM3）</dt>
              <dd className="digest" data-testid="notice-digest">
                {notice.digest.content}
              </dd>
              <dt>公示期限</dt>
              <dd>{notice.publicity.until ? `至 ${beijingDate(notice.publicity.until)}` : '长期公示'}</dd>
            </dl>
          </article>
        </>
      ) : null}
    </>
  );
}
