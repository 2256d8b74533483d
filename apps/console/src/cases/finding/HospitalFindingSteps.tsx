import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { api, Schemas } from '../../client/client';
import { call } from '../../client/errors';
import { EvidencePicker } from '../../shared/EvidencePicker';
import { textRules, useStepMutation } from '../../shared/step-mutation';
import { BEIJING } from '../../shared/time';
import { useRefreshFinding } from './finding-queries';

type FindingDetail = Schemas['InspectionFindingDetailDto'];

/** The API's caps (libs/inspection/src/http/finding.dto.ts: TEXT_MAX, names ≤ 100). */
const TEXT_MAX = 2000;
const NAME_MAX = 100;

const dateOf = (day: Dayjs | undefined | null): string | undefined => day?.format('YYYY-MM-DD');
/** Days before tomorrow (Beijing) cannot be chosen: the API wants a date in the future. */
const beforeTomorrow = (day: Dayjs): boolean => day.isBefore(dayjs().tz(BEIJING).add(1, 'day').startOf('day'), 'day');

interface PlanValues {
  measures: string;
  responsibleDepartment?: string;
  responsiblePerson?: string;
  plannedCompletion?: Dayjs;
}

function PlanForm({ detail }: { detail: FindingDetail }) {
  const [form] = Form.useForm<PlanValues>();
  const refresh = useRefreshFinding(detail.findingId);
  const submit = useStepMutation<PlanValues>({
    form,
    done: '整改方案已提交',
    refresh,
    send: (v) =>
      call(
        api.POST('/findings/{findingId}/plan', {
          params: { path: { findingId: detail.findingId } },
          body: {
            measures: v.measures.trim(),
            ...(v.responsibleDepartment?.trim() ? { responsibleDepartment: v.responsibleDepartment.trim() } : {}),
            ...(v.responsiblePerson?.trim() ? { responsiblePerson: v.responsiblePerson.trim() } : {}),
            ...(v.plannedCompletion ? { plannedCompletion: dateOf(v.plannedCompletion) } : {}),
          },
        }),
      ),
  });
  const revising = detail.rectification.planRevision > 0;
  return (
    <Form<PlanValues>
      form={form}
      layout="vertical"
      name="plan"
      onFinish={(values) => submit.mutate(values)}
      initialValues={{
        measures: detail.ledger?.measures ?? undefined,
        responsibleDepartment: detail.ledger?.responsibleDepartment ?? detail.finding.responsibleDepartment,
        responsiblePerson: detail.ledger?.responsiblePerson ?? detail.finding.responsiblePerson ?? undefined,
        plannedCompletion: detail.ledger?.plannedCompletion ? dayjs(detail.ledger.plannedCompletion) : undefined,
      }}
    >
      {revising && <Alert type="info" showIcon style={{ marginBottom: 16 }} message="已提交过整改方案，再次提交将作为修订版本记录。" />}
      <Form.Item name="measures" label="整改措施" rules={textRules('整改措施', TEXT_MAX)}>
        <Input.TextArea rows={4} showCount maxLength={TEXT_MAX} placeholder="具体整改措施、步骤和时间安排" />
      </Form.Item>
      <Form.Item name="responsibleDepartment" label="责任部门" rules={textRules('责任部门', NAME_MAX, false)}>
        <Input maxLength={NAME_MAX} />
      </Form.Item>
      <Form.Item name="responsiblePerson" label="责任人" rules={textRules('责任人', NAME_MAX, false)}>
        <Input maxLength={NAME_MAX} />
      </Form.Item>
      <Form.Item name="plannedCompletion" label="计划完成日期">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {revising ? '提交修订方案' : '提交整改方案'}
      </Button>
    </Form>
  );
}

interface ProgressValues {
  summary: string;
  percentComplete?: number;
  evidence?: string[];
}

function ProgressForm({ detail }: { detail: FindingDetail }) {
  const [form] = Form.useForm<ProgressValues>();
  const [uploading, setUploading] = useState(false);
  const refresh = useRefreshFinding(detail.findingId);
  const submit = useStepMutation<ProgressValues>({
    form,
    done: '整改进展已报送',
    refresh,
    send: (v) =>
      call(
        api.POST('/findings/{findingId}/progress', {
          params: { path: { findingId: detail.findingId } },
          body: {
            summary: v.summary.trim(),
            ...(v.evidence?.length ? { evidence: v.evidence } : {}),
            ...(v.percentComplete !== undefined && v.percentComplete !== null ? { percentComplete: v.percentComplete } : {}),
          },
        }),
      ),
  });
  return (
    <Form<ProgressValues> form={form} layout="vertical" name="progress" onFinish={(values) => submit.mutate(values)}>
      <Form.Item name="summary" label="进展情况" rules={textRules('进展情况', TEXT_MAX)}>
        <Input.TextArea rows={4} showCount maxLength={TEXT_MAX} placeholder="已完成的整改工作" />
      </Form.Item>
      <Form.Item
        name="percentComplete"
        label="完成比例（%）"
        rules={[{ type: 'integer', min: 0, max: 100, message: '完成比例为 0–100 的整数' }]}
      >
        <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} addonAfter="%" />
      </Form.Item>
      <Form.Item name="evidence" label="证据材料">
        <EvidencePicker
          attached={detail.files}
          uploadPath={`/findings/${encodeURIComponent(detail.findingId)}/evidence`}
          step="progress"
          onUploaded={() => void refresh()}
          onBusy={setUploading}
        />
      </Form.Item>
      <Button type="primary" disabled={uploading} htmlType="submit" loading={submit.isPending}>
        报送整改进展
      </Button>
    </Form>
  );
}

interface SignOffValues {
  summary: string;
  evidence?: string[];
}

function SignOffRequestForm({ detail }: { detail: FindingDetail }) {
  const [form] = Form.useForm<SignOffValues>();
  const [uploading, setUploading] = useState(false);
  const refresh = useRefreshFinding(detail.findingId);
  const citedBefore = detail.rectification.evidence.length > 0;
  const submit = useStepMutation<SignOffValues>({
    form,
    done: '销号申请已提交，等待监督员审核',
    refresh,
    send: (v) =>
      call(
        api.POST('/findings/{findingId}/sign-off-request', {
          params: { path: { findingId: detail.findingId } },
          body: { summary: v.summary.trim(), ...(v.evidence?.length ? { evidence: v.evidence } : {}) },
        }),
      ),
  });
  return (
    <Form<SignOffValues>
      form={form}
      layout="vertical"
      name="signOffRequest"
      onFinish={(values) => submit.mutate(values)}
      initialValues={{ evidence: detail.rectification.evidence }}
    >
      <Form.Item name="summary" label="整改完成情况" rules={textRules('整改完成情况', TEXT_MAX)}>
        <Input.TextArea rows={4} showCount maxLength={TEXT_MAX} placeholder="整改完成情况及成效" />
      </Form.Item>
      <Form.Item
        name="evidence"
        label="证据材料"
        rules={
          citedBefore
            ? []
            : [{ required: true, type: 'array', min: 1, message: '申请销号须引用至少一份证据材料（上传或选择已上传的附件）' }]
        }
        extra={citedBefore ? '本轮整改进展已引用证据材料，可再补充。' : undefined}
      >
        <EvidencePicker
          attached={detail.files}
          uploadPath={`/findings/${encodeURIComponent(detail.findingId)}/evidence`}
          step="signOff"
          onUploaded={() => void refresh()}
          onBusy={setUploading}
        />
      </Form.Item>
      <Button type="primary" disabled={uploading} htmlType="submit" loading={submit.isPending}>
        申请销号
      </Button>
    </Form>
  );
}

interface ExtensionValues {
  reason: string;
  requestedDueAt: Dayjs;
}

function ExtensionRequestForm({ detail }: { detail: FindingDetail }) {
  const [form] = Form.useForm<ExtensionValues>();
  const refresh = useRefreshFinding(detail.findingId);
  const submit = useStepMutation<ExtensionValues>({
    form,
    done: '延期申请已提交，等待监督员审批',
    refresh,
    send: (v) =>
      call(
        api.POST('/findings/{findingId}/extension-request', {
          params: { path: { findingId: detail.findingId } },
          body: { reason: v.reason.trim(), requestedDueAt: dateOf(v.requestedDueAt)! },
        }),
      ),
  });
  return (
    <Form<ExtensionValues> form={form} layout="vertical" name="extensionRequest" onFinish={(values) => submit.mutate(values)}>
      <Form.Item name="requestedDueAt" label="申请延期至" rules={[{ required: true, message: '请选择申请延期至的日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={beforeTomorrow} />
      </Form.Item>
      <Form.Item name="reason" label="延期理由" rules={textRules('延期理由', TEXT_MAX)}>
        <Input.TextArea rows={3} showCount maxLength={TEXT_MAX} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        提交延期申请
      </Button>
    </Form>
  );
}

/**
 * 整改办理: the hospital's forms, each shown only while the finding's state lets it through
 * (the decider's rules: a notice first; progress and sign-off after a plan; no step while sign-off
 * is requested; one pending extension at a time).
 */
export function HospitalFindingSteps({ detail }: { detail: FindingDetail }) {
  const { status, rectification } = detail;
  if (status === 'open') return <Alert type="info" showIcon message="监督员尚未下达整改通知书，下达后可在此提交整改方案。" />;
  if (status === 'signOffRequested') return <Alert type="warning" showIcon message="已申请销号，等待监督员审核。" />;
  if (status === 'signedOff' || status === 'withdrawn') return null;
  const planned = status === 'inProgress';
  const items = [
    { key: 'plan', label: planned ? '修订整改方案' : '整改方案', children: <PlanForm detail={detail} /> },
    ...(planned
      ? [
          { key: 'progress', label: '整改进展', children: <ProgressForm detail={detail} /> },
          { key: 'signOff', label: '申请销号', children: <SignOffRequestForm detail={detail} /> },
        ]
      : []),
    ...(rectification.pendingExtension
      ? []
      : [{ key: 'extension', label: '申请延期', children: <ExtensionRequestForm detail={detail} /> }]),
  ];
  return (
    <Card title="整改办理" size="small">
      {!planned && <Typography.Paragraph type="secondary">请先提交整改方案，之后可报送整改进展、申请销号。</Typography.Paragraph>}
      <Tabs key={status} defaultActiveKey={planned ? 'progress' : 'plan'} items={items} />
    </Card>
  );
}
