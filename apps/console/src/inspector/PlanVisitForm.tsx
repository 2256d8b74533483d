import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../client/client';
import { call, messageOf } from '../client/errors';
import { PATHS } from '../routes';
import { useOpenCampaigns } from '../shared/campaigns';
import { useCatalogue } from '../shared/catalogue';
import { newActionKey, useInstitutions, useRefreshAfterStep } from './inspector-api';
import { beijingToday } from '../shared/time';

interface PlanValues {
  institutionId: string;
  kind: 'routine' | 'unannounced' | 'random' | 'special';
  plannedDate: string;
  campaignId?: string;
}

/** 计划检查: the institution from the directory, the kind, the day, and the 专项行动 it belongs to, if any. */
export function PlanVisitForm({ onDone }: { onDone?: () => void }) {
  const [form] = Form.useForm<PlanValues>();
  const words = useCatalogue();
  const { institutions, loading } = useInstitutions();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshAfterStep();
  const [key, setKey] = useState(newActionKey);
  const campaigns = useOpenCampaigns();
  const plan = useMutation({
    mutationFn: (values: PlanValues) =>
      call(
        api.POST('/visits', {
          params: { header: { 'Idempotency-Key': key } },
          body: { ...values, campaignId: values.campaignId || undefined },
        }),
      ),
    onSuccess: async (receipt) => {
      message.success('检查计划已保存');
      setKey(newActionKey());
      await refresh(['visits']);
      onDone?.();
      navigate(PATHS.visit(receipt.id));
    },
    onError: (error) => message.error(messageOf(error)),
  });
  return (
    <Form<PlanValues>
      form={form}
      layout="vertical"
      size="large"
      initialValues={{ kind: 'routine', plannedDate: beijingToday() }}
      onFinish={(values) => plan.mutate(values)}
    >
      <Form.Item name="institutionId" label="被检查机构" rules={[{ required: true, message: '请选择被检查机构' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={loading}
          placeholder="输入名称查找"
          options={institutions.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
      </Form.Item>
      <Form.Item name="kind" label="检查方式" rules={[{ required: true, message: '请选择检查方式' }]}>
        <Select options={words.options('visitKinds').filter((option) => option.value !== 'self')} />
      </Form.Item>
      <Form.Item name="plannedDate" label="计划日期" rules={[{ required: true, message: '请选择计划日期' }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="campaignId" label="所属专项行动" extra="可选；机构须在该专项行动的范围内">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={campaigns.loading}
          placeholder="不属于专项行动"
          options={campaigns.options}
          notFoundContent="没有进行中的专项行动"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={plan.isPending}>
        保存检查计划
      </Button>
    </Form>
  );
}
