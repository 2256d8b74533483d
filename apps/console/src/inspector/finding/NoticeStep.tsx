import { Button, Form, Input, Typography } from 'antd';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { findingKey, useRefreshAfterStep } from '../inspector-api';
import { useStepMutation } from '../../shared/step-mutation';

interface NoticeValues {
  noticeNo?: string;
  requirements?: string;
  dueDate?: string;
}

/** 下达整改要求: the rectification requirement and deadline (policy working days unless a date is given). */
export function NoticeStep({ findingId }: { findingId: string }) {
  const refreshAfterStep = useRefreshAfterStep();
  const notice = useStepMutation({
    send: (values: NoticeValues) =>
      call(
        api.POST('/findings/{findingId}/notice', {
          params: { path: { findingId } },
          body: {
            noticeNo: values.noticeNo?.trim() || undefined,
            requirements: values.requirements?.trim() || undefined,
            dueDate: values.dueDate || undefined,
          },
        }),
      ),
    done: '整改要求已下达，整改时限开始计算',
    refresh: () => refreshAfterStep(findingKey(findingId)),
  });
  return (
    <Form<NoticeValues> layout="vertical" size="large" onFinish={(values) => notice.mutate(values)}>
      <Typography.Paragraph type="secondary">
        下达后整改时限按政策工作日自动计算（可指定截止日期），随后可打印《整改通知书》。
      </Typography.Paragraph>
      <Form.Item name="requirements" label="整改要求">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="dueDate" label="整改截止日期" extra="不填则按整改类型的默认工作日计算">
        <Input type="date" />
      </Form.Item>
      <Form.Item name="noticeNo" label="纸质通知书编号" extra="已手写纸质通知书时填写（可选）">
        <Input maxLength={100} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={notice.isPending}>
        下达整改要求
      </Button>
    </Form>
  );
}
