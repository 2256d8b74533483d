import { FormEvent, useRef, useState } from 'react';
import { call, messageOf, ApiError } from '../../client/errors';
import { Alert, Field } from '../Field';
import { usePortalCatalogue } from '../catalogue';
import { useInstitutions } from '../institutions';
import { publicApi } from '../public-api';
import { bodyOf, ComplaintDraft, DESCRIPTION_MAX, DraftProblems, EMPTY_DRAFT, problemsOf } from './complaint-form';
import { attachFile } from './evidence';
import { FilePicker } from './FilePicker';
import { Receipt, ReceiptFacts } from './Receipt';

/** The API names fields as paths (`identity.phone`); the form's fields by their draft key. */
function fieldOf(path: string): keyof DraftProblems | null {
  const leaf = path.split('.').pop() ?? '';
  return ['name', 'phone', 'notifyBySms', 'institutionId', 'category', 'description'].includes(leaf) ? (leaf as keyof DraftProblems) : null;
}

/** 提交投诉: anonymous or named, the institution, category and description, then the files. */
export default function NewComplaintPage() {
  const words = usePortalCatalogue();
  const { institutions, error: institutionsError } = useInstitutions();
  const [draft, setDraft] = useState<ComplaintDraft>(EMPTY_DRAFT);
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<DraftProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ReceiptFacts | null>(null);
  const form = useRef<HTMLFormElement>(null);

  if (receipt) return <Receipt facts={receipt} />;

  // A field's error goes once it is edited; the whole draft is checked again on sending.
  const set = <K extends keyof ComplaintDraft>(key: K, value: ComplaintDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setProblems((current) => ({ ...current, [key]: undefined }));
  };

  const focusFirstInvalid = () => requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = problemsOf(draft);
    setProblems((current) => ({ ...found, ...(current.files ? { files: current.files } : {}) }));
    setFailure(null);
    if (Object.keys(found).length) return focusFirstInvalid();
    setSending('正在提交…');
    try {
      const { ticketCode, secret } = await call(publicApi.POST('/public/complaints', { body: bodyOf(draft) }));
      const attached: string[] = [];
      const refused: string[] = [];
      for (const [index, file] of files.entries()) {
        setSending(`正在上传材料 ${index + 1}/${files.length}：${file.name}`);
        try {
          await attachFile(ticketCode, secret, file);
          attached.push(file.name);
        } catch (thrown) {
          refused.push(`${file.name}：${messageOf(thrown)}`);
        }
      }
      const institution = institutions?.find((i) => i.id === draft.institutionId)?.name ?? null;
      // The receipt states the receipt time the API recorded, not this device's clock.
      const recorded = await call(
        publicApi.POST('/public/complaints/{code}/status', { params: { path: { code: ticketCode } }, body: { secret } }),
      ).catch(() => null);
      setReceipt({
        ticketCode,
        secret,
        submittedAt: recorded?.receivedAt ?? new Date().toISOString(),
        category: words.label('complaintCategories', draft.category),
        institution,
        attached,
        refused,
      });
    } catch (thrown) {
      setFailure(messageOf(thrown));
      if (thrown instanceof ApiError) {
        const fromApi: DraftProblems = {};
        for (const problem of thrown.fields) {
          const field = fieldOf(problem.field);
          if (field) fromApi[field] = problem.message ?? thrown.message;
        }
        setProblems(fromApi);
        focusFirstInvalid();
      }
    } finally {
      setSending(null);
    }
  };

  return (
    <>
      <h1>提交投诉</h1>
      <p className="lead">请如实填写。您的姓名和联系方式单独加密保存，不会提供给被投诉的医疗机构。</p>
      <form ref={form} onSubmit={submit} noValidate aria-busy={sending !== null}>
        <fieldset>
          <legend>投诉方式</legend>
          <div className="choices">
            <label>
              <input type="radio" name="named" checked={!draft.named} onChange={() => set('named', false)} /> 匿名投诉
            </label>
            <label>
              <input type="radio" name="named" checked={draft.named} onChange={() => set('named', true)} /> 实名投诉
            </label>
          </div>
          <p className="hint">匿名投诉同样受理；实名投诉便于工作人员联系您核实情况。</p>
          {draft.named ? (
            <>
              <Field label="姓名" required error={problems.name}>
                <input type="text" autoComplete="name" maxLength={100} value={draft.name} onChange={(e) => set('name', e.target.value)} />
              </Field>
              <Field label="手机号码" hint="仅用于联系您和发送进度短信" error={problems.phone}>
                <input
                  type="tel"
                  inputMode="tel"
                  autoComplete="tel"
                  maxLength={30}
                  value={draft.phone}
                  onChange={(e) => set('phone', e.target.value)}
                />
              </Field>
              <div className="field">
                <label className="check">
                  <input type="checkbox" checked={draft.notifyBySms} onChange={(e) => set('notifyBySms', e.target.checked)} />
                  我同意在办理状态变化时接收短信通知（短信只含投诉编号，不含投诉内容）
                </label>
              </div>
            </>
          ) : null}
        </fieldset>

        <Field
          label="被投诉的医疗机构"
          hint={
            institutionsError
              ? `机构名单暂时无法加载（${institutionsError}），可不选择，在问题描述中写明`
              : '不清楚可不选择，在问题描述中写明'
          }
          error={problems.institutionId}
        >
          <select value={draft.institutionId} onChange={(e) => set('institutionId', e.target.value)}>
            <option value="">{institutions ? '不选择' : '正在加载机构名单…'}</option>
            {(institutions ?? []).map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institution.name}（{institution.supervisingUnit}）
              </option>
            ))}
          </select>
        </Field>

        <Field label="投诉类别" required error={problems.category}>
          <select value={draft.category} onChange={(e) => set('category', e.target.value)}>
            <option value="">请选择</option>
            {words.options('complaintCategories').map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>

        <Field
          label="问题描述"
          required
          hint={`时间、地点、经过和您的诉求；请勿在此填写姓名、电话等个人信息（此处内容不加密）。${draft.description.length}/${DESCRIPTION_MAX} 字`}
          error={problems.description}
        >
          <textarea rows={8} value={draft.description} onChange={(e) => set('description', e.target.value)} />
        </Field>

        <FilePicker
          files={files}
          onChange={setFiles}
          error={problems.files}
          onProblem={(problem) => setProblems((current) => ({ ...current, files: problem ?? undefined }))}
        />

        {failure ? <Alert>{failure}</Alert> : null}
        {sending ? <Alert tone="info">{sending}</Alert> : null}
        <div className="actions">
          <button type="submit" className="button" disabled={sending !== null}>
            提交投诉
          </button>
        </div>
      </form>
    </>
  );
}
