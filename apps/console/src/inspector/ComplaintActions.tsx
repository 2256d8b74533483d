import { Alert, Card, Form, InputNumber, Button, Result, Skeleton, Space, Typography } from 'antd';
import { api } from '../client/client';
import { call, messageOf } from '../client/errors';
import { useCatalogue } from '../shared/catalogue';
import { beijingDateTime } from '../shared/time';
import { DeclineButton } from './complaint/DeclineButton';
import { DispatchForm } from './complaint/DispatchForm';
import { FollowUpForm } from './complaint/FollowUpForm';
import { TextStepButton } from './complaint/TextStepButton';
import { complaintKey, useComplaint, useRefreshAfterStep } from './inspector-api';
import { useStepMutation } from '../shared/step-mutation';
import './inspector.css';

const IN_HANDS_OF_HOSPITAL = ['dispatched', 'acknowledged', 'decided'];

/**
 * The steps open to commission staff on a complaint ticket (rendered on cases/ComplaintPage and in
 * the inspector's complaints list): 转办 / 当场办结 / 不予受理 on intake; 督办, 延期审批, 停表 and the
 * complainant's reply while the hospital handles it; 回访, 办结 and 重办 after the answer.
 */
export function InspectorComplaintActions({ ticketId }: { ticketId: string }) {
  const words = useCatalogue();
  const ticket = useComplaint(ticketId);
  const key = complaintKey(ticketId);
  const path = { params: { path: { id: ticketId } } };
  const refreshAfterStep = useRefreshAfterStep();
  const resolve = useStepMutation({
    send: (resolution: string) => call(api.POST('/complaints/{id}/resolve-on-the-spot', { ...path, body: { resolution } })),
    done: '已当场办结',
    refresh: () => refreshAfterStep(key),
  });
  const supervise = useStepMutation({
    send: (reason: string) => call(api.POST('/complaints/{id}/supervise', { ...path, body: { reason } })),
    done: '已督办',
    refresh: () => refreshAfterStep(key),
  });
  const pause = useStepMutation({
    send: (reason: string) => call(api.POST('/complaints/{id}/await-complainant', { ...path, body: { reason } })),
    done: '已停表，等待投诉人补充',
    refresh: () => refreshAfterStep(key),
  });
  const reply = useStepMutation({
    send: (note: string | undefined) => call(api.POST('/complaints/{id}/complainant-reply', { ...path, body: { note } })),
    done: '已记录投诉人答复，计时恢复',
    refresh: () => refreshAfterStep(key),
  });
  const approve = useStepMutation({
    send: (extraWorkingDays: number) => call(api.POST('/complaints/{id}/extension/approve', { ...path, body: { extraWorkingDays } })),
    done: '已批准延期',
    refresh: () => refreshAfterStep(key),
  });
  const deny = useStepMutation({
    send: (reason: string) => call(api.POST('/complaints/{id}/extension/deny', { ...path, body: { reason } })),
    done: '已不予延期',
    refresh: () => refreshAfterStep(key),
  });
  const close = useStepMutation({
    send: (reason: string | undefined) => call(api.POST('/complaints/{id}/close', { ...path, body: { reason } })),
    done: '已办结',
    refresh: () => refreshAfterStep(key),
  });
  const reopen = useStepMutation({
    send: (reason: string) =>
      call(
        api.POST('/complaints/{id}/reopen', {
          ...path,
          body: { reason, complexity: ticket.data?.complexity === 'complex' ? 'complex' : 'simple' },
        }),
      ),
    done: '已重新交办',
    refresh: () => refreshAfterStep(key),
  });
  if (ticket.isLoading) return <Skeleton active />;
  if (ticket.isError || !ticket.data) return <Result status="warning" title="无法读取投诉" subTitle={messageOf(ticket.error)} />;
  const t = ticket.data;
  const status = t.status;
  const needsCloseReason = !t.followedUpAt || t.rating === 'dissatisfied';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {status === 'received' && (
        <Card size="small" title="受理后处置">
          <DispatchForm ticket={t} />
          <div className="field-actions" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 12 }}>
            <TextStepButton
              label="当场办结"
              fieldLabel="办结情况"
              loading={resolve.isPending}
              run={(text) => resolve.mutateAsync(text ?? '')}
            />
            <DeclineButton ticketId={ticketId} />
          </div>
        </Card>
      )}
      {t.extensionPending && IN_HANDS_OF_HOSPITAL.includes(status) && (
        <Card size="small" title="延期审批">
          <Form<{ days: number }>
            layout="vertical"
            size="large"
            initialValues={{ days: 5 }}
            onFinish={(values) => approve.mutate(values.days)}
          >
            <Form.Item name="days" label="延长工作日数（1–30）" rules={[{ required: true, message: '请填写天数' }]}>
              <InputNumber min={1} max={30} style={{ width: '100%' }} />
            </Form.Item>
            <div className="field-actions" style={{ display: 'flex', gap: 8 }}>
              <Button type="primary" htmlType="submit" loading={approve.isPending} style={{ flex: 1 }}>
                批准延期
              </Button>
              <TextStepButton
                label="不予延期"
                fieldLabel="理由"
                danger
                loading={deny.isPending}
                run={(text) => deny.mutateAsync(text ?? '')}
              />
            </div>
          </Form>
        </Card>
      )}
      {IN_HANDS_OF_HOSPITAL.includes(status) && (
        <Card size="small" title="督办">
          {t.supervisedAt && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`已于 ${beijingDateTime(t.supervisedAt)} 督办`} />
          )}
          {t.waitingOnComplainant && <Alert type="info" showIcon style={{ marginBottom: 12 }} message="已停表，等待投诉人补充材料或答复" />}
          <div className="field-actions" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            {!t.supervisedAt && (
              <TextStepButton
                label="督办"
                fieldLabel="督办事由"
                type="primary"
                loading={supervise.isPending}
                run={(text) => supervise.mutateAsync(text ?? '')}
              />
            )}
            {t.waitingOnComplainant ? (
              <TextStepButton
                label="记录投诉人答复"
                fieldLabel="答复内容"
                required={false}
                loading={reply.isPending}
                run={(text) => reply.mutateAsync(text)}
              />
            ) : (
              <TextStepButton
                label="停表（待投诉人补充）"
                fieldLabel="停表原因"
                loading={pause.isPending}
                run={(text) => pause.mutateAsync(text ?? '')}
              />
            )}
          </div>
        </Card>
      )}
      {status === 'answered' && (
        <Card size="small" title="回访">
          {t.answer && <Typography.Paragraph>医院答复：{t.answer}</Typography.Paragraph>}
          <FollowUpForm ticketId={ticketId} />
        </Card>
      )}
      {(status === 'answered' || status === 'followed-up') && (
        <Card size="small" title="办结">
          {t.rating && <Typography.Paragraph>回访评价：{words.label('satisfactionRatings', t.rating)}</Typography.Paragraph>}
          <div className="field-actions" style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <TextStepButton
              label="办结"
              fieldLabel="办结说明"
              type="primary"
              required={needsCloseReason}
              placeholder={needsCloseReason ? '未回访或不满意时须说明理由' : undefined}
              loading={close.isPending}
              run={(text) => close.mutateAsync(text)}
            />
            {t.rating === 'dissatisfied' && (
              <TextStepButton
                label="重办"
                fieldLabel="重办理由"
                danger
                loading={reopen.isPending}
                run={(text) => reopen.mutateAsync(text ?? '')}
              />
            )}
          </div>
        </Card>
      )}
      {(status === 'closed' || status === 'declined') && (
        <Typography.Text type="secondary">此投诉已{words.label('complaintStatuses', status)}，无待办步骤。</Typography.Text>
      )}
    </Space>
  );
}
