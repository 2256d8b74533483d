import { Button, Form, Input, Radio } from 'antd';
import { api } from '../../client/client';
import { call } from '../../client/errors';
import { useCatalogue } from '../../shared/catalogue';
import { complaintKey, useRefreshAfterStep } from '../inspector-api';
import { useStepMutation } from '../../shared/step-mutation';

interface FollowUpValues {
  rating: 'satisfied' | 'basically-satisfied' | 'dissatisfied';
  comment?: string;
}

/** 回访: the rating the complainant gave on the follow-up call. */
export function FollowUpForm({ ticketId }: { ticketId: string }) {
  const words = useCatalogue();
  const refreshAfterStep = useRefreshAfterStep();
  const followUp = useStepMutation({
    send: (values: FollowUpValues) =>
      call(
        api.POST('/complaints/{id}/follow-up', {
          params: { path: { id: ticketId } },
          body: { rating: values.rating, comment: values.comment?.trim() || undefined },
        }),
      ),
    done: '回访结果已记录',
    refresh: () => refreshAfterStep(complaintKey(ticketId)),
  });
  return (
    <Form<FollowUpValues> layout="vertical" size="large" onFinish={(values) => followUp.mutate(values)}>
      <Form.Item name="rating" label="投诉人评价" rules={[{ required: true, message: '请选择评价' }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={words.options('satisfactionRatings')} />
      </Form.Item>
      <Form.Item name="comment" label="回访记录">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={followUp.isPending}>
        记录回访
      </Button>
    </Form>
  );
}
