import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Result, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Schemas } from '../client/client';
import { messageOf } from '../client/errors';
import { downloadFile } from '../client/files';
import { PATHS } from '../routes';
import { useCatalogue } from '../shared/catalogue';
import { DueText } from '../shared/DueText';
import { namesOf } from '../shared/names';
import { beijingDate, beijingDateTime, beijingDayEnds } from '../shared/time';
import { useAsOf } from './as-of';
import { AsOfSlider } from './AsOfSlider';
import { useLedgerAsOf } from './audit-queries';

type Row = Schemas['AuditLedgerRowDto'];

/**
 * The slider's stops for a ledger: the end of each day from the first finding's opening to the day
 * before the last change, then the last change itself (the ledger's instants are not listed by the
 * API, and a day is what people ask about: "what did the ledger say on 3 March").
 */
function ledgerStops(rows: readonly Row[]): string[] {
  if (rows.length === 0) return [];
  const first = rows.reduce((min, r) => (r.openedAt && r.openedAt < min ? r.openedAt : min), rows[0]!.lastRecordedAt);
  const last = rows.reduce((max, r) => (r.lastRecordedAt > max ? r.lastRecordedAt : max), rows[0]!.lastRecordedAt);
  return [...beijingDayEnds(first, last).slice(0, -1), last];
}

/**
 * 台账回溯: an institution's rectification ledger recomputed from the log as it stood at a past instant
 * (GET /audit/ledgers/:id?asOf=), with the same 时间回溯 slider as a case and the export of that ledger.
 */
export function LedgerAsOfPage() {
  const { institutionId = '' } = useParams();
  const words = useCatalogue();
  const { message } = App.useApp();
  const [asOf, setAsOf] = useAsOf();
  const head = useLedgerAsOf(institutionId, null);
  const ledger = useLedgerAsOf(institutionId, asOf);
  const [exporting, setExporting] = useState(false);

  if (head.isError || ledger.isError)
    return (
      <Result
        status="warning"
        title="无法打开该台账"
        subTitle={messageOf(head.error ?? ledger.error)}
        extra={<Link to="/">返回首页</Link>}
      />
    );
  const names = { ...namesOf(head.data), ...namesOf(ledger.data) };
  const rows = ledger.data?.rows ?? [];
  const exportLedger = async (): Promise<void> => {
    setExporting(true);
    try {
      const at = asOf ? `&asOf=${encodeURIComponent(asOf)}` : '';
      await downloadFile(`/audit/ledgers/${encodeURIComponent(institutionId)}/export?format=xlsx${at}`, '整改台账.xlsx');
    } catch (error) {
      void message.error(messageOf(error));
    } finally {
      setExporting(false);
    }
  };
  const caseLink = (stream: string): string => `${PATHS.caseAudit(stream)}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`;
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
          {names[institutionId] ?? institutionId} 整改台账
        </Typography.Title>
      }
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportLedger()}>
          {asOf ? '导出该时刻的台账' : '导出 Excel'}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <AsOfSlider
          instants={ledgerStops(head.data?.rows ?? [])}
          asOf={asOf}
          onChange={setAsOf}
          what="台账"
          note="台账按日志重新计算为该时刻的样子：其后登记的问题不在其中，各行状态、期限与升级为当时所处。"
        />
        <Typography.Text>
          {asOf ? `该时刻共 ${rows.length} 个问题（现在 ${head.data?.rows.length ?? '—'} 个）` : `共 ${rows.length} 个问题`}
        </Typography.Text>
        <Table<Row>
          size="small"
          rowKey="stream"
          loading={ledger.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          rowClassName={(row) => (row.deadlineStatus === 'expired' && row.status !== 'signedOff' ? 'row-overdue' : '')}
          locale={{ emptyText: asOf ? '该时刻台账中没有问题' : '台账中没有问题' }}
          columns={[
            { title: '序号', key: 'n', width: 64, render: (_, __, index) => index + 1 },
            {
              title: '问题类别',
              key: 'category',
              render: (_, row) => <Link to={caseLink(row.stream)}>{words.label('findingCategories', row.category)}</Link>,
            },
            { title: '严重程度', key: 'severity', render: (_, row) => words.label('severities', row.severity) },
            { title: '状态', key: 'status', render: (_, row) => <Tag color="blue">{words.label('findingStatuses', row.status)}</Tag> },
            {
              title: '整改期限',
              key: 'due',
              render: (_, row) => <DueText dueAt={row.dueAt} overdue={row.deadlineStatus === 'expired' && row.status !== 'signedOff'} />,
            },
            {
              title: '逾期升级',
              key: 'escalation',
              render: (_, row) => (row.escalation ? <Tag color="volcano">{words.label('escalationRungs', row.escalation.rung)}</Tag> : '—'),
            },
            { title: '发现日期', key: 'opened', render: (_, row) => beijingDate(row.openedAt) },
            { title: '最后变更', key: 'changed', render: (_, row) => beijingDateTime(row.lastRecordedAt) },
          ]}
        />
      </Space>
    </Card>
  );
}
