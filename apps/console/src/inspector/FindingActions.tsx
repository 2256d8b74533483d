import { Card, Result, Skeleton, Space, Typography } from 'antd';
import { messageOf } from '../client/errors';
import { useCatalogue } from '../shared/catalogue';
import { beijingDate } from '../shared/time';
import { ExtensionDecision } from './finding/ExtensionDecision';
import { NoticeDocuments } from './finding/NoticeDocuments';
import { NoticeStep } from './finding/NoticeStep';
import { RecheckForm } from './finding/RecheckForm';
import { SignOffReview } from './finding/SignOffReview';
import { WithdrawFinding } from './finding/WithdrawFinding';
import { useFinding } from './inspector-api';
import './inspector.css';

const LIVE = ['open', 'noticeIssued', 'inProgress', 'signOffRequested'];

/**
 * The steps open to an inspector on a finding, rendered on the finding's page (cases/FindingPage):
 * 下达整改要求, 销号审核 with the evidence viewer, 延期审批, 回头看, the printed notices and 撤销.
 * Each step shows only while the finding's state allows it; the API still decides and explains.
 */
export function InspectorFindingActions({ findingId }: { findingId: string }) {
  const words = useCatalogue();
  const finding = useFinding(findingId);
  if (finding.isLoading) return <Skeleton active />;
  if (finding.isError || !finding.data) return <Result status="warning" title="无法读取问题" subTitle={messageOf(finding.error)} />;
  const detail = finding.data;
  const { status } = detail;
  const pending = detail.rectification.pendingExtension;
  const immediate = detail.finding.requiredAction === 'immediate';
  const rechecking = status === 'signedOff' && (detail.recheck === 'scheduled' || detail.recheck === 'due');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} className="inspector-finding-actions">
      {status === 'open' && (
        <Card title="下达整改要求" size="small">
          <NoticeStep findingId={findingId} />
        </Card>
      )}
      {status === 'signOffRequested' && (
        <Card title="销号审核" size="small">
          <SignOffReview detail={detail} />
        </Card>
      )}
      {immediate && (status === 'open' || status === 'noticeIssued' || status === 'inProgress') && (
        <Card title="立行立改销号" size="small">
          <SignOffReview detail={detail} direct />
        </Card>
      )}
      {pending && LIVE.includes(status) && (
        <Card title="延期审批" size="small">
          <ExtensionDecision findingId={findingId} pending={pending} currentDueAt={detail.currentDeadline?.dueAt ?? null} />
        </Card>
      )}
      {rechecking && (
        <Card
          title={`回头看（${words.label('recheckStatuses', detail.recheck)}${detail.ledger?.recheckDueAt ? `，${beijingDate(detail.ledger.recheckDueAt)} 前` : ''}）`}
          size="small"
        >
          <RecheckForm findingId={findingId} />
        </Card>
      )}
      {status !== 'withdrawn' && (
        <Card title="文书（通知书打印）" size="small">
          <NoticeDocuments findingId={findingId} status={status} rung={detail.rectification.escalation?.rung ?? null} />
        </Card>
      )}
      {LIVE.includes(status) && <WithdrawFinding findingId={findingId} />}
      {status === 'withdrawn' && <Typography.Text type="secondary">此问题已撤销：{detail.withdrawnReason}</Typography.Text>}
    </Space>
  );
}
