import { Form, Select } from 'antd';

/** 是否逾期: a list filter's overdue choice, sent as the API's `overdue=true|false` (none: all). */
export function OverdueFilter() {
  return (
    <Form.Item name="overdue" label="是否逾期">
      <Select
        allowClear
        placeholder="全部"
        style={{ width: 120 }}
        options={[
          { value: 'true', label: '已逾期' },
          { value: 'false', label: '未逾期' },
        ]}
      />
    </Form.Item>
  );
}
