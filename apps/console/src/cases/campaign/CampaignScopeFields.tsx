import { Form, Select, Typography } from 'antd';
import { useCatalogue } from '../../shared/catalogue';
import type { DirectoryUnit } from './campaign-queries';

/** Typing searches the Chinese words shown, not the codes behind them. */
const SEARCH_LABELS = { optionFilterProp: 'label' } as const;

/**
 * 范围: institutions under the issuing unit with the chosen directory attributes (every list chosen
 * must match), plus those picked by name; every institution under the issuing unit when none is
 * chosen. The API resolves it when the campaign is launched or amended, and the campaign's page
 * shows what it resolved to.
 */
export function CampaignScopeFields({
  institutions,
  commissions,
  loading,
}: {
  institutions: readonly DirectoryUnit[];
  /** Commissions below the issuing unit: those picked owe the phases' reports too (none offered to a county). */
  commissions: readonly DirectoryUnit[];
  loading: boolean;
}) {
  const words = useCatalogue();
  return (
    <fieldset className="campaign-fieldset">
      <legend>范围</legend>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        按机构属性筛选发文单位管辖的医疗机构，或逐家指定（两者并用时合并计入）；都不选即为发文单位管辖的全部医疗机构。
      </Typography.Paragraph>
      <Form.Item name={['scope', 'institutionTypes']} label="机构类别">
        <Select mode="multiple" allowClear placeholder="不限" showSearch={SEARCH_LABELS} options={words.options('institutionTypes')} />
      </Form.Item>
      <Form.Item name={['scope', 'ownerships']} label="所有制">
        <Select mode="multiple" allowClear placeholder="不限" showSearch={SEARCH_LABELS} options={words.options('ownerships')} />
      </Form.Item>
      <Form.Item name={['scope', 'levels']} label="医院等级">
        <Select mode="multiple" allowClear placeholder="不限" showSearch={SEARCH_LABELS} options={words.options('hospitalLevels')} />
      </Form.Item>
      <Form.Item name={['scope', 'institutionIds']} label="指定机构">
        <Select
          mode="multiple"
          allowClear
          loading={loading}
          placeholder="输入名称查找"
          showSearch={SEARCH_LABELS}
          options={institutions.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
      </Form.Item>
      {commissions.length > 0 && (
        <Form.Item
          name={['scope', 'commissionUnitIds']}
          label="报送的下级卫生健康行政部门"
          extra="所选部门同样须按各阶段要求报送材料，由发文单位审核（不改变上面的医疗机构范围）"
        >
          <Select
            mode="multiple"
            allowClear
            placeholder="不选则仅医疗机构报送"
            showSearch={SEARCH_LABELS}
            options={commissions.map((unit) => ({ value: unit.id, label: unit.name }))}
          />
        </Form.Item>
      )}
    </fieldset>
  );
}
