import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../client/client';
import { ApiError, call, messageOf } from '../../client/errors';
import { newActionKey } from '../../inspector/inspector-api';
import { textRules } from '../../shared/step-mutation';
import { useCampaignRefresh } from './campaign-queries';

/** The API's limit on a close's reason (CAMPAIGN_REASON_MAX). */
const REASON_MAX = 500;

/**
 * 结束专项行动. The API refuses while the campaign's ledger has open rows (409 CAMPAIGN.OPEN_ROWS,
 * saying how many); the dialog then shows that refusal and offers 结转: closing with a required
 * reason, the open rows recorded as carried over and going on in their institutions' ledgers.
 */
export function CloseCampaign({ campaignId }: { campaignId: string }) {
  const { message } = App.useApp();
  const refresh = useCampaignRefresh();
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [key, setKey] = useState(newActionKey);
  const close = useMutation({
    mutationFn: (carryOver: { reason: string } | null) =>
      call(
        api.POST('/campaigns/{campaignId}/close', {
          params: { path: { campaignId }, header: { 'Idempotency-Key': key } },
          body: carryOver ? { carryOver: true, reason: carryOver.reason.trim() } : { carryOver: false },
        }),
      ),
    onSuccess: async () => {
      void message.success('专项行动已结束');
      setKey(newActionKey());
      setOpen(false);
      await refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'CAMPAIGN.OPEN_ROWS') return setRefusal(error);
      if (error instanceof ApiError)
        form.setFields(error.fields.filter((f) => f.field === 'reason').map((f) => ({ name: 'reason', errors: [f.message] })));
      void message.error(messageOf(error));
    },
  });
  const openRows = Number(refusal?.details['openRows'] ?? 0);
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        结束专项行动
      </Button>
      <Modal
        title="结束专项行动"
        open={open}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        afterClose={() => setRefusal(null)}
        footer={null}
      >
        {refusal ? (
          <Form form={form} layout="vertical" onFinish={(values) => close.mutate(values)}>
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={refusal.message} />
            <Typography.Paragraph>
              结转后，这 {openRows} 项问题记为本专项行动的结转问题，继续留在各机构的整改台账中按原期限整改。
            </Typography.Paragraph>
            <Form.Item name="reason" label="结转理由" rules={textRules('结转理由', REASON_MAX)}>
              <Input.TextArea rows={3} maxLength={REASON_MAX} showCount placeholder="如：剩余问题转入日常监管台账" />
            </Form.Item>
            <Button type="primary" danger htmlType="submit" block loading={close.isPending}>
              结转并结束
            </Button>
          </Form>
        ) : (
          <>
            <Typography.Paragraph>
              结束后，本专项行动不再接受检查和抽查归入；台账中的问题须已全部销号，否则可说明理由后结转。
            </Typography.Paragraph>
            <Button type="primary" danger block loading={close.isPending} onClick={() => close.mutate(null)}>
              确认结束
            </Button>
          </>
        )}
      </Modal>
    </>
  );
}
