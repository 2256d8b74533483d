import { Alert, Button, Form, Input, InputNumber, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../../client/client';
import { call } from '../../client/errors';
import { newActionKey } from '../../inspector/inspector-api';
import { useOpenCampaigns } from '../../shared/campaigns';
import { useCatalogue } from '../../shared/catalogue';
import { useStepMutation } from '../../shared/step-mutation';
import { beijingToday } from '../../shared/time';
import { useRefreshDraws } from './draw-queries';

/** What POST /draws takes: the form's fields are its fields. */
type DrawValues = Schemas['RequestDrawDto'];

/** The commission units of the user's subtree (a draw is made among the institutions under one of them). */
function useCommissionUnits() {
  const units = useQuery({ queryKey: ['directory', 'units'], queryFn: () => call(api.GET('/directory/units')), staleTime: 10 * 60_000 });
  return {
    loading: units.isLoading,
    options: (units.data?.units ?? [])
      .filter((unit) => unit.kind === 'province' || unit.kind === 'city' || unit.kind === 'county')
      .map((unit) => ({ value: unit.id, label: unit.name })),
  };
}

/**
 * 新建抽取: where, how many, how many inspectors a visit, when, within which campaign, and which
 * kinds of institution. The server makes the seed, publishes its SM3 (the commitment) and then draws.
 */
export function DrawForm({ defaultUnit, onDone }: { defaultUnit?: string; onDone: (drawId: string) => void }) {
  const [form] = Form.useForm<DrawValues>();
  const words = useCatalogue();
  const units = useCommissionUnits();
  const campaigns = useOpenCampaigns();
  const refresh = useRefreshDraws();
  const [key, setKey] = useState(newActionKey);
  const commit = useStepMutation({
    form,
    send: (values: DrawValues) =>
      call(
        api.POST('/draws', {
          params: { header: { 'Idempotency-Key': key } },
          body: { ...values, campaignId: values.campaignId || undefined },
        }),
      ),
    done: '已公布种子承诺并完成抽取',
    then: (draw) => {
      setKey(newActionKey());
      onDone(draw.drawId);
    },
    refresh,
  });
  const many = (vocabulary: 'institutionTypes' | 'ownerships' | 'hospitalLevels', label: string, name: keyof DrawValues) => (
    <Form.Item name={name} label={label} extra="可选；不选则不限">
      <Select mode="multiple" allowClear placeholder="不限" options={words.options(vocabulary)} />
    </Form.Item>
  );
  return (
    <Form<DrawValues>
      form={form}
      layout="vertical"
      size="large"
      initialValues={{ jurisdiction: defaultUnit, count: 3, inspectorsPerVisit: 2, plannedDate: beijingToday() }}
      onFinish={(values) => commit.mutate(values)}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="先承诺，后抽取"
        description="提交后系统生成随机种子，先记录并公开种子的 SM3 摘要（承诺），再按该种子抽取。种子在所有抽中机构的检查完成后公开，任何人都可核验抽取未被操纵。"
      />
      <Form.Item name="jurisdiction" label="抽查范围" rules={[{ required: true, message: '请选择抽查范围' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} loading={units.loading} options={units.options} />
      </Form.Item>
      <Form.Item name="count" label="抽取机构数" rules={[{ required: true, message: '请填写抽取机构数' }]}>
        <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="inspectorsPerVisit" label="每家机构的检查人员数" rules={[{ required: true, message: '请填写检查人员数' }]}>
        <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="plannedDate" label="计划检查日期" rules={[{ required: true, message: '请选择计划检查日期' }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="campaignId" label="所属专项行动" extra="可选；只在该专项行动范围内的机构中抽取">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={campaigns.loading}
          placeholder="不属于专项行动"
          options={campaigns.options}
          notFoundContent="没有进行中的专项行动"
        />
      </Form.Item>
      {many('institutionTypes', '机构类别', 'institutionTypes')}
      {many('ownerships', '所有制', 'ownerships')}
      {many('hospitalLevels', '医院等级', 'levels')}
      <Button type="primary" htmlType="submit" block loading={commit.isPending}>
        承诺并抽取
      </Button>
    </Form>
  );
}
