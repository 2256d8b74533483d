import { useEffect, useRef, useState } from 'react';
import type { components } from '../../client/schema.gen';
import { beijingDate, beijingDateTime } from '../../shared/time';
import { usePortalCatalogue } from '../catalogue';
import { Alert } from '../Field';
import { downloadOwnFile, sizeText } from './evidence';
import { MoreFiles } from './MoreFiles';
import { RatingForm } from './RatingForm';
import { ReplyForm } from './ReplyForm';

export type PublicStatus = components['schemas']['PublicStatusDto'];

/** The steps a ticket normally passes, in order; `awaiting-your-reply` and `declined` are shown only when they happen. */
const MAIN_PATH = ['received', 'dispatched', 'in-progress', 'answered', 'rated', 'closed'] as const;

function stepsShown(step: PublicStatus['step']): readonly string[] {
  if (step === 'declined') return ['received', 'declined'];
  if (step === 'awaiting-your-reply') return ['received', 'dispatched', 'in-progress', 'awaiting-your-reply', 'answered', 'closed'];
  return MAIN_PATH;
}

interface StatusViewProps {
  readonly code: string;
  readonly secret: string;
  readonly status: PublicStatus;
  readonly reload: () => Promise<void>;
}

/** A ticket as the complainant sees it: where it stands, its dates, the answer, their files, and what they can do now. */
export function StatusView({ code, secret, status, reload }: StatusViewProps) {
  const words = usePortalCatalogue();
  const heading = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const steps = stepsShown(status.step);
  const current = steps.indexOf(status.step);
  const open = status.step !== 'closed' && status.step !== 'declined';

  // The status first, then the message: by the time it says the reply was sent, the form it was sent from is gone.
  const done = async (message: string) => {
    await reload().catch((thrown: unknown) => setFailure(String(thrown)));
    setNotice(message);
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        投诉 {status.ticketCode}
      </h1>
      <p className="status-now">
        当前状态：<strong>{words.label('publicTicketSteps', status.step)}</strong>
      </p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {failure ? <Alert>{failure}</Alert> : null}

      <ol className="steps" aria-label="办理进度">
        {steps.map((step, index) => (
          <li
            key={step}
            className={index < current ? 'step-done' : index === current ? 'step-current' : 'step-todo'}
            aria-current={index === current ? 'step' : undefined}
          >
            {words.label('publicTicketSteps', step)}
            <span className="visually-hidden">{index < current ? '（已完成）' : index === current ? '（当前）' : '（未到）'}</span>
          </li>
        ))}
      </ol>

      <dl className="facts">
        <dt>投诉类别</dt>
        <dd>{words.label('complaintCategories', status.category)}</dd>
        <dt>受理时间</dt>
        <dd>{beijingDateTime(status.receivedAt)}</dd>
        {status.answerDueAt && !status.answeredAt && open ? (
          <>
            <dt>答复期限</dt>
            <dd>
              {beijingDate(status.answerDueAt)} 前{status.answerDueProvisional ? '（明年节假日安排公布后可能调整几个工作日）' : ''}
            </dd>
          </>
        ) : null}
        {status.answeredAt ? (
          <>
            <dt>答复时间</dt>
            <dd>{beijingDateTime(status.answeredAt)}</dd>
          </>
        ) : null}
        {status.rating ? (
          <>
            <dt>您的评价</dt>
            <dd>{words.label('satisfactionRatings', status.rating)}</dd>
          </>
        ) : null}
        {status.closedAt ? (
          <>
            <dt>办结时间</dt>
            <dd>{beijingDateTime(status.closedAt)}</dd>
          </>
        ) : null}
        {status.declinedAt ? (
          <>
            <dt>不予受理</dt>
            <dd>
              {beijingDateTime(status.declinedAt)}
              {status.declineGround ? `（${words.label('declineGrounds', status.declineGround)}）` : ''}
            </dd>
          </>
        ) : null}
      </dl>

      {status.answer ? (
        <section aria-labelledby="answer-title" className="card">
          <h2 id="answer-title">答复内容</h2>
          <p className="answer">{status.answer}</p>
        </section>
      ) : null}

      {status.step === 'awaiting-your-reply' ? (
        <ReplyForm code={code} secret={secret} onDone={() => done('您的补充说明已提交，办理继续计时。')} />
      ) : null}
      {status.canRate ? <RatingForm code={code} secret={secret} onDone={() => done('感谢您的评价。')} /> : null}

      <section aria-labelledby="files-title" className="card">
        <h2 id="files-title">您上传的材料</h2>
        {status.files.length === 0 ? <p>暂无。</p> : null}
        <ul className="file-list">
          {status.files.map((file) => (
            <li key={file.digest}>
              <span>
                {file.name}（{sizeText(file.size)}）
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  downloadOwnFile(code, secret, file.digest, file.name).catch((thrown: unknown) =>
                    setFailure(thrown instanceof Error ? thrown.message : String(thrown)),
                  )
                }
              >
                下载<span className="visually-hidden"> {file.name}</span>
              </button>
            </li>
          ))}
        </ul>
        {open ? <MoreFiles code={code} secret={secret} attachedCount={status.files.length} onDone={(message) => done(message)} /> : null}
      </section>
    </>
  );
}
