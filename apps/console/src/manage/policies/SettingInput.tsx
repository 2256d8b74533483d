import { Form, Input, InputNumber, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Setting } from './policy-values';

const JSON_RULE: Rule = {
  validator: (_rule, text: unknown) => {
    if (typeof text !== 'string') return Promise.resolve();
    try {
      JSON.parse(text);
      return Promise.resolve();
    } catch {
      return Promise.reject(new Error('不是有效的 JSON（列表写作 ["a", "b"]）'));
    }
  },
};

/** The control for one setting by the type of its default: a number, a switch, a text, or a list as JSON. */
export function SettingInput({ setting, label }: { setting: Setting; label: string }) {
  const name = ['settings', setting.path];
  const kind = typeof setting.defaultValue;
  if (kind === 'number')
    return (
      <Form.Item name={name} style={{ margin: 0 }} rules={[{ required: true, message: `请填写${label}` }]}>
        <InputNumber aria-label={label} style={{ width: 180 }} />
      </Form.Item>
    );
  if (kind === 'boolean')
    return (
      <Form.Item name={name} valuePropName="checked" style={{ margin: 0 }}>
        <Switch aria-label={label} checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
    );
  if (kind === 'string')
    return (
      <Form.Item name={name} style={{ margin: 0 }}>
        <Input aria-label={label} />
      </Form.Item>
    );
  return (
    <Form.Item name={name} style={{ margin: 0 }} rules={[JSON_RULE]}>
      <Input.TextArea aria-label={label} autoSize={{ minRows: 1, maxRows: 6 }} style={{ fontFamily: 'monospace' }} />
    </Form.Item>
  );
}
