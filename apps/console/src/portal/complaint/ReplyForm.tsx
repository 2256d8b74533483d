import { FormEvent, useState } from 'react';
import { call, messageOf } from '../../client/errors';
import { Alert, Field } from '../Field';
import { publicApi } from '../public-api';
import { DESCRIPTION_MAX, TicketFormProps } from './complaint-form';

/** 补充说明 while the ticket waits on the complainant: sending it restarts the clocks. */
export function ReplyForm({ code, secret, onDone }: TicketFormProps) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = note.length > DESCRIPTION_MAX ? `补充说明不能超过 ${DESCRIPTION_MAX} 字` : null;
    setError(problem);
    if (problem) return;
    setSending(true);
    setFailure(null);
    try {
      await call(
        publicApi.POST('/public/complaints/{code}/reply', {
          params: { path: { code } },
          body: { secret, ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      );
      await onDone(); // the button stays disabled until the status is read again
    } catch (thrown) {
      setFailure(messageOf(thrown));
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-labelledby="reply-title" className="card">
      <h2 id="reply-title">需要您补充情况</h2>
      <p>办理单位需要您补充情况或材料。可在下方说明，也可上传材料后提交。</p>
      <form onSubmit={submit} noValidate>
        <Field label="补充说明" hint="请勿填写姓名、电话等个人信息" error={error}>
          <textarea rows={5} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        {failure ? <Alert>{failure}</Alert> : null}
        <div className="actions">
          <button type="submit" className="button" disabled={sending}>
            提交补充说明
          </button>
        </div>
      </form>
    </section>
  );
}
