import { useEffect, useRef } from 'react';
import { beijingDateTime } from '../../shared/time';
import { PATHS } from '../../routes';
import { Link } from '../navigation';

export interface ReceiptFacts {
  readonly ticketCode: string;
  readonly secret: string;
  readonly submittedAt: string;
  readonly category: string;
  readonly institution: string | null;
  readonly attached: readonly string[];
  /** Files the API refused, each with its reason in the API's words. */
  readonly refused: readonly string[];
}

/**
 * The code and secret, shown once: the secret is kept nowhere (not in storage, not in the URL), so
 * the page says so plainly and offers a printed receipt (the print stylesheet prints only this).
 */
export function Receipt({ facts }: { readonly facts: ReceiptFacts }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <h1 id="receipt-title" ref={heading} tabIndex={-1}>
        投诉已提交
      </h1>
      <p className="warning no-print" role="note">
        <strong>请立即记下或打印投诉编号和查询码。</strong>
        查询码只显示这一次，系统不保存明文，遗失后无法找回；凭编号和查询码才能查询进度、查看答复和评价。
      </p>
      <dl className="receipt-facts">
        <dt>投诉编号</dt>
        <dd className="code" data-testid="ticket-code">
          {facts.ticketCode}
        </dd>
        <dt>查询码</dt>
        <dd className="code secret" data-testid="ticket-secret">
          {facts.secret}
        </dd>
        <dt>提交时间</dt>
        <dd>{beijingDateTime(facts.submittedAt)}（北京时间）</dd>
        <dt>投诉类别</dt>
        <dd>{facts.category}</dd>
        <dt>被投诉机构</dt>
        <dd>{facts.institution ?? '未指定'}</dd>
        <dt>已上传材料</dt>
        <dd>{facts.attached.length ? `${facts.attached.length} 个：${facts.attached.join('、')}` : '无'}</dd>
      </dl>
      {facts.refused.length > 0 ? (
        <div className="alert alert-error no-print" role="alert">
          <p>以下材料未能上传（投诉已提交，可稍后在“查询进度”中补传）：</p>
          <ul>
            {facts.refused.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="print-only">查询地址：{window.location.origin + PATHS.portalComplaint(facts.ticketCode)}（请同时输入查询码）</p>
      <div className="actions no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          打印回执
        </button>
        <Link href={PATHS.portalComplaint(facts.ticketCode)} className="button button-secondary">
          查询进度
        </Link>
      </div>
    </section>
  );
}
