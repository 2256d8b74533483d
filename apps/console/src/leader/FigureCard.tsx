import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../client/errors';
import { downloadFile } from '../client/files';
import type { operations } from '../client/schema.gen';
import { DrillFilter, drillPath, Period } from './leader-filters';

export type StatisticsTable = NonNullable<NonNullable<operations['StatisticsController_export']['parameters']['query']>['table']>;

/** GET /statistics/export for the period: one table, or every table when none is named. */
export function exportPath(period: Period, table?: StatisticsTable, institutionId?: string): string {
  const query = new URLSearchParams({
    format: 'xlsx',
    ...period,
    ...(table ? { table } : {}),
    ...(institutionId ? { institutionId } : {}),
  });
  return `/statistics/export?${query.toString()}`;
}

/** The 导出 button of a figure (or of all of them): the 通报 table as the API lays it out. */
export function ExportButton({ path, name, label = '导出' }: { path: string; name: string; label?: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      aria-label={`${label}：${name}`}
      onClick={() => {
        setBusy(true);
        downloadFile(path, `${name}.xlsx`)
          .catch((error: unknown) => void message.error(messageOf(error)))
          .finally(() => setBusy(false));
      }}
    >
      {label}
    </Button>
  );
}

/** A count that opens the rows behind it (the drill-down list); zero is plain text. */
export function DrillLink({ count, filter, period, label }: { count: number; filter: DrillFilter; period: Period; label: string }) {
  if (count === 0) return <span>0</span>;
  return (
    <Link to={drillPath(filter, period)} aria-label={`${label}：${count} 项，查看明细`}>
      {count}
    </Link>
  );
}

/**
 * One figure of the dashboard: its chart, then the same numbers as a table (for print, for screen
 * readers, and as links to the rows behind each number), and the button that exports it as a 通报 table.
 */
export function FigureCard({
  title,
  table,
  period,
  chart,
  children,
}: {
  title: string;
  table: StatisticsTable;
  period: Period;
  chart?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card
      title={title}
      size="small"
      className="leader-figure"
      extra={<ExportButton path={exportPath(period, table)} name={title} />}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12 } }}
    >
      {chart}
      <section aria-label={`${title}（数据表）`}>{children}</section>
    </Card>
  );
}
