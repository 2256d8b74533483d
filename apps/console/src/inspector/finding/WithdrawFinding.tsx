import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { findingKey, useRefreshAfterStep } from '../inspector-api';
import { useStepMutation } from '../../shared/step-mutation';

/** 撤销问题: for a finding opened in error; it stays on the record as withdrawn, with the reason. */
export function WithdrawFinding({ findingId }: { findingId: string }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const refreshAfterStep = useRefreshAfterStep();
  const withdraw = useStepMutation({
    send: (reason: string) => call(api.POST('/findings/{findingId}/withdraw', { params: { path: { findingId } }, body: { reason } })),
    done: '问题已撤销',
    refresh: () => refreshAfterStep(findingKey(findingId)),
  });
  return (
    <>
      <Button danger type="link" onClick={() => setOpen(true)}>
        撤销此问题（误登记）
      </Button>
      <Modal
        title="撤销问题"
        open={open}
        okText="确认撤销"
        cancelText="返回"
        okButtonProps={{ danger: true, loading: withdraw.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() => void form.validateFields().then((values) => withdraw.mutate(values.reason.trim(), { onSuccess: () => setOpen(false) }))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="撤销原因" rules={[{ required: true, whitespace: true, message: '请填写撤销原因' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
