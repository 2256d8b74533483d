import { useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { api, type Schemas } from '../client/client';
import { call } from '../client/errors';
import { TextStepButton } from '../inspector/complaint/TextStepButton';
import { useCatalogue } from '../shared/catalogue';
import { EvidencePicker } from '../shared/EvidencePicker';
import { textRules, useStepMutation } from '../shared/step-mutation';
import { ReferralDetail, REFERRING_ROLES, useRefreshReferrals } from './referral-queries';

interface OutcomeValues {
  outcome: Schemas['RecordReferralOutcomeDto']['outcome'];
  text: string;
  evidence?: string[];
}

/** 签收: the agency takes the referral in (late once its deadline passed; the API records which). */
function AcknowledgeStep({ referralId }: { referralId: string }) {
  const refresh = useRefreshReferrals();
  const acknowledge = useStepMutation({
    send: () => call(api.POST('/referrals/{referralId}/acknowledge', { params: { path: { referralId } } })),
    done: '已签收',
    refresh,
  });
  return (
    <Space orientation="vertical">
      <Typography.Text>请下载并查阅移交案卷，确认接收后签收；签收后可上传材料并反馈处理结果。</Typography.Text>
      <Button type="primary" size="large" loading={acknowledge.isPending} onClick={() => acknowledge.mutate(undefined)}>
        签收
      </Button>
    </Space>
  );
}

/** 办理结果: what the agency did (立案 / 不予立案 / 处分 …), in its words, citing documents it uploads here. */
function OutcomeForm({ referral }: { referral: ReferralDetail }) {
  const words = useCatalogue();
  const refresh = useRefreshReferrals();
  const [form] = Form.useForm<OutcomeValues>();
  const [uploading, setUploading] = useState(false);
  const { referralId } = referral;
  const record = useStepMutation({
    form,
    send: (values: OutcomeValues) =>
      call(
        api.POST('/referrals/{referralId}/outcome', {
          params: { path: { referralId } },
          body: {
            outcome: values.outcome,
            text: values.text.trim(),
            ...(values.evidence?.length ? { evidence: values.evidence } : {}),
          },
        }),
      ),
    done: '处理结果已反馈',
    refresh,
  });
  const documents = referral.files.filter((file) => file.step === 'referralOutcome');
  return (
    <Form<OutcomeValues> form={form} layout="vertical" initialValues={{ evidence: [] }} onFinish={(values) => record.mutate(values)}>
      <Form.Item name="outcome" label="处理结果" rules={[{ required: true, message: '请选择处理结果' }]}>
        <Select options={words.options('referralOutcomes')} placeholder="选择处理结果" />
      </Form.Item>
      <Form.Item name="text" label="处理情况" rules={textRules('处理情况', 5000)}>
        <Input.TextArea rows={4} maxLength={5000} showCount placeholder="如：已立案侦查，案号……" />
      </Form.Item>
      <Form.Item name="evidence" label="相关材料" extra="立案决定书、处理决定书等（可选）；上传后自动引用">
        <EvidencePicker
          attached={documents}
          uploadPath={`/referrals/${encodeURIComponent(referralId)}/evidence`}
          onUploaded={() => void refresh()}
          onBusy={setUploading}
        />
      </Form.Item>
      <Button type="primary" disabled={uploading} htmlType="submit" size="large" loading={record.isPending}>
        提交处理结果
      </Button>
    </Form>
  );
}

/** 办结: the commission closes the referral once the agency answered (a note is optional). */
function CloseStep({ referralId }: { referralId: string }) {
  const refresh = useRefreshReferrals();
  const close = useStepMutation({
    send: (note: string | undefined) =>
      call(api.POST('/referrals/{referralId}/close', { params: { path: { referralId } }, body: note ? { note } : {} })),
    done: '移交已办结',
    refresh,
  });
  return (
    <Space orientation="vertical">
      <Typography.Text>协同部门已反馈处理结果，核对无误后办结。</Typography.Text>
      <TextStepButton
        label="办结"
        type="primary"
        fieldLabel="办结意见"
        required={false}
        placeholder="可选，如：结果已录入整改台账"
        loading={close.isPending}
        run={(note) => close.mutateAsync(note)}
      />
    </Space>
  );
}

/**
 * The steps open to the reader on a referral: the agency's partner 签收 then 办理结果; the commission's
 * staff 办结 once answered. Shown only while the referral's state allows them; the API still decides.
 */
export function ReferralSteps({ referral, role }: { referral: ReferralDetail; role: string }) {
  const { status, referralId } = referral;
  if (role === 'partner' && status === 'referred')
    return (
      <Card title="签收" size="small">
        <AcknowledgeStep referralId={referralId} />
      </Card>
    );
  if (role === 'partner' && status === 'acknowledged')
    return (
      <Card title="办理结果" size="small">
        <OutcomeForm referral={referral} />
      </Card>
    );
  if (REFERRING_ROLES.includes(role) && status === 'answered')
    return (
      <Card title="办结" size="small">
        <CloseStep referralId={referralId} />
      </Card>
    );
  if (REFERRING_ROLES.includes(role) && (status === 'referred' || status === 'acknowledged'))
    return <Typography.Text type="secondary">等待协同部门{status === 'referred' ? '签收' : '反馈处理结果'}。</Typography.Text>;
  return null;
}
