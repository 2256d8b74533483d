import { Button, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';

/**
 * A step whose only input is one text (督办 reason, 停表 reason, 办结 reason …): a button opening a
 * small labelled form. `run` resolves when the step succeeded (the modal then closes).
 */
export function TextStepButton({
  label,
  fieldLabel,
  required = true,
  placeholder,
  danger,
  type,
  loading,
  maxLength = 2000,
  run,
}: {
  label: string;
  fieldLabel: string;
  required?: boolean;
  placeholder?: string;
  danger?: boolean;
  type?: ButtonProps['type'];
  loading: boolean;
  /** The API's cap on the text. */
  maxLength?: number;
  run: (text: string | undefined) => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ text?: string }>();
  return (
    <>
      <Button size="large" danger={danger} type={type} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        title={label}
        open={open}
        okText="确认"
        cancelText="返回"
        okButtonProps={{ danger, loading }}
        onCancel={() => setOpen(false)}
        onOk={() =>
          void form
            .validateFields()
            .then((values) => run(values.text?.trim() || undefined))
            .then(() => setOpen(false))
            .catch(() => undefined)
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="text"
            label={fieldLabel}
            rules={required ? [{ required: true, whitespace: true, message: `请填写${fieldLabel}` }] : []}
          >
            <Input.TextArea rows={3} maxLength={maxLength} placeholder={placeholder} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
