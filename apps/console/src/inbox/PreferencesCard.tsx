import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Collapse, Form, Switch, Typography } from 'antd';
import { api, type Schemas } from '../client/client';
import { call, messageOf } from '../client/errors';
import { KindPreferences } from './KindPreferences';

/** 接收方式: e-mail and SMS on or off (站内消息 is always on), and per notification kind (按类型设置). */
export function PreferencesCard() {
  const queries = useQueryClient();
  const { message } = App.useApp();
  const preferences = useQuery({ queryKey: ['notification-preferences'], queryFn: () => call(api.GET('/me/notification-preferences')) });
  const save = useMutation({
    mutationFn: (change: { email?: boolean; sms?: boolean; overrides?: Schemas['KindOverrideDto'][] }) => {
      const current = preferences.data!;
      return call(
        api.PUT('/me/notification-preferences', {
          body: { email: current.email, sms: current.sms, overrides: [...current.overrides], ...change },
        }),
      );
    },
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['notification-preferences'] });
      void message.success('接收方式已保存');
    },
    onError: (error) => void message.error(messageOf(error)),
  });
  const data = preferences.data;
  return (
    <Card title="接收方式" loading={!data}>
      {data && (
        <Form layout="inline">
          <Form.Item label="站内消息">
            <Switch checked disabled aria-label="站内消息（始终开启）" />
          </Form.Item>
          <Form.Item label="电子邮件">
            <Switch checked={data.email} loading={save.isPending} onChange={(email) => save.mutate({ email })} aria-label="电子邮件通知" />
          </Form.Item>
          <Form.Item label="短信">
            <Switch checked={data.sms} loading={save.isPending} onChange={(sms) => save.mutate({ sms })} aria-label="短信通知" />
          </Form.Item>
          <Typography.Text type="secondary">邮件与短信需管理员登记邮箱、手机号并开通通道后才会送达。</Typography.Text>
        </Form>
      )}
      {data && (
        <Collapse
          ghost
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'kinds',
              label: `按通知类型设置${data.overrides.length > 0 ? `（已单独设置 ${data.overrides.length} 类）` : ''}`,
              children: <KindPreferences preferences={data} saving={save.isPending} onChange={(overrides) => save.mutate({ overrides })} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
