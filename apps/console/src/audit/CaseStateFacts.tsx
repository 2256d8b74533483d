import { Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { messageOf } from '../client/errors';
import { useCatalogue } from '../shared/catalogue';
import { DueText } from '../shared/DueText';
import { namesOf } from '../shared/names';
import { beijingDateTime } from '../shared/time';
import { useWorkingDaysLeft } from '../shared/working-days';
import { useCaseHistory, useCaseState } from './audit-queries';
import { caseFacts, categoryOf, idOf, STATE_CATEGORIES } from './case-kinds';

/**
 * The case's facts as they stood at `asOf` (now when null), folded by the API from the log
 * (GET …/state?asOf=): status, institution, the finding's rung on the overdue ladder, the
 * complaint's 督办, and the deadlines then open. Process streams have no state: their id only.
 */
export function CaseStateFacts({ stream, asOf }: { stream: string; asOf: string | null }) {
  const words = useCatalogue();
  const folds = STATE_CATEGORIES.includes(categoryOf(stream));
  const state = useCaseState(stream, asOf, folds);
  // The first page of the timeline (the page's own query) names the deadlines (整改时限).
  const history = useCaseHistory(stream, 1, false);
  const facts = caseFacts(stream, state.data?.state, words);
  const daysLeft = useWorkingDaysLeft(asOf ? [] : facts.deadlines.filter((d) => d.status === 'pending').map((d) => d.dueAt));
  if (folds && state.isLoading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (state.isError) return <Typography.Text type="danger">案件状态加载失败：{messageOf(state.error)}</Typography.Text>;
  const names = { ...namesOf(history.data), ...namesOf(state.data) };
  const labels = new Map((history.data?.entries ?? []).flatMap((e) => e.deadlines.map((d) => [d.deadlineId, d.label ?? d.deadlineId])));
  const notYet = facts.status === 'none';
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
      items={[
        {
          key: 'status',
          label: '状态',
          children: notYet ? (
            <Tag>该时刻尚未立案</Tag>
          ) : (
            <Space size={4} wrap>
              {facts.statusLabel && <Tag color="blue">{facts.statusLabel}</Tag>}
              {facts.escalation && (
                <Tag color="volcano">
                  逾期升级：{words.label('escalationRungs', facts.escalation.rung)}（第 {facts.escalation.step} 级）
                </Tag>
              )}
              {facts.supervisedAt && <Tag color="volcano">已督办 {beijingDateTime(facts.supervisedAt)}</Tag>}
              {!facts.statusLabel && !facts.escalation && !facts.supervisedAt && '—'}
            </Space>
          ),
        },
        {
          key: 'institution',
          label: '机构',
          children: facts.institutionId ? (names[facts.institutionId] ?? facts.institutionId) : '—',
        },
        { key: 'id', label: '编号', children: <Typography.Text copyable>{idOf(stream)}</Typography.Text> },
        ...facts.deadlines.map((d) => ({
          key: `deadline-${d.deadlineId}`,
          label: labels.get(d.deadlineId) ?? d.deadlineId,
          children: (
            <Space size={4} wrap>
              <DueText dueAt={d.dueAt} overdue={d.status === 'expired'} workingDaysLeft={asOf ? undefined : daysLeft(d.dueAt)} />
              {d.status !== 'expired' && <Tag>{words.label('deadlineStatuses', d.status)}</Tag>}
            </Space>
          ),
        })),
        ...(state.data
          ? [
              {
                key: 'events',
                label: asOf ? '该时刻的记录' : '记录',
                children: `${state.data.events} 条${state.data.position !== null ? `（日志位置 ${state.data.position}）` : ''}`,
              },
            ]
          : []),
      ]}
    />
  );
}
