import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Form, Input, Space, Spin, Table, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useMemo } from 'react';
import { api } from '../../client/client';
import { ApiError, call, messageOf } from '../../client/errors';
import { useCatalogue } from '../../shared/catalogue';
import { textRules } from '../../shared/step-mutation';
import { manageKey, useManageRefresh } from '../manage-queries';
import { PolicyHistory } from './PolicyHistory';
import { formValueOf, overridesOf, sameValue, Setting, settingOfField, settingsOf, valueOfForm, valueText } from './policy-values';
import { SettingInput } from './SettingInput';

interface PolicyValues {
  settings: Record<string, unknown>;
  reason: string;
}

/** The label of `context.path`: each labelled level, e.g. 反馈时限（工作日） · 简单件. */
export function useSettingLabel(context: string): (path: string) => string {
  const words = useCatalogue();
  return (path) => {
    const keys = path.split('.');
    const parts = keys.map((_, i) => `${context}.${keys.slice(0, i + 1).join('.')}`);
    const labels = parts.map((key) => words.label('policySettings', key)).filter((label, i) => label !== parts[i]);
    return labels.length ? labels.join(' · ') : path;
  };
}

/**
 * Puts the API's refusal under the settings (or the reason) it names, the setting called by its
 * label rather than its path (字段 overrides.uses.ethics.maxBytes → 「…单个文件上限（字节）」); answers the toast's text.
 */
function showRefusal(
  form: FormInstance<PolicyValues>,
  error: unknown,
  settings: readonly Setting[],
  labelOf: (path: string) => string,
): string {
  if (!(error instanceof ApiError)) return messageOf(error);
  const named = (text: string, field: string, path: string) =>
    text.replace(new RegExp(`字段 ${field.replace(/[.[\]]/g, '\\$&')} ?`), `「${labelOf(path)}」`);
  const fields = error.fields.flatMap((problem) => {
    if (problem.field === 'reason') return [{ name: ['reason'], errors: [problem.message] }];
    const path = settingOfField(problem.field, settings);
    return path ? [{ name: ['settings', path], errors: [named(problem.message, problem.field, path)] }] : [];
  });
  form.setFields(fields);
  const first = error.fields[0];
  const path = first ? settingOfField(first.field, settings) : null;
  return first && path ? named(error.message, first.field, path) : error.message;
}

/**
 * The settings as a form: each with its default and the value in force (已调整 where they differ);
 * 保存 sends what differs from the defaults with the reason, and the API checks each setting (its
 * refusal shows under the setting). Keyed by the policy version: a saved change starts a fresh form.
 */
function PolicyForm({ context, settings }: { context: string; settings: readonly Setting[] }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PolicyValues>();
  const refresh = useManageRefresh();
  const labelOf = useSettingLabel(context);
  const save = useMutation({
    mutationFn: ({ settings: values, reason }: PolicyValues) => {
      const parsed = Object.fromEntries(settings.map((s) => [s.path, valueOfForm(s, values[s.path])]));
      return call(
        api.PUT('/admin/policies/{context}', { params: { path: { context } }, body: { overrides: overridesOf(parsed, settings), reason } }),
      );
    },
    onSuccess: async () => {
      void message.success('政策参数已保存，之后的业务按新版本执行');
      await refresh('policies', context);
    },
    onError: (error) => void message.error(showRefusal(form, error, settings, labelOf)),
  });
  return (
    <Form<PolicyValues>
      form={form}
      layout="vertical"
      initialValues={{ settings: Object.fromEntries(settings.map((s) => [s.path, formValueOf(s)])), reason: '' }}
      onFinish={(values) => save.mutate(values)}
    >
      <Table<Setting>
        size="small"
        rowKey="path"
        dataSource={[...settings]}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          {
            title: '参数',
            dataIndex: 'path',
            width: '38%',
            render: (path: string, row) => (
              <Space size={4} wrap>
                <span>{labelOf(path)}</span>
                {!sameValue(row.value, row.defaultValue) && <Tag color="orange">已调整</Tag>}
              </Space>
            ),
          },
          { title: '默认值', dataIndex: 'defaultValue', width: '22%', render: (value: unknown) => valueText(value) },
          { title: '现行值', key: 'value', render: (_: unknown, row) => <SettingInput setting={row} label={labelOf(row.path)} /> },
        ]}
      />
      <Form.Item
        name="reason"
        label="修改原因"
        rules={textRules('修改原因', 500)}
        extra="如文件文号、会议决定，随修改记录保存"
        style={{ marginTop: 16 }}
      >
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        保存修改
      </Button>
    </Form>
  );
}

/** One context's policy: its version, the settings form and the history of changes. */
export function PolicyEditor({ context }: { context: string }) {
  const labelOf = useSettingLabel(context);
  const policy = useQuery({
    queryKey: manageKey('policies', context),
    queryFn: () => call(api.GET('/admin/policies/{context}', { params: { path: { context } } })),
  });
  const settings = useMemo(
    () => (policy.data ? settingsOf(policy.data.current, policy.data.defaults).filter((s) => s.path !== 'policyVersion') : []),
    [policy.data],
  );
  if (policy.isLoading) return <Spin />;
  if (policy.isError) return <Empty description={messageOf(policy.error)} />;
  const view = policy.data!;
  const version = String(view.current['policyVersion']);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        现行版本 <Typography.Text code>{version}</Typography.Text>（默认 {String(view.defaults['policyVersion'])}）
      </Typography.Text>
      <PolicyForm key={version} context={context} settings={settings} />
      <PolicyHistory history={view.history} labelOf={labelOf} />
    </Space>
  );
}
