import { Alert, App, Button, Checkbox, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { uploadFile } from '../../client/files';
import { newActionKey, useRefreshAfterStep, visitKey } from '../../inspector/inspector-api';
import { PATHS } from '../../routes';
import { useCatalogue } from '../../shared/catalogue';
import { PhotoPicker } from './PhotoPicker';
import '../../inspector/inspector.css';

type FindingDraft = Schemas['FindingDraftDto'];
type Category = FindingDraft['category'];
type EvidenceAck = Schemas['InspectionEvidenceAckDto'];

interface DraftFields {
  description: string;
  basis?: string;
  severity: FindingDraft['severity'];
  requiredAction: FindingDraft['requiredAction'];
  responsibleDepartment: string;
  responsiblePerson?: string;
}

/** Where one ticked item stands while the checklist is submitted (kept so a retry skips what is done). */
interface Submission {
  readonly key: string;
  status: 'saving' | 'done' | 'failed';
  findingId?: string;
  error?: string;
  /** Digests of photos already uploaded, by the photo's position, so a retry does not send them again. */
  digests: (string | undefined)[];
}

const DEFAULTS: Pick<DraftFields, 'severity' | 'requiredAction'> = { severity: 'general', requiredAction: 'deadline' };

/**
 * 问题清单: the catalogue's finding categories as a checklist. The inspector ticks what was found,
 * writes each finding (description, basis, department, severity, required action) and takes photos;
 * 提交 uploads each photo to the visit's evidence and opens one finding per ticked item (the API has
 * no batch route), each with its own idempotency key, so a retry after a dropped answer opens none twice.
 */
export function FindingChecklist({ visitId }: { visitId: string }) {
  const words = useCatalogue();
  const { message } = App.useApp();
  const refresh = useRefreshAfterStep();
  const [form] = Form.useForm<{ drafts: Partial<Record<Category, DraftFields>> }>();
  const [ticked, setTicked] = useState<Category[]>([]);
  const [photos, setPhotos] = useState<Partial<Record<Category, File[]>>>({});
  const [submissions, setSubmissions] = useState<Partial<Record<Category, Submission>>>({});
  const [submitting, setSubmitting] = useState(false);
  const [opened, setOpened] = useState<{ findingId: string; category: Category }[]>([]);
  const categories = words.options('findingCategories') as { value: Category; label: string }[];

  const toggle = (category: Category, on: boolean) =>
    setTicked((current) => (on ? [...current, category] : current.filter((c) => c !== category)));

  const submitOne = async (category: Category, fields: DraftFields, previous: Submission | undefined): Promise<Submission> => {
    const submission: Submission =
      previous?.status === 'failed'
        ? { ...previous, status: 'saving', digests: [...previous.digests] }
        : { key: newActionKey(), status: 'saving', digests: [] };
    const label = words.label('findingCategories', category);
    try {
      const files = photos[category] ?? [];
      for (const [index, photo] of files.entries()) {
        if (submission.digests[index]) continue;
        const form = new FormData();
        form.append('file', photo, photo.name);
        form.append('step', 'visit');
        form.append('note', `问题照片：${label}`);
        const ack = await uploadFile<EvidenceAck>(`/visits/${encodeURIComponent(visitId)}/evidence`, form);
        submission.digests[index] = ack.file.digest;
      }
      const description = fields.basis?.trim() ? `${fields.description.trim()}\n依据：${fields.basis.trim()}` : fields.description.trim();
      const receipt = await call(
        api.POST('/visits/{visitId}/findings', {
          params: { path: { visitId }, header: { 'Idempotency-Key': submission.key } },
          body: {
            category,
            severity: fields.severity,
            requiredAction: fields.requiredAction,
            description,
            responsibleDepartment: fields.responsibleDepartment.trim(),
            responsiblePerson: fields.responsiblePerson?.trim() || undefined,
            evidence: submission.digests.filter((digest): digest is string => Boolean(digest)),
          },
        }),
      );
      return { ...submission, status: 'done', findingId: receipt.id };
    } catch (error) {
      return { ...submission, status: 'failed', error: messageOf(error) };
    }
  };

  const submitAll = async () => {
    if (ticked.length === 0) {
      message.warning('请先勾选发现的问题');
      return;
    }
    let values: { drafts?: Partial<Record<Category, DraftFields>> };
    try {
      values = await form.validateFields();
    } catch {
      message.error('请补全勾选问题的必填项');
      return;
    }
    setSubmitting(true);
    const results: Partial<Record<Category, Submission>> = { ...submissions };
    for (const category of ticked) {
      const fields = values.drafts?.[category];
      if (!fields || results[category]?.status === 'done') continue;
      const previous = results[category];
      results[category] = await submitOne(category, fields, previous);
      setSubmissions({ ...results });
    }
    setSubmitting(false);
    const done = ticked.filter((category) => results[category]?.status === 'done');
    const failed = ticked.filter((category) => results[category]?.status === 'failed');
    setOpened((current) => [...current, ...done.map((category) => ({ category, findingId: results[category]?.findingId ?? '' }))]);
    // What was opened leaves the checklist; what failed stays ticked with its message, to correct and resend.
    setTicked(failed);
    setPhotos((current) => Object.fromEntries(Object.entries(current).filter(([category]) => failed.includes(category as Category))));
    setSubmissions(Object.fromEntries(failed.map((category) => [category, results[category]])));
    form.setFieldsValue({
      drafts: Object.fromEntries(done.map((category) => [category, { ...DEFAULTS, description: undefined, basis: undefined }])),
    });
    if (done.length > 0) {
      message.success(`已登记 ${done.length} 个问题`);
      await refresh([...visitKey(visitId)]);
    }
    if (failed.length > 0) message.error(`${failed.length} 个问题未能提交，请查看提示后重新提交`);
  };

  return (
    <div>
      {opened.length > 0 && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={`本次已登记 ${opened.length} 个问题`}
          description={
            <Space wrap>
              {opened.map((item) => (
                <Link key={item.findingId} to={PATHS.finding(item.findingId)}>
                  {words.label('findingCategories', item.category)}
                </Link>
              ))}
            </Space>
          }
        />
      )}
      <Typography.Paragraph type="secondary">勾选检查中发现的问题，逐项填写情况并拍照，最后一次提交。</Typography.Paragraph>
      <Form form={form} layout="vertical" size="large" disabled={submitting} className="checklist-grid">
        {categories.map(({ value: category, label }) => {
          const on = ticked.includes(category);
          const state = submissions[category];
          return (
            <section key={category} role="group" aria-label={label} className={`checklist-item${on ? ' ticked' : ''}`}>
              <Checkbox checked={on} onChange={(event) => toggle(category, event.target.checked)} disabled={submitting}>
                {label}
              </Checkbox>
              {on && (
                <div style={{ marginTop: 8 }}>
                  {state?.status === 'failed' && <Alert type="error" showIcon style={{ marginBottom: 8 }} message={state.error} />}
                  <Form.Item
                    name={['drafts', category, 'description']}
                    label="问题描述"
                    rules={[{ required: true, whitespace: true, message: '请描述发现的问题' }]}
                  >
                    <Input.TextArea rows={3} maxLength={1800} placeholder="时间、地点、人员、具体情形" />
                  </Form.Item>
                  <Form.Item name={['drafts', category, 'basis']} label="认定依据" extra="违反的规定条款（可选）">
                    <Input.TextArea rows={2} maxLength={180} />
                  </Form.Item>
                  <Form.Item
                    name={['drafts', category, 'responsibleDepartment']}
                    label="责任科室"
                    rules={[{ required: true, whitespace: true, message: '请填写责任科室' }]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name={['drafts', category, 'responsiblePerson']} label="责任人">
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item
                    name={['drafts', category, 'severity']}
                    label="严重程度"
                    initialValue={DEFAULTS.severity}
                    rules={[{ required: true }]}
                  >
                    <Radio.Group optionType="button" buttonStyle="solid" options={words.options('severities')} />
                  </Form.Item>
                  <Form.Item
                    name={['drafts', category, 'requiredAction']}
                    label="整改类型"
                    initialValue={DEFAULTS.requiredAction}
                    rules={[{ required: true }]}
                  >
                    <Select options={words.options('requiredActions')} />
                  </Form.Item>
                  <PhotoPicker
                    label={label}
                    photos={photos[category] ?? []}
                    onChange={(chosen) => setPhotos((current) => ({ ...current, [category]: chosen }))}
                  />
                </div>
              )}
            </section>
          );
        })}
      </Form>
      <div
        className="field-actions"
        style={{ position: ticked.length > 0 ? 'sticky' : 'static', bottom: 0, background: '#fff', padding: '8px 0' }}
      >
        <Button type="primary" block size="large" loading={submitting} disabled={ticked.length === 0} onClick={() => void submitAll()}>
          {ticked.length > 0 ? `提交 ${ticked.length} 个问题` : '提交问题'}
        </Button>
      </div>
    </div>
  );
}
