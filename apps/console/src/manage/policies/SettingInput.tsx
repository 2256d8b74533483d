import { Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { isNumberText, listKindOf, type Setting } from './policy-values';

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

/** Every tag of a list of numbers must be a number. */
const NUMBER_TAGS_RULE: Rule = {
  validator: (_rule, tags: unknown) =>
    Array.isArray(tags) && tags.some((tag) => !isNumberText(tag))
      ? Promise.reject(new Error('每一项都必须是数字（如 0.5）'))
      : Promise.resolve(),
};

/**
 * The control for one setting by the type of its default: a number, a switch, a text, a list of
 * numbers or texts as tags (type a value, Enter to add), or any other list or map as JSON.
 */
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
  const list = listKindOf(setting);
  if (list !== 'json')
    return (
      <Form.Item name={name} style={{ margin: 0 }} rules={list === 'numbers' ? [NUMBER_TAGS_RULE] : []}>
        <Select
          mode="tags"
          aria-label={label}
          open={false}
          suffixIcon={null}
          tokenSeparators={[',', '，', ' ']}
          placeholder={list === 'numbers' ? '输入数字后回车' : '输入后回车'}
          style={{ minWidth: 240 }}
        />
      </Form.Item>
    );
  return (
    <Form.Item name={name} style={{ margin: 0 }} rules={[JSON_RULE]}>
      <Input.TextArea aria-label={label} autoSize={{ minRows: 1, maxRows: 6 }} style={{ fontFamily: 'monospace' }} />
    </Form.Item>
  );
}
