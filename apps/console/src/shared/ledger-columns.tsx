import type { TableColumnType, TableProps } from 'antd';
import { Grid, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../client/client';
import { findingStream } from '../cases/finding/finding-queries';
import { PATHS } from '../routes';
import { useCatalogue } from './catalogue';
import { DueText } from './DueText';
import { beijingDate } from './time';
import { useWorkingDaysLeft } from './working-days';

export type LedgerRow = Schemas['InspectionLedgerRowDto'];
export type LedgerColumn = TableColumnType<LedgerRow>;

export interface LedgerColumns {
  readonly seq: LedgerColumn;
  readonly institution: LedgerColumn;
  readonly description: LedgerColumn;
  readonly category: LedgerColumn;
  readonly severity: LedgerColumn;
  readonly status: LedgerColumn;
  readonly due: LedgerColumn;
  readonly progress: LedgerColumn;
  readonly evidence: LedgerColumn;
  readonly opened: LedgerColumn;
  /** 问题详情 and 案件审计 (the finding's whole history). */
  readonly caseLinks: LedgerColumn;
  /** On a phone: the problem, its status and its deadline in one column, where nine do not fit. */
  readonly summary: LedgerColumn;
}

/**
 * The rectification ledger's columns (整改台账), one home for every table of ledger rows — the
 * hospital's ledger, the leaders' 督办台账, a campaign's 台账: each page picks and orders the ones it
 * shows and may add a sort to a column. The working days left to each open row's due date are
 * asked once for the rows given.
 */
export function useLedgerColumns(
  rows: readonly LedgerRow[],
  options: { names?: Readonly<Record<string, string>>; institutionHref?: (institutionId: string) => string } = {},
): LedgerColumns {
  const words = useCatalogue();
  const daysLeft = useWorkingDaysLeft(rows.filter((row) => !row.signedOff).map((row) => row.currentDueAt));
  const nameOf = (id: string): string => options.names?.[id] ?? id;
  const statusOf = (row: LedgerRow) => (
    <Space size={4} wrap>
      <Tag style={{ whiteSpace: 'normal' }}>{words.label('findingStatuses', row.status)}</Tag>
      {row.overdue && <Tag color="red">逾期</Tag>}
      {row.escalationRung && <Tag color="volcano">{words.label('escalationRungs', row.escalationRung)}</Tag>}
    </Space>
  );
  const dueOf = (row: LedgerRow) =>
    row.signedOff ? (
      <Tag color={row.onTime === false ? 'orange' : 'green'}>{row.onTime === false ? '逾期完成' : '按期完成'}</Tag>
    ) : (
      <DueText
        dueAt={row.currentDueAt}
        overdue={row.overdue}
        provisional={row.currentDueProvisional}
        workingDaysLeft={daysLeft(row.currentDueAt)}
      />
    );
  // A row may open the finding on click as well: the link must not open it twice.
  const findingLink = (row: LedgerRow, text: ReactNode) => (
    <Link to={PATHS.finding(row.findingId)} onClick={(event) => event.stopPropagation()}>
      {text}
    </Link>
  );
  return {
    seq: { title: '序号', dataIndex: 'seq', width: 64, fixed: 'left' },
    institution: {
      title: '机构',
      dataIndex: 'institutionId',
      width: 150,
      render: (id: string) =>
        options.institutionHref ? (
          <Link to={options.institutionHref(id)} title="该机构整改台账（可回溯到任一日）">
            {nameOf(id)}
          </Link>
        ) : (
          nameOf(id)
        ),
    },
    description: {
      title: '问题描述',
      dataIndex: 'description',
      width: 240,
      render: (description: string, row) =>
        findingLink(
          row,
          <Typography.Text ellipsis={{ tooltip: description }} style={{ maxWidth: 220, color: 'inherit' }}>
            {description}
          </Typography.Text>,
        ),
    },
    category: { title: '问题类别', dataIndex: 'category', width: 150, render: (value: string) => words.label('findingCategories', value) },
    severity: { title: '严重程度', dataIndex: 'severity', width: 90, render: (value: string) => words.label('severities', value) },
    status: {
      title: '状态与督办',
      dataIndex: 'status',
      width: 200,
      render: (_, row) => statusOf(row),
    },
    due: {
      title: '整改期限',
      key: 'due',
      width: 190,
      render: (_, row) => dueOf(row),
    },
    progress: {
      title: '进度',
      dataIndex: 'percentComplete',
      width: 70,
      render: (value: number | null) => (value === null ? '—' : `${value}%`),
    },
    evidence: { title: '证据', dataIndex: 'evidenceFiles', width: 60 },
    opened: { title: '发现日期', key: 'opened', dataIndex: 'openedAt', width: 110, render: (value: string) => beijingDate(value) },
    caseLinks: {
      title: '查看',
      key: 'links',
      width: 170,
      fixed: 'right',
      render: (_, row) => (
        <Space size={12}>
          <Link to={PATHS.finding(row.findingId)}>问题详情</Link>
          <Link to={PATHS.caseAudit(findingStream(row.findingId))} aria-label={`案件审计：${row.description}`}>
            案件审计
          </Link>
        </Space>
      ),
    },
    summary: {
      title: '问题与整改',
      key: 'summary',
      render: (_, row) => (
        <Space orientation="vertical" size={4}>
          {findingLink(row, row.description)}
          <Typography.Text type="secondary">
            {[
              ...(options.names ? [nameOf(row.institutionId)] : []),
              words.label('findingCategories', row.category),
              words.label('severities', row.severity),
              `发现于 ${beijingDate(row.openedAt)}`,
            ].join(' · ')}
          </Typography.Text>
          {statusOf(row)}
          {/* No deadline runs before the notice: nothing to say yet. */}
          {(row.signedOff || row.currentDueAt) && dueOf(row)}
        </Space>
      ),
    },
  };
}

/**
 * A ledger table's columns and sideways scroll: on a phone (below md) the row number and the
 * summary, which fit 375 px; elsewhere the page's own columns, scrolled past `width`.
 */
export function useLedgerLayout(
  columns: LedgerColumns,
  wide: LedgerColumn[],
  width: number,
): Required<Pick<TableProps<LedgerRow>, 'columns'>> & Pick<TableProps<LedgerRow>, 'scroll'> {
  const phone = !(Grid.useBreakpoint().md ?? true);
  return phone ? { columns: [columns.seq, columns.summary] } : { columns: wide, scroll: { x: width } };
}
