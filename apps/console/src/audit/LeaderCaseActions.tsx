import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Skeleton, Typography } from 'antd';
import { api } from '../client/client';
import { call } from '../client/errors';
import { TextStepButton } from '../inspector/complaint/TextStepButton';
import { complaintKey, useComplaint } from '../inspector/inspector-api';
import { useStepMutation } from '../shared/step-mutation';
import { beijingDateTime } from '../shared/time';
import { auditKey } from './audit-queries';
import { categoryOf, idOf } from './case-kinds';

/** A ticket the hospital holds (dispatched, acknowledged, decided): what 督办 presses on. */
const HELD_BY_HOSPITAL = ['dispatched', 'acknowledged', 'decided'];

/** 督办 of a complaint by a leader (POST /complaints/:id/supervise, open to the commission's roles). */
function ComplaintSupervision({ stream }: { stream: string }) {
  const ticketId = idOf(stream);
  const queries = useQueryClient();
  const ticket = useComplaint(ticketId);
  const supervise = useStepMutation({
    send: (reason: string) => call(api.POST('/complaints/{id}/supervise', { params: { path: { id: ticketId } }, body: { reason } })),
    done: '已督办',
    refresh: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: auditKey(stream) }),
        queries.invalidateQueries({ queryKey: complaintKey(ticketId) }),
      ]),
  });
  if (ticket.isLoading) return <Skeleton active paragraph={{ rows: 1 }} />;
  const t = ticket.data;
  if (!t) return null;
  if (t.supervisedAt) return <Alert type="warning" showIcon title={`已于 ${beijingDateTime(t.supervisedAt)} 督办`} />;
  if (!HELD_BY_HOSPITAL.includes(t.status))
    return <Typography.Text type="secondary">投诉不在承办单位办理中，当前无需督办。</Typography.Text>;
  return (
    <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
      <TextStepButton
        label="督办"
        fieldLabel="督办事由"
        type="primary"
        loading={supervise.isPending}
        run={(text) => supervise.mutateAsync(text ?? '')}
      />
      <Typography.Text type="secondary">督办后仍未按期办结的，按规定予以通报。</Typography.Text>
    </div>
  );
}

/**
 * 领导督办: the steps the domain gives a leader on this case, taken on the present state only.
 * A complaint can be supervised (督办); a finding's overdue ladder (提醒敦促函 → 整改通知书 → 约谈 →
 * 挂牌督办 → 通报) climbs by itself when its deadlines expire and the notices are the inspector's,
 * so a leader reads it here and takes no step. Other cases have no leader step.
 */
export function LeaderCaseActions({ stream, asOf }: { stream: string; asOf: string | null }) {
  const category = categoryOf(stream);
  if (category !== 'complaintTicket' && category !== 'finding') return null;
  return (
    <Card size="small" title="领导督办">
      {asOf ? (
        <Typography.Text type="secondary">正在查看过去的状态；回到现在后可督办。</Typography.Text>
      ) : category === 'complaintTicket' ? (
        <ComplaintSupervision stream={stream} />
      ) : (
        <Typography.Text type="secondary">
          问题逾期后按「提醒敦促函 → 整改通知书 → 约谈通知书 → 挂牌督办 → 通报」逐级自动升级，文书由监督员出具；当前所处级别见上方状态。
        </Typography.Text>
      )}
    </Card>
  );
}
