import { useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { EvidencePicker } from '../../shared/EvidencePicker';
import { textRules, useStepMutation } from '../../shared/step-mutation';
import { REPORT_TEXT_MAX, ReportDuty, useRefreshDuty } from './duty-queries';

interface SubmitValues {
  text: string;
  evidence?: string[];
}

/**
 * 报送 (the owing unit — a hospital, or a lower commission — while it owes the report and its period is open): the report's text and its
 * files — each uploaded to the duty at once, then cited by digest. After a return the reasons are
 * shown above the form, with the text and files handed in last there to correct.
 */
export function SubmitReportForm({ duty }: { duty: ReportDuty }) {
  const [form] = Form.useForm<SubmitValues>();
  const [uploading, setUploading] = useState(false);
  const refresh = useRefreshDuty(duty.dutyId);
  const last = duty.submissions.at(-1);
  const returned = duty.status === 'returned' ? duty.reviews.filter((r) => r.outcome === 'returned').at(-1) : undefined;
  const submit = useStepMutation<SubmitValues>({
    form,
    done: '报送材料已提交，等待审核',
    refresh,
    send: (v) =>
      call(
        api.POST('/report-duties/{dutyId}/submit', {
          params: { path: { dutyId: duty.dutyId } },
          body: { text: v.text.trim(), ...(v.evidence?.length ? { evidence: v.evidence } : {}) },
        }),
      ),
  });
  if (duty.today < duty.opensOn)
    return (
      <Card title="报送" size="small">
        <Alert type="info" showIcon message={`该材料自 ${duty.opensOn} 起可报送。`} />
      </Card>
    );
  return (
    <Card title={returned ? '重新报送' : '报送'} size="small">
      {returned && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="报送材料被退回，请按退回理由修改后重新报送"
          description={<span style={{ whiteSpace: 'pre-wrap' }}>退回理由：{returned.note}</span>}
        />
      )}
      <Form<SubmitValues>
        form={form}
        layout="vertical"
        name="report"
        initialValues={{ text: last?.text, evidence: last?.evidence.map((file) => file.digest) }}
        onFinish={(values) => submit.mutate(values)}
      >
        <Form.Item name="text" label="报送内容" rules={textRules('报送内容', REPORT_TEXT_MAX)}>
          <Input.TextArea
            rows={6}
            showCount
            maxLength={REPORT_TEXT_MAX}
            placeholder="报送材料的主要内容，如工作开展情况、发现问题及整改情况"
          />
        </Form.Item>
        <Form.Item name="evidence" label="附件材料">
          <EvidencePicker
            attached={duty.files}
            uploadPath={`/report-duties/${encodeURIComponent(duty.dutyId)}/evidence`}
            onUploaded={() => void refresh()}
            onBusy={setUploading}
          />
        </Form.Item>
        <Button type="primary" disabled={uploading} htmlType="submit" size="large" loading={submit.isPending}>
          {returned ? '重新报送' : '提交报送'}
        </Button>
      </Form>
    </Card>
  );
}
