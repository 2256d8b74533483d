import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { newActionKey } from '../../inspector/inspector-api';
import { PATHS } from '../../routes';
import { useMe } from '../../session/use-session';
import { textRules } from '../../shared/step-mutation';
import { CampaignPlanValues, phasesBody, scopeBody, showRefusal } from './campaign-form';
import { useCampaignRefresh, useIssuingUnits } from './campaign-queries';
import { CampaignPhasesFields } from './CampaignPhasesFields';
import { CampaignScopeFields } from './CampaignScopeFields';

interface LaunchValues extends CampaignPlanValues {
  issuingUnitId?: string;
  year?: number;
}

/** The API's limits (CAMPAIGN_TITLE_MAX, CAMPAIGN_YEARS). */
const TITLE_MAX = 200;
const YEARS = { min: 2000, max: 2100 };

/**
 * 发起专项行动: title, issuing unit (the reader's own by default, or a commission unit below it),
 * year, scope and phases with their reports. Nothing is checked here that the API checks: its
 * refusal shows under the field it names (a phase overlapping the one before, a day outside the
 * year …) and nothing is written; once launched, the campaign's page opens.
 */
export function LaunchCampaignForm({ defaultYear, onDone }: { defaultYear: number; onDone: () => void }) {
  const [form] = Form.useForm<LaunchValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const refresh = useCampaignRefresh();
  const directory = useIssuingUnits();
  const issuingUnitId = Form.useWatch('issuingUnitId', form);
  const [key, setKey] = useState(newActionKey);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const launch = useMutation({
    mutationFn: (values: LaunchValues) =>
      call(
        api.POST('/campaigns', {
          params: { header: { 'Idempotency-Key': key } },
          body: {
            title: values.title?.trim() ?? '',
            year: values.year ?? defaultYear,
            ...(values.issuingUnitId ? { issuingUnitId: values.issuingUnitId } : {}),
            scope: scopeBody(values.scope),
            phases: phasesBody(values.phases),
          },
        }),
      ),
    onSuccess: async (receipt) => {
      void message.success('专项行动已发起');
      setKey(newActionKey());
      await refresh();
      onDone();
      navigate(PATHS.campaign(receipt.id));
    },
    onError: (error) => {
      const refusal = showRefusal(form, error);
      void message.error(refusal.summary);
      setUnplaced(refusal.unplaced);
    },
  });
  const ownUnit = me.data?.actor.unit;
  return (
    <Form<LaunchValues>
      form={form}
      layout="vertical"
      aria-label="发起专项行动"
      initialValues={{ year: defaultYear, issuingUnitId: ownUnit, phases: [{ reports: [] }], scope: {} }}
      onFinish={(values) => {
        setUnplaced([]);
        launch.mutate(values);
      }}
    >
      <Form.Item name="title" label="行动名称" rules={textRules('行动名称', TITLE_MAX)}>
        <Input maxLength={TITLE_MAX} placeholder="如：2025年医德医风专项行动" />
      </Form.Item>
      <Form.Item name="issuingUnitId" label="发文单位" rules={[{ required: true, message: '请选择发文单位' }]}>
        <Select
          loading={directory.loading}
          showSearch={{ optionFilterProp: 'label' }}
          options={directory.commissions.map((unit) => ({ value: unit.id, label: unit.name }))}
          onChange={() => {
            form.setFieldValue(['scope', 'institutionIds'], []);
            form.setFieldValue(['scope', 'commissionUnitIds'], []);
          }}
        />
      </Form.Item>
      <Form.Item name="year" label="年度" extra="各阶段均须在该年度内" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber min={YEARS.min} max={YEARS.max} precision={0} style={{ width: 160 }} suffix="年" />
      </Form.Item>
      <CampaignScopeFields
        institutions={directory.institutionsUnder(issuingUnitId ?? ownUnit)}
        commissions={directory.commissionsUnder(issuingUnitId ?? ownUnit)}
        loading={directory.loading}
      />
      <CampaignPhasesFields />
      {unplaced.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={unplaced.join('；')} />}
      <Button type="primary" htmlType="submit" block size="large" loading={launch.isPending}>
        发起专项行动
      </Button>
    </Form>
  );
}
