import { Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { useCatalogue } from '../../shared/catalogue';
import { complaintKey, useRefreshAfterStep } from '../inspector-api';
import { useStepMutation } from '../../shared/step-mutation';

interface DeclineValues {
  ground: 'litigation' | 'mediation' | 'petition' | 'other';
  reason: string;
}

/** 不予受理: out of scope (已诉讼, 已调解, 已走信访 …), with the reason the complainant will be told. */
export function DeclineButton({ ticketId }: { ticketId: string }) {
  const words = useCatalogue();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DeclineValues>();
  const refreshAfterStep = useRefreshAfterStep();
  const decline = useStepMutation({
    send: (values: DeclineValues) =>
      call(
        api.POST('/complaints/{id}/decline', {
          params: { path: { id: ticketId } },
          body: { ground: values.ground, reason: values.reason.trim() },
        }),
      ),
    done: '已不予受理',
    refresh: () => refreshAfterStep(complaintKey(ticketId)),
  });
  return (
    <>
      <Button size="large" danger onClick={() => setOpen(true)}>
        不予受理
      </Button>
      <Modal
        title="不予受理"
        open={open}
        okText="确认"
        cancelText="返回"
        okButtonProps={{ danger: true, loading: decline.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() => void form.validateFields().then((values) => decline.mutate(values, { onSuccess: () => setOpen(false) }))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="ground" label="不予受理情形" rules={[{ required: true, message: '请选择情形' }]}>
            <Select options={words.options('declineGrounds')} />
          </Form.Item>
          <Form.Item name="reason" label="说明" rules={[{ required: true, whitespace: true, message: '请填写说明' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
