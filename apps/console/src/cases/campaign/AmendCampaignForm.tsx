import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { newActionKey } from '../../inspector/inspector-api';
import { textRules } from '../../shared/step-mutation';
import { CampaignPlanValues, phasesBody, planValuesOf, scopeBody, showRefusal } from './campaign-form';
import { CampaignDetail, useCampaignRefresh, useIssuingUnits } from './campaign-queries';
import { CampaignPhasesFields } from './CampaignPhasesFields';
import { CampaignScopeFields } from './CampaignScopeFields';

interface AmendValues extends CampaignPlanValues {
  reason?: string;
}

/** The API's limits (CAMPAIGN_TITLE_MAX, CAMPAIGN_REASON_MAX). */
const TITLE_MAX = 200;
const REASON_MAX = 500;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * 调整专项行动 while it runs: the title, the phases (as a whole) and the scope (as a whole, resolved
 * again against the directory), with a reason. Only what was changed is sent, so an untouched scope
 * is not resolved again; the API refuses a scope that leaves out an institution already visited
 * under the campaign, under the field.
 */
export function AmendCampaignForm({ campaign, onDone }: { campaign: CampaignDetail; onDone: () => void }) {
  const [form] = Form.useForm<AmendValues>();
  const { message } = App.useApp();
  const refresh = useCampaignRefresh();
  const directory = useIssuingUnits();
  const initial = useMemo(() => planValuesOf(campaign), [campaign]);
  const [key, setKey] = useState(newActionKey);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const amend = useMutation({
    mutationFn: (values: AmendValues) => {
      const title = values.title?.trim() ?? '';
      const phases = phasesBody(values.phases);
      // The lower commissions named at launch stay as they were: this form does not offer them.
      const scope = scopeBody({ ...values.scope, commissionUnitIds: initial.scope?.commissionUnitIds ?? [] });
      return call(
        api.POST('/campaigns/{campaignId}/amend', {
          params: { path: { campaignId: campaign.campaignId }, header: { 'Idempotency-Key': key } },
          body: {
            reason: values.reason?.trim() ?? '',
            ...(title !== initial.title ? { title } : {}),
            ...(same(phases, phasesBody(initial.phases)) ? {} : { phases }),
            ...(same(scope, scopeBody(initial.scope)) ? {} : { scope }),
          },
        }),
      );
    },
    onSuccess: async (receipt) => {
      void message.success(receipt.events.length ? '专项行动已调整' : '没有需要调整的内容');
      setKey(newActionKey());
      await refresh();
      onDone();
    },
    onError: (error) => {
      const refusal = showRefusal(form, error);
      void message.error(refusal.summary);
      setUnplaced(refusal.unplaced);
    },
  });
  return (
    <Form<AmendValues>
      form={form}
      layout="vertical"
      aria-label="调整专项行动"
      initialValues={initial}
      onFinish={(values) => {
        setUnplaced([]);
        amend.mutate(values);
      }}
    >
      <Form.Item name="title" label="行动名称" rules={textRules('行动名称', TITLE_MAX)}>
        <Input maxLength={TITLE_MAX} />
      </Form.Item>
      <CampaignScopeFields
        institutions={directory.institutionsUnder(campaign.issuingUnitId)}
        commissions={[] /* named at launch only, and kept as they were by the amend body above */}
        loading={directory.loading}
      />
      <CampaignPhasesFields />
      <Form.Item name="reason" label="调整原因" rules={textRules('调整原因', REASON_MAX)}>
        <Input.TextArea rows={2} maxLength={REASON_MAX} showCount placeholder="如：根据市卫健委补充通知调整阶段安排" />
      </Form.Item>
      {unplaced.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={unplaced.join('；')} />}
      <Button type="primary" htmlType="submit" block size="large" loading={amend.isPending}>
        保存调整
      </Button>
    </Form>
  );
}
