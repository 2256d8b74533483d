import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { newActionKey } from '../../inspector/inspector-api';
import { textRules, useStepMutation } from '../../shared/step-mutation';
import { type StaffNotice, useRefreshNotices } from './notice-queries';

interface CorrectionValues {
  title?: string;
  preface: string;
}

/**
 * 更正 / 撤销 a published notice: a new draft of the same unit, kind and period (or campaign) that
 * names it; it is previewed and published like any draft, and only then is the original marked.
 */
export function CorrectionForm({
  notice,
  withdraw,
  onSaved,
}: {
  notice: StaffNotice;
  withdraw: boolean;
  onSaved: (correctionId: string) => void;
}) {
  const [form] = Form.useForm<CorrectionValues>();
  const refresh = useRefreshNotices();
  const [key, setKey] = useState(newActionKey);
  const word = withdraw ? '撤销' : '更正';
  const correct = useStepMutation({
    form,
    send: (values: CorrectionValues) =>
      call(
        api.POST('/public-notices/{noticeId}/corrections', {
          params: { path: { noticeId: notice.noticeId }, header: { 'Idempotency-Key': key } },
          body: { title: values.title?.trim() || undefined, preface: values.preface.trim(), withdraw },
        }),
      ),
    done: `${word}通报草稿已保存，请预览后发布`,
    then: (receipt) => {
      setKey(newActionKey());
      onSaved(receipt.id);
    },
    refresh,
  });
  return (
    <Form<CorrectionValues> form={form} layout="vertical" size="large" onFinish={(values) => correct.mutate(values)}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`将起草一份新的${word}通报`}
        description={
          withdraw
            ? '撤销通报不附表格。发布后原通报仍然公开，并标注“已被撤销”，链接到本撤销通报。'
            : '更正通报按发布时的数据重新生成表格。发布后原通报仍然公开，并标注“已被更正”，链接到本更正通报。'
        }
      />
      <Form.Item name="title" label="标题" extra={`不填则为：关于${word}《${notice.title}》的通报`} rules={textRules('标题', 200, false)}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="preface" label={`${word}说明`} extra="说明更正或撤销的内容和原因；分段请换行" rules={textRules(`${word}说明`, 5000)}>
        <Input.TextArea rows={5} maxLength={5000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={correct.isPending} danger={withdraw}>
        保存{word}草稿
      </Button>
    </Form>
  );
}
