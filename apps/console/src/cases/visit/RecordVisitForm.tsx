import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../client/client';
import { call, messageOf } from '../../client/errors';
import { beijingToday } from '../../shared/time';
import { newActionKey, useRefreshAfterStep, visitKey } from '../../inspector/inspector-api';

interface RecordValues {
  conductedOn: string;
  summary?: string;
}

/** 记录检查: the day it took place (not in the future) and what was inspected; or cancel it with a reason. */
export function RecordVisitForm({ visitId }: { visitId: string }) {
  const { message } = App.useApp();
  const refresh = useRefreshAfterStep();
  const [key, setKey] = useState(newActionKey);
  const [cancelling, setCancelling] = useState(false);
  const [cancelForm] = Form.useForm<{ reason: string }>();
  const record = useMutation({
    mutationFn: (values: RecordValues) =>
      call(
        api.POST('/visits/{visitId}/record', {
          params: { path: { visitId }, header: { 'Idempotency-Key': key } },
          body: { conductedOn: values.conductedOn, summary: values.summary?.trim() || undefined },
        }),
      ),
    onSuccess: async () => {
      setKey(newActionKey());
      message.success('检查已记录，可以登记发现的问题');
      await refresh([...visitKey(visitId)]);
    },
    onError: (error) => message.error(messageOf(error)),
  });
  const cancel = useMutation({
    mutationFn: (reason: string) => call(api.POST('/visits/{visitId}/cancel', { params: { path: { visitId } }, body: { reason } })),
    onSuccess: async () => {
      setCancelling(false);
      message.success('检查已取消');
      await refresh([...visitKey(visitId)]);
    },
    onError: (error) => message.error(messageOf(error)),
  });
  return (
    <>
      <Form<RecordValues>
        layout="vertical"
        size="large"
        initialValues={{ conductedOn: beijingToday() }}
        onFinish={(values) => record.mutate(values)}
      >
        <Form.Item name="conductedOn" label="检查日期" rules={[{ required: true, message: '请填写检查日期' }]}>
          <Input type="date" max={beijingToday()} />
        </Form.Item>
        <Form.Item name="summary" label="检查情况" extra="检查范围、重点科室等（可选）">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <div className="field-actions" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Button type="primary" htmlType="submit" loading={record.isPending} style={{ flex: 1 }}>
            记录检查
          </Button>
          <Button danger onClick={() => setCancelling(true)}>
            取消检查
          </Button>
        </div>
      </Form>
      <Modal
        title="取消检查"
        open={cancelling}
        okText="确认取消检查"
        cancelText="返回"
        okButtonProps={{ danger: true, loading: cancel.isPending }}
        onCancel={() => setCancelling(false)}
        onOk={() => void cancelForm.validateFields().then((values) => cancel.mutate(values.reason.trim()))}
        destroyOnHidden
      >
        <Form form={cancelForm} layout="vertical">
          <Form.Item name="reason" label="取消原因" rules={[{ required: true, whitespace: true, message: '请填写取消原因' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
