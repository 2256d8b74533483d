import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { newActionKey } from '../../inspector/inspector-api';
import { useCampaignOptions } from '../../shared/campaigns';
import { useCatalogue } from '../../shared/catalogue';
import { textRules, useStepMutation } from '../../shared/step-mutation';
import { type NoticeKind, type StaffNotice, takesPeriod, useRefreshNotices } from './notice-queries';

/** The API's limits (NOTICE_TITLE_MAX, NOTICE_PREFACE_MAX). */
const TITLE_MAX = 200;
const PREFACE_MAX = 5000;

interface NoticeValues {
  kind: NoticeKind;
  period: { from: string; to: string };
  campaignId?: string;
  title: string;
  preface: string;
}

/**
 * 起草通报 (no `notice`) or 修改草稿 (`notice`): what it reports — a period of statistics, inspection
 * results or red-list changes, or a campaign's summary — its title and the text before the tables.
 * The server's refusals stand under the field they name; `onSaved` gets the notice's id.
 */
export function NoticeForm({ notice, onSaved }: { notice?: StaffNotice; onSaved: (noticeId: string) => void }) {
  const [form] = Form.useForm<NoticeValues>();
  const words = useCatalogue();
  const refresh = useRefreshNotices();
  const [key, setKey] = useState(newActionKey);
  const kind = Form.useWatch('kind', form) ?? notice?.kind;
  const campaigns = useCampaignOptions(kind === 'campaign-summary');
  const save = useStepMutation({
    form,
    send: (values: NoticeValues) => {
      const source = takesPeriod(values.kind) ? { period: values.period } : { campaignId: values.campaignId };
      const text = { title: values.title.trim(), preface: values.preface.trim() };
      if (notice)
        return call(
          api.POST('/public-notices/{noticeId}/revise', { params: { path: { noticeId: notice.noticeId } }, body: { ...text, ...source } }),
        );
      return call(
        api.POST('/public-notices', { params: { header: { 'Idempotency-Key': key } }, body: { kind: values.kind, ...text, ...source } }),
      );
    },
    done: notice ? '草稿已修改' : '通报草稿已保存',
    then: (receipt) => {
      setKey(newActionKey());
      onSaved(receipt.id);
    },
    refresh,
  });
  const initialValues: Partial<NoticeValues> = notice
    ? {
        kind: notice.kind,
        period: notice.period ?? { from: '', to: '' },
        campaignId: notice.campaignId ?? undefined,
        title: notice.title,
        preface: notice.preface,
      }
    : { kind: 'complaint-statistics', period: { from: '', to: '' } };

  return (
    <Form<NoticeValues> form={form} layout="vertical" size="large" initialValues={initialValues} onFinish={(values) => save.mutate(values)}>
      <Form.Item name="kind" label="通报类别" rules={[{ required: true, message: '请选择通报类别' }]}>
        <Select disabled={Boolean(notice)} options={words.options('publicNoticeKinds')} />
      </Form.Item>
      {takesPeriod(kind) ? (
        <>
          <Form.Item name={['period', 'from']} label="统计起始日期" rules={[{ required: true, message: '请选择统计起始日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name={['period', 'to']}
            label="统计截止日期"
            extra="统计期结束后方可发布；表格在发布时按当时的数据生成"
            rules={[{ required: true, message: '请选择统计截止日期' }]}
          >
            <Input type="date" />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="campaignId"
          label="专项行动"
          extra="本单位或下级单位组织的专项行动"
          rules={[{ required: true, message: '请选择专项行动' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={campaigns.loading}
            placeholder="输入名称查找"
            options={campaigns.options}
            notFoundContent="没有可见的专项行动"
          />
        </Form.Item>
      )}
      <Form.Item name="title" label="标题" rules={textRules('标题', TITLE_MAX)}>
        <Input maxLength={TITLE_MAX} placeholder="如：关于2025年3月全市医疗机构投诉举报办理情况的通报" />
      </Form.Item>
      <Form.Item
        name="preface"
        label="正文（表格前的导语）"
        extra="分段请换行；表格和说明由系统生成"
        rules={textRules('正文', PREFACE_MAX)}
      >
        <Input.TextArea rows={5} maxLength={PREFACE_MAX} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={save.isPending}>
        {notice ? '保存修改' : '保存草稿'}
      </Button>
    </Form>
  );
}
