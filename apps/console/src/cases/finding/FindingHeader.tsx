import { Descriptions, Progress, Space, Tag, Typography } from 'antd';
import type { Schemas } from '../../client/client';
import { useCatalogue } from '../../shared/catalogue';
import { DueText } from '../../shared/DueText';
import { beijingDate, beijingDateTime } from '../../shared/time';
import { useWorkingDaysLeft } from '../../shared/working-days';

type FindingDetail = Schemas['InspectionFindingDetailDto'];

const STATUS_COLORS: Record<string, string> = {
  open: 'default',
  noticeIssued: 'blue',
  inProgress: 'processing',
  signOffRequested: 'gold',
  signedOff: 'green',
  withdrawn: 'default',
};

/** The finding's facts and where its rectification stands: status, deadline, plan, progress. */
export function FindingHeader({ detail, names }: { detail: FindingDetail; names: Readonly<Record<string, string>> }) {
  const words = useCatalogue();
  const { finding, rectification, ledger, currentDeadline } = detail;
  const daysLeft = useWorkingDaysLeft([detail.status === 'signedOff' || detail.status === 'withdrawn' ? null : currentDeadline?.dueAt]);
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
      items={[
        {
          key: 'status',
          label: '状态',
          children: (
            <Space size={4} wrap>
              <Tag color={STATUS_COLORS[detail.status] ?? 'default'}>{words.label('findingStatuses', detail.status)}</Tag>
              {detail.overdue && <Tag color="red">已逾期</Tag>}
              {rectification.escalation && <Tag color="volcano">{words.label('escalationRungs', rectification.escalation.rung)}</Tag>}
              {rectification.round > 1 && <Tag>第 {rectification.round} 轮整改</Tag>}
            </Space>
          ),
        },
        {
          key: 'due',
          label: '整改期限',
          children: currentDeadline ? (
            <DueText
              dueAt={currentDeadline.dueAt}
              overdue={detail.overdue}
              provisional={currentDeadline.provisional}
              workingDaysLeft={daysLeft(currentDeadline.dueAt)}
            />
          ) : detail.status === 'open' ? (
            '待下达整改通知书'
          ) : (
            '—'
          ),
        },
        { key: 'institution', label: '医疗机构', children: names[finding.institutionId] ?? finding.institutionId },
        { key: 'category', label: '问题类别', children: words.label('findingCategories', finding.category) },
        { key: 'severity', label: '严重程度', children: words.label('severities', finding.severity) },
        { key: 'action', label: '整改类型', children: words.label('requiredActions', finding.requiredAction) },
        { key: 'source', label: '问题来源', children: words.label('visitKinds', finding.visitKind) },
        {
          key: 'responsible',
          label: '责任部门 / 责任人',
          children: `${ledger?.responsibleDepartment ?? finding.responsibleDepartment} / ${ledger?.responsiblePerson ?? finding.responsiblePerson ?? '—'}`,
        },
        { key: 'opened', label: '发现时间', children: beijingDateTime(ledger?.openedAt) },
        { key: 'notice', label: '通知书文号', children: ledger?.noticeDocumentNo ?? ledger?.noticeNo ?? '—' },
        {
          key: 'planned',
          label: '计划完成',
          children: beijingDate(ledger?.plannedCompletion),
        },
        {
          key: 'progress',
          label: '整改进度',
          children:
            ledger?.percentComplete !== null && ledger?.percentComplete !== undefined ? (
              <Progress percent={ledger.percentComplete} size="small" style={{ minWidth: 120, margin: 0 }} />
            ) : (
              '—'
            ),
        },
        {
          key: 'description',
          label: '问题描述',
          span: 'filled',
          children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{finding.description}</Typography.Paragraph>,
        },
        {
          key: 'measures',
          label: '整改措施',
          span: 'filled',
          children: ledger?.measures ? (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {ledger.measures}
              {rectification.planRevision > 1 && <Typography.Text type="secondary">（第 {rectification.planRevision} 版）</Typography.Text>}
            </Typography.Paragraph>
          ) : (
            '尚未提交整改方案'
          ),
        },
        ...(rectification.pendingExtension
          ? [
              {
                key: 'extension',
                label: '延期申请',
                span: 'filled' as const,
                children: `待审批：申请延期至 ${beijingDate(rectification.pendingExtension.requestedDueAt)}，理由：${rectification.pendingExtension.reason}`,
              },
            ]
          : []),
        ...(detail.withdrawnReason
          ? [{ key: 'withdrawn', label: '撤销原因', span: 'filled' as const, children: detail.withdrawnReason }]
          : []),
      ]}
    />
  );
}
