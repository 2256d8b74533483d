import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, type Schemas } from '../../client/client';
import { call } from '../../client/errors';
import { beijingDate, beijingDateTime } from '../../shared/time';
import { findingKey, useRefreshAfterStep } from '../inspector-api';
import { useStepMutation } from '../../shared/step-mutation';

type PendingExtension = Schemas['InspectionPendingExtensionDto'];

interface ApprovalValues {
  how: 'asked' | 'workingDays' | 'dueDate';
  workingDays?: number;
  dueDate?: string;
  comment?: string;
}

/** 延期审批: the hospital's reason and date asked; approve as asked, by working days or to a date, or deny. */
export function ExtensionDecision({
  findingId,
  pending,
  currentDueAt,
}: {
  findingId: string;
  pending: PendingExtension;
  currentDueAt: string | null;
}) {
  const [form] = Form.useForm<ApprovalValues>();
  const how = Form.useWatch('how', form);
  const [denying, setDenying] = useState(false);
  const [denyForm] = Form.useForm<{ reason: string }>();
  const refreshAfterStep = useRefreshAfterStep();
  const approve = useStepMutation({
    send: (values: ApprovalValues) =>
      call(
        api.POST('/findings/{findingId}/extension-approval', {
          params: { path: { findingId } },
          body: {
            extensionId: pending.extensionId,
            workingDays: values.how === 'workingDays' ? values.workingDays : undefined,
            dueDate: values.how === 'dueDate' ? values.dueDate : undefined,
            comment: values.comment?.trim() || undefined,
          },
        }),
      ),
    done: '已批准延期',
    refresh: () => refreshAfterStep(findingKey(findingId)),
  });
  const deny = useStepMutation({
    send: (reason: string) =>
      call(
        api.POST('/findings/{findingId}/extension-denial', {
          params: { path: { findingId } },
          body: { extensionId: pending.extensionId, reason },
        }),
      ),
    done: '已不予延期',
    refresh: () => refreshAfterStep(findingKey(findingId)),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="warning"
        showIcon
        message={`医院申请延期至 ${beijingDate(pending.requestedDueAt)}`}
        description={
          <>
            <Typography.Paragraph style={{ margin: 0 }}>理由：{pending.reason}</Typography.Paragraph>
            {currentDueAt && <Typography.Text type="secondary">当前期限 {beijingDateTime(currentDueAt)}</Typography.Text>}
          </>
        }
      />
      <Form<ApprovalValues>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ how: 'asked' }}
        onFinish={(values) => approve.mutate(values)}
      >
        <Form.Item name="how" label="批准方式">
          <Radio.Group
            options={[
              { value: 'asked', label: '按申请日期' },
              { value: 'workingDays', label: '延长若干工作日' },
              { value: 'dueDate', label: '指定截止日期' },
            ]}
          />
        </Form.Item>
        {how === 'workingDays' && (
          <Form.Item name="workingDays" label="延长工作日数" rules={[{ required: true, message: '请填写天数' }]}>
            <InputNumber min={1} max={30} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {how === 'dueDate' && (
          <Form.Item name="dueDate" label="新的截止日期" rules={[{ required: true, message: '请选择日期' }]}>
            <Input type="date" />
          </Form.Item>
        )}
        <Form.Item name="comment" label="审批意见">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <div className="field-actions" style={{ display: 'flex', gap: 8 }}>
          <Button type="primary" htmlType="submit" loading={approve.isPending} style={{ flex: 1 }}>
            批准延期
          </Button>
          <Button danger onClick={() => setDenying(true)} style={{ flex: 1 }}>
            不予延期
          </Button>
        </div>
      </Form>
      <Modal
        title="不予延期"
        open={denying}
        okText="确认"
        cancelText="返回"
        okButtonProps={{ danger: true, loading: deny.isPending }}
        onCancel={() => setDenying(false)}
        onOk={() =>
          void denyForm.validateFields().then((values) => deny.mutate(values.reason.trim(), { onSuccess: () => setDenying(false) }))
        }
        destroyOnHidden
      >
        <Form form={denyForm} layout="vertical">
          <Form.Item name="reason" label="不予延期理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
