import { Button, Card, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../client/client';
import { call } from '../client/errors';
import { newActionKey } from '../inspector/inspector-api';
import { PATHS } from '../routes';
import { useMe } from '../session/use-session';
import { useCatalogue } from '../shared/catalogue';
import { namesOf } from '../shared/names';
import { textRules, useStepMutation } from '../shared/step-mutation';
import { beijingDateTime } from '../shared/time';
import { REFERRING_ROLES, useReferralAgencies, useReferralPage, useRefreshReferrals } from './referral-queries';

interface ReferValues {
  agencyId: string;
  reason: string;
}

/**
 * 移交协查 form: the partner agency (those the referrer may pick, the most local first) and the reason.
 * The API makes the case file from the case as the referrer reads it, without personal data; a
 * refusal (an agency not competent for this case …) shows under its field and nothing is written.
 */
function ReferForm({ sourceStream, onClose }: { sourceStream: string; onClose: () => void }) {
  const words = useCatalogue();
  const navigate = useNavigate();
  const refresh = useRefreshReferrals();
  const agencies = useReferralAgencies(true);
  const names = namesOf(agencies.data);
  const [form] = Form.useForm<ReferValues>();
  // One key per opened form: a double click or a retry after a lost answer refers once.
  const [key] = useState(newActionKey);
  const refer = useStepMutation({
    form,
    send: (values: ReferValues) =>
      call(
        api.POST('/referrals', {
          params: { header: { 'Idempotency-Key': key } },
          body: { sourceStream, agencyId: values.agencyId, reason: values.reason.trim() },
        }),
      ),
    done: '已移交，移交案卷已生成',
    then: (receipt) => void navigate(PATHS.referral(receipt.id)),
    refresh,
  });
  return (
    <Modal
      title="移交协查"
      open
      okText="确认移交"
      cancelText="返回"
      okButtonProps={{ loading: refer.isPending }}
      onCancel={onClose}
      onOk={() =>
        void form
          .validateFields()
          .then((values) => refer.mutate(values))
          .catch(() => undefined)
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        移交后系统将生成本案的案卷（完整办理经过与附件，不含投诉人等个人信息），随移交一并送达协同部门，由其签收并反馈处理结果。
      </Typography.Paragraph>
      <Form<ReferValues> form={form} layout="vertical">
        <Form.Item name="agencyId" label="接收部门" rules={[{ required: true, message: '请选择接收的协同部门' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={agencies.isLoading}
            placeholder="选择纪检监察、公安、医保等协同部门"
            notFoundContent={agencies.isError ? '协同部门加载失败' : '暂无可移交的协同部门'}
            options={(agencies.data?.agencies ?? []).map((agency) => ({
              value: agency.id,
              label: `${agency.name}（${words.label('agencyTypes', agency.agencyType)} · ${names[agency.parentId] ?? agency.parentId}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label="移交理由" rules={textRules('移交理由', 2000)}>
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="如：涉嫌欺诈骗取医保基金，依规移送公安机关" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 移交协查 on a case's page (finding, complaint), for the roles that refer (inspector, leader): the
 * referrals already made of this case, each a link to its page, and the button opening the form.
 */
export function CaseReferrals({ sourceStream }: { sourceStream: string }) {
  const words = useCatalogue();
  const role = useMe().data?.actor.role ?? '';
  const allowed = REFERRING_ROLES.includes(role);
  const made = useReferralPage({ sourceStream }, allowed);
  const [open, setOpen] = useState(false);
  if (!allowed) return null;
  const names = namesOf(made.data);
  const rows = made.data?.items ?? [];
  return (
    <Card
      title="移交协查"
      size="small"
      extra={
        <Button size="large" onClick={() => setOpen(true)}>
          移交协查
        </Button>
      }
    >
      {rows.length === 0 ? (
        <Typography.Text type="secondary">尚未移交。涉嫌违纪、违法或骗保的，可移交纪检监察、公安、医保等协同部门。</Typography.Text>
      ) : (
        <List
          aria-label="本案的移交"
          size="small"
          dataSource={rows}
          rowKey="referralId"
          renderItem={(row) => (
            <List.Item>
              <Link to={PATHS.referral(row.referralId)}>{names[row.toUnit] ?? row.toUnit}</Link>
              <span>
                <Tag color={row.status === 'closed' ? 'default' : 'blue'}>{words.label('referralStatuses', row.status)}</Tag>
                {beijingDateTime(row.referredAt)}
              </span>
            </List.Item>
          )}
        />
      )}
      {open && <ReferForm sourceStream={sourceStream} onClose={() => setOpen(false)} />}
    </Card>
  );
}
