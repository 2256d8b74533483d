import { Button, DatePicker, Form, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCatalogue } from '../shared/catalogue';
import { FiltersFold } from '../shared/FiltersFold';
import { DrillFilter, DrillKey } from './leader-filters';

/** The date range each end belongs to. */
const RANGE_OF: Partial<Record<DrillKey, string>> = { from: 'opened', to: 'opened', signedOffFrom: 'signedOff', signedOffTo: 'signedOff' };

const YES_NO = (yes: string, no: string) => [
  { value: 'true', label: yes },
  { value: 'false', label: no },
];

/**
 * The drill-down list's filters, read from and written to its URL: what a chart opened it with can
 * be changed or cleared here. The 销号日期 window a trend opens it with shows as a tag to clear. On a
 * phone they fold behind 筛选 (with how many are set), so the rows come first.
 */
export function FindingFilters({
  filter,
  institutions,
  onChange,
}: {
  filter: DrillFilter;
  institutions: { value: string; label: string }[];
  onChange: (next: DrillFilter) => void;
}) {
  const words = useCatalogue();
  const set = (key: DrillKey, value: string | undefined) => onChange({ ...filter, [key]: value || undefined });
  const select = (key: DrillKey, label: string, options: { value: string; label: string }[], width = 150) => (
    <Form.Item label={label}>
      <Select
        aria-label={label}
        allowClear
        placeholder="全部"
        style={{ width }}
        value={filter[key]}
        options={options}
        showSearch
        optionFilterProp="label"
        onChange={(value?: string) => set(key, value)}
      />
    </Form.Item>
  );
  // Filters as the form shows them: a date range is one, whichever of its ends is set.
  const controls = (Object.keys(filter) as DrillKey[]).filter((key) => filter[key]).map((key) => RANGE_OF[key] ?? key);
  const active = new Set(controls).size;
  return (
    <FiltersFold active={active}>
      <Form layout="inline" className="ledger-filters" aria-label="筛选条件">
        {select('institutionId', '机构', institutions, 200)}
        {select('category', '问题类别', words.options('findingCategories'), 200)}
        {select('status', '状态', words.options('findingStatuses'), 170)}
        {select('active', '是否在改', YES_NO('整改中', '已办结'), 110)}
        {select('overdue', '是否逾期', YES_NO('已逾期', '未逾期'), 110)}
        {select('escalationRung', '督办层级', words.options('escalationRungs'), 140)}
        <Form.Item label="发现日期">
          <DatePicker.RangePicker
            aria-label="发现日期"
            value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
            onChange={(dates) => onChange({ ...filter, from: dates?.[0]?.format('YYYY-MM-DD'), to: dates?.[1]?.format('YYYY-MM-DD') })}
          />
        </Form.Item>
        {(filter.signedOffFrom || filter.signedOffTo) && (
          <Form.Item>
            <Tag closable onClose={() => onChange({ ...filter, signedOffFrom: undefined, signedOffTo: undefined })}>
              销号日期 {filter.signedOffFrom ?? '…'} 至 {filter.signedOffTo ?? '…'}
            </Tag>
          </Form.Item>
        )}
        <Form.Item>
          <Space>
            <Button onClick={() => onChange({})}>重置</Button>
          </Space>
        </Form.Item>
      </Form>
    </FiltersFold>
  );
}
